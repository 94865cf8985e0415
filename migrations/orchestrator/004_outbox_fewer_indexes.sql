-- Every outbox row is inserted once and marked sent once; each index on it costs a write both
-- times. Retention finds old published rows by scanning from the lowest id (ids grow with time),
-- so these two indexes are not needed.
DROP INDEX outbox_saga;
DROP INDEX outbox_sent;

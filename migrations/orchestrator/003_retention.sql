-- Retention deletes finished sagas oldest first: find them without scanning the table.
CREATE INDEX sagas_finished ON sagas (finished_at) WHERE finished_at IS NOT NULL;
-- Published outbox rows are deleted with their saga, or by age.
CREATE INDEX outbox_saga ON outbox (saga_id);
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

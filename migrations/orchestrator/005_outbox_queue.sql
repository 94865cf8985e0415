-- The outbox becomes a queue: the relay deletes rows once JetStream has acknowledged them (a range
-- per batch, riding a group commit), so the table holds only what is still to publish and stays
-- small and hot. No sent_at to update, no partial index, no unique msg_id index (message ids are
-- built unique): an insert writes one B-tree. Published rows had no reader; they are not copied.
CREATE TABLE outbox_queue (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  saga_id     TEXT NOT NULL,
  subject     TEXT NOT NULL,
  msg_id      TEXT NOT NULL,
  headers     TEXT NOT NULL,
  payload     BLOB NOT NULL,
  created_at  INTEGER NOT NULL
);
INSERT INTO outbox_queue (id, saga_id, subject, msg_id, headers, payload, created_at)
  SELECT id, saga_id, subject, msg_id, headers, payload, created_at FROM outbox WHERE sent_at IS NULL;
-- Ids never go back (the relay reads after the last id it published): continue the old sequence.
DELETE FROM sqlite_sequence WHERE name = 'outbox_queue';
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_queue', coalesce(max(id), 0) FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_queue RENAME TO outbox;

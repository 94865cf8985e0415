-- Readiness after a storage fault writes (and deletes) a large row here: only a write that needs
-- new space proves a full disk has room again.
CREATE TABLE storage_probe (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  filler BLOB NOT NULL
);

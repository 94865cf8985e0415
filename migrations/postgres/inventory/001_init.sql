-- Inventory on PostgreSQL (DATABASE_URL), in the schema "inventory": the tables of
-- migrations/inventory in PostgreSQL's types. The kit creates processed_commands and health_probe.
CREATE TABLE stock (
  sku       TEXT PRIMARY KEY,
  available BIGINT NOT NULL CHECK (available >= 0),
  reserved  BIGINT NOT NULL CHECK (reserved >= 0)
);

-- status 'released' with no prior reservation is a tombstone: the release came first, so the
-- late reserve for that order is refused.
CREATE TABLE reservations (
  order_id   TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('reserved', 'released')),
  items      JSONB NOT NULL,
  updated_at BIGINT NOT NULL
);

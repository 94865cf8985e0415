-- Shipping on PostgreSQL (DATABASE_URL), in the schema "shipping": the tables of
-- migrations/shipping in PostgreSQL's types. The kit creates processed_commands and health_probe.

-- status 'cancelled' with a NULL address is a tombstone: the cancel came first, so the late
-- schedule for that order is refused.
CREATE TABLE shipments (
  order_id   TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  address    JSONB,
  items      JSONB NOT NULL,
  updated_at BIGINT NOT NULL
);

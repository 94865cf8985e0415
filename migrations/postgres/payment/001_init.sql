-- Payment on PostgreSQL (DATABASE_URL), in the schema "payment": the tables of
-- migrations/payment in PostgreSQL's types. The kit creates processed_commands and health_probe.

-- Balances in minor units. A customer without a row has the configured default balance.
CREATE TABLE accounts (
  customer_id TEXT PRIMARY KEY,
  balance     BIGINT NOT NULL CHECK (balance >= 0)
);

-- status 'refunded' with amount_minor 0 and no prior charge is a tombstone: the refund came
-- first, so the late charge for that order is refused.
CREATE TABLE payments (
  order_id     TEXT PRIMARY KEY,
  customer_id  TEXT NOT NULL,
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  currency     TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('charged', 'refunded', 'declined')),
  updated_at   BIGINT NOT NULL
);

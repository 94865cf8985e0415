-- Payment participant: a balance per customer, one payment per order, and the replies it gave.

-- The reply given per command id: a redelivered or retried command is answered from here
-- without redoing the work. Only final outcomes (OK, REJECTED) are stored; a transient failure
-- is not, so the retry does the work.
CREATE TABLE processed_commands (
  command_id   TEXT PRIMARY KEY,
  saga_id      TEXT NOT NULL,
  kind         TEXT NOT NULL,
  outcome      TEXT NOT NULL CHECK (outcome IN ('OK', 'REJECTED')),
  reason_code  TEXT NOT NULL,
  detail       TEXT NOT NULL,
  processed_at INTEGER NOT NULL
) STRICT;

-- Readiness writes one row here to prove the database accepts writes.
CREATE TABLE health_probe (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at INTEGER NOT NULL
) STRICT;

-- Balances in minor units. A customer without a row has the configured default balance.
CREATE TABLE accounts (
  customer_id TEXT PRIMARY KEY,
  balance     INTEGER NOT NULL CHECK (balance >= 0)
) STRICT;

-- status 'refunded' with amount_minor 0 and no prior charge is a tombstone: the refund came
-- first, so the late charge for that order is refused.
CREATE TABLE payments (
  order_id     TEXT PRIMARY KEY,
  customer_id  TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
  currency     TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('charged', 'refunded', 'declined')),
  updated_at   INTEGER NOT NULL
) STRICT;

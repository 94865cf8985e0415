-- Shipping participant: one shipment per order, and the replies it gave.

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

-- status 'cancelled' with a NULL address is a tombstone: the cancel came first, so the late
-- schedule for that order is refused.
CREATE TABLE shipments (
  order_id   TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  address    TEXT CHECK (address IS NULL OR json_valid(address)),
  items      TEXT NOT NULL CHECK (json_valid(items)),
  updated_at INTEGER NOT NULL
) STRICT;

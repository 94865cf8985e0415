-- Inventory participant: stock per SKU, one reservation per order, and the replies it gave.

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

CREATE TABLE stock (
  sku       TEXT PRIMARY KEY,
  available INTEGER NOT NULL CHECK (available >= 0),
  reserved  INTEGER NOT NULL CHECK (reserved >= 0)
) STRICT;

-- status 'released' with no prior reservation is a tombstone: the release came first, so the
-- late reserve for that order is refused.
CREATE TABLE reservations (
  order_id   TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('reserved', 'released')),
  items      TEXT NOT NULL CHECK (json_valid(items)),
  updated_at INTEGER NOT NULL
) STRICT;

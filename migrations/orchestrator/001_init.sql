-- One row per saga: the machine snapshot and what it was started with.
CREATE TABLE sagas (
  id               TEXT PRIMARY KEY,
  type             TEXT NOT NULL,
  version          INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('running', 'compensating', 'completed', 'cancelled', 'needs_attention')),
  reason           TEXT,
  business_key     TEXT NOT NULL,
  snapshot         TEXT NOT NULL,
  input            TEXT NOT NULL,
  idempotency_key  TEXT UNIQUE,
  request_hash     TEXT,
  trace_context    TEXT,
  seq              INTEGER NOT NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  finished_at      INTEGER
);
-- One saga per business key (order id) and type: participants key their state by it.
CREATE UNIQUE INDEX sagas_business_key ON sagas (type, business_key);
-- Listings: newest first, optionally by status and type; the cursor is (created_at, id).
CREATE INDEX sagas_created ON sagas (created_at DESC, id DESC);
CREATE INDEX sagas_status_created ON sagas (status, created_at DESC, id DESC);
CREATE INDEX sagas_type_created ON sagas (type, created_at DESC, id DESC);

-- Append-only: one row per event applied (or ignored) — the saga's event history.
CREATE TABLE saga_history (
  saga_id     TEXT NOT NULL REFERENCES sagas (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  event_type  TEXT NOT NULL,
  event       TEXT NOT NULL,
  state       TEXT NOT NULL,
  status      TEXT NOT NULL,
  effects     TEXT NOT NULL,
  ignored     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (saga_id, seq)
) WITHOUT ROWID;

-- Messages to publish, written in the same transaction as the state change that caused them.
CREATE TABLE outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  saga_id     TEXT NOT NULL,
  subject     TEXT NOT NULL,
  msg_id      TEXT NOT NULL UNIQUE,
  headers     TEXT NOT NULL,
  payload     BLOB NOT NULL,
  created_at  INTEGER NOT NULL,
  sent_at     INTEGER
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Durable timers: step timeouts and retry backoffs, fired as events when due.
CREATE TABLE timers (
  saga_id   TEXT NOT NULL REFERENCES sagas (id) ON DELETE CASCADE,
  timer_id  TEXT NOT NULL,
  due_at    INTEGER NOT NULL,
  event     TEXT NOT NULL,
  PRIMARY KEY (saga_id, timer_id)
) WITHOUT ROWID;
CREATE INDEX timers_due ON timers (due_at);

-- Readiness writes one row here to prove the database accepts writes.
CREATE TABLE health_probe (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at INTEGER NOT NULL
) STRICT;

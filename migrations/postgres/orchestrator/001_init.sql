-- The orchestrator's schema on PostgreSQL (DATABASE_URL=postgres://…): the same tables and
-- columns as the SQLite migrations 001–007 reach, in PostgreSQL's types. Times are epoch
-- milliseconds (BIGINT), as on SQLite, so rows move between the two unchanged (npm run migrate-store).
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
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  finished_at      BIGINT,
  state_entered    TEXT,
  stuck_at         BIGINT,
  stuck_state      TEXT
);
CREATE UNIQUE INDEX sagas_business_key ON sagas (type, business_key);
CREATE INDEX sagas_created ON sagas (created_at DESC, id DESC);
CREATE INDEX sagas_status_created ON sagas (status, created_at DESC, id DESC);
CREATE INDEX sagas_type_created ON sagas (type, created_at DESC, id DESC);
CREATE INDEX sagas_finished ON sagas (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE saga_history (
  saga_id     TEXT NOT NULL REFERENCES sagas (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  at          BIGINT NOT NULL,
  event_type  TEXT NOT NULL,
  event       TEXT NOT NULL,
  state       TEXT NOT NULL,
  status      TEXT NOT NULL,
  effects     TEXT NOT NULL,
  ignored     SMALLINT NOT NULL DEFAULT 0,
  PRIMARY KEY (saga_id, seq)
);

-- A queue: rows are deleted once JetStream acknowledged them. claimed_by/claimed_until let several
-- orchestrators share it: publishing happens outside any transaction, so a claim is a lease, and
-- a crashed claimer's rows are taken over once its lease runs out.
CREATE TABLE outbox (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  saga_id        TEXT NOT NULL,
  subject        TEXT NOT NULL,
  msg_id         TEXT NOT NULL,
  headers        TEXT NOT NULL,
  payload        BYTEA NOT NULL,
  created_at     BIGINT NOT NULL,
  claimed_by     TEXT,
  claimed_until  BIGINT
);

CREATE TABLE timers (
  saga_id          TEXT NOT NULL REFERENCES sagas (id) ON DELETE CASCADE,
  timer_id         TEXT NOT NULL,
  due_at           BIGINT NOT NULL,
  event            TEXT NOT NULL,
  armed_by         TEXT,
  delay_ms         BIGINT,
  consumer         TEXT,
  stream_seq       BIGINT,
  queued_since     BIGINT,
  queue_budget_ms  BIGINT,
  PRIMARY KEY (saga_id, timer_id)
);
-- Timers need no lease: an instance fires a due timer in the transaction that locked its row
-- (FOR UPDATE SKIP LOCKED), so a crash rolls the firing back and releases the row at once.
CREATE INDEX timers_due ON timers (due_at);

CREATE TABLE health_probe (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at BIGINT NOT NULL
);

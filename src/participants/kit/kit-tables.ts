import type { Db } from '../../store/index.ts';

/**
 * The tables the kit itself needs in every participant database, created if missing, so a
 * participant's migrations hold only its own domain (the first participants also create them in
 * their 001 migration, from before the kit owned them; IF NOT EXISTS keeps both ways valid).
 */
export function ensureKitTables(db: Db): void {
  db.exec(`
    -- The reply given per command id: a redelivered or retried command is answered from here
    -- without redoing the work. Only final outcomes (OK, REJECTED) are stored; a transient failure
    -- is not, so the retry does the work.
    CREATE TABLE IF NOT EXISTS processed_commands (
      command_id   TEXT PRIMARY KEY,
      saga_id      TEXT NOT NULL,
      kind         TEXT NOT NULL,
      outcome      TEXT NOT NULL CHECK (outcome IN ('OK', 'REJECTED')),
      reason_code  TEXT NOT NULL,
      detail       TEXT NOT NULL,
      processed_at INTEGER NOT NULL
    ) STRICT;
    -- Readiness writes one row here to prove the database accepts writes.
    CREATE TABLE IF NOT EXISTS health_probe (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      checked_at INTEGER NOT NULL
    ) STRICT;
  `);
}

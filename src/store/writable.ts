import { durabilityFailure, type Db } from './sqlite.ts';

/**
 * How long a readiness probe waits for a lock another connection holds. The probe is synchronous, so
 * no deadline around it can cut it short: it must give up by itself, well inside /readyz's second.
 */
export const PROBE_BUSY_TIMEOUT_MS = 250;

/**
 * Runs `fn` with the connection's busy timeout lowered to `ms`, then restores it. Synchronous, so
 * nothing else runs on the connection meanwhile.
 */
export function withBusyTimeout<T>(db: Db, ms: number, fn: () => T): T {
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.min(ms, previous)}`);
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}

/**
 * A readiness check: a real write (one row of the migrated health_probe table, upserted) proves the
 * file, the lock and the disk all accept writes; after a failed WAL flush it throws that failure.
 * It waits at most PROBE_BUSY_TIMEOUT_MS for a lock held elsewhere (then throws SQLITE_BUSY).
 */
export function databaseWritable(db: Db): () => true {
  const probe = db.prepare<[number]>(
    'INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
  );
  return () => {
    const lost = durabilityFailure(db);
    if (lost) throw lost;
    withBusyTimeout(db, PROBE_BUSY_TIMEOUT_MS, () => probe.run(Date.now()));
    return true;
  };
}

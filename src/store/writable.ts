import { durabilityFailure, type Db } from './sqlite.ts';

/**
 * A readiness check: a real write (one row of the migrated health_probe table, upserted) proves the
 * file, the lock and the disk all accept writes; after a failed WAL flush it throws that failure.
 */
export function databaseWritable(db: Db): () => true {
  const probe = db.prepare<[number]>(
    'INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
  );
  return () => {
    const lost = durabilityFailure(db);
    if (lost) throw lost;
    probe.run(Date.now());
    return true;
  };
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './sqlite.ts';

/** The repository's migrations/ folder; the build copies it to dist/migrations so this holds there too. */
export const MIGRATIONS_ROOT = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d+)_[\w-]+\.sql$/;

/** The numbered migration files of a folder (`NNN_name.sql`), in version order. */
export function migrationFiles(dir: string): { name: string; version: number }[] {
  return readdirSync(dir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map((f) => ({ name: f.name, version: Number(f.match[1]) }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Applies the numbered `.sql` files of `migrations/<service>/` not yet recorded in
 * `schema_migrations`, each in its own transaction, in order. Returns the versions applied.
 */
export function migrate(db: Db, service: string, root = MIGRATIONS_ROOT): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const dir = join(root, service);
  const files = migrationFiles(dir);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const file of files) {
    if (applied.has(file.version)) continue;
    const sql = readFileSync(join(dir, file.name), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(file.version, file.name, Date.now());
    }).immediate();
    done.push(file.version);
  }
  return done;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { MIGRATIONS_ROOT, migrationFiles } from '../migrate.ts';

/** PostgreSQL's migrations, one folder per service, beside SQLite's (migrations/<service>). */
export const POSTGRES_MIGRATIONS_ROOT = join(MIGRATIONS_ROOT, 'postgres');

/**
 * Applies the numbered `.sql` files of `migrations/postgres/<service>/` not yet recorded in
 * `schema_migrations`, each in its own transaction, in order; returns the versions applied.
 * Several instances may start at once: a session-level advisory lock lets one migrate at a time,
 * and the others then find the versions recorded and apply nothing.
 */
export async function migratePostgres(client: pg.ClientBase, service: string, root = POSTGRES_MIGRATIONS_ROOT): Promise<number[]> {
  const lock = `saga-migrations:${service}`;
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const file of migrationFiles(join(root, service))) {
      if (applied.has(file.version)) continue;
      const sql = readFileSync(join(root, service, file.name), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [file.version, file.name, Date.now()]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${service}/${file.name} failed: ${(err as Error).message}`, { cause: err });
      }
      done.push(file.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]);
  }
}

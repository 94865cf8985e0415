// How several orchestrators share the work the database holds, on PostgreSQL. Outbox rows are
// published outside any transaction, so an instance takes them with a lease (claimed_by,
// claimed_until) that it renews while it publishes; rows whose lease ran out (a crashed or
// stalled instance) are taken by the next instance that looks. Acknowledged rows are deleted by
// their holder only (PgSagaStore.markPublished). Singletons (retention) run under an advisory
// lock. (Due timers need no claim: PgSagaStore fires them under their saga's lock, SKIP LOCKED.)
import type pg from 'pg';
import type { OutboxRow } from '../saga-store.ts';

/** An outbox row as PostgreSQL returns it (BIGINT columns come back as strings). */
interface OutboxRecord {
  id: string;
  saga_id: string;
  subject: string;
  msg_id: string;
  headers: string;
  payload: Buffer;
  created_at: string;
}

const toOutboxRow = (r: OutboxRecord): OutboxRow => ({
  id: Number(r.id),
  saga_id: r.saga_id,
  subject: r.subject,
  msg_id: r.msg_id,
  headers: r.headers,
  payload: r.payload,
  created_at: Number(r.created_at),
});

/**
 * Claims up to `limit` outbox rows nobody holds (never claimed, or their lease ran out) for
 * `owner` until `now + leaseMs`, oldest first. Rows another instance is claiming at this moment
 * are skipped, not waited for.
 */
export async function claimOutbox(db: pg.Pool | pg.ClientBase, owner: string, now: number, leaseMs: number, limit: number): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRecord>({
    name: 'claim-outbox',
    text: `UPDATE outbox SET claimed_by = $1, claimed_until = $2
      WHERE id IN (SELECT id FROM outbox WHERE claimed_until IS NULL OR claimed_until < $3 ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
      RETURNING id, saga_id, subject, msg_id, headers, payload, created_at`,
    values: [owner, now + leaseMs, now, limit],
  });
  return rows.map(toOutboxRow).sort((a, b) => a.id - b.id);
}

/**
 * Extends `owner`'s leases on the rows it still holds (only `ids` when given: the rows it still
 * means to publish); returns how many it holds.
 */
export async function renewOutboxClaims(db: pg.Pool | pg.ClientBase, owner: string, now: number, leaseMs: number, ids?: readonly number[]): Promise<number> {
  const r = ids
    ? await db.query({ name: 'renew-outbox-ids', text: 'UPDATE outbox SET claimed_until = $2 WHERE claimed_by = $1 AND claimed_until >= $3 AND id = ANY($4::bigint[])', values: [owner, now + leaseMs, now, ids] })
    : await db.query({ name: 'renew-outbox', text: 'UPDATE outbox SET claimed_until = $2 WHERE claimed_by = $1 AND claimed_until >= $3', values: [owner, now + leaseMs, now] });
  return r.rowCount ?? 0;
}

/**
 * Runs `work` only if no other session holds the advisory lock `name` (one instance at a time,
 * e.g. retention); returns false without running it otherwise. The lock is the session's, so a
 * crashed holder's lock goes with its connection.
 */
export async function asSingleton(db: pg.ClientBase, name: string, work: () => Promise<void>): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [name]);
  if (!rows[0]!.ok) return false;
  try {
    await work();
    return true;
  } finally {
    await db.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  }
}

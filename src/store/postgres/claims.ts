// How several orchestrators share the work the database holds, on PostgreSQL. Outbox rows are
// published outside any transaction, so an instance takes them with a lease (claimed_by,
// claimed_until) that it renews while it publishes; rows whose lease ran out (a crashed or
// stalled instance) are taken by the next instance that looks. Due timers are locked with
// FOR UPDATE SKIP LOCKED inside the transaction that fires them: no two instances fire one, and a
// crash releases them with the transaction. Singletons (retention) run under an advisory lock.
import type pg from 'pg';
import type { OutboxRow, TimerRow } from '../saga-store.ts';

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
 * Deletes rows JetStream acknowledged. Only rows still claimed by `owner` go: a row another
 * instance took over after this one's lease ran out is that instance's now (its republish is
 * deduplicated by Nats-Msg-Id). Returns how many were deleted.
 */
export async function deletePublished(db: pg.Pool | pg.ClientBase, owner: string, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.query({ name: 'delete-published', text: 'DELETE FROM outbox WHERE claimed_by = $1 AND id = ANY($2::bigint[])', values: [owner, ids] });
  return r.rowCount ?? 0;
}

/** A timer row as PostgreSQL returns it. */
type TimerRecord = { [K in keyof TimerRow]: TimerRow[K] extends number ? string : TimerRow[K] extends number | null | undefined ? string | null : TimerRow[K] };

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

/**
 * Locks up to `limit` timers due by `now` for the current transaction, skipping any another
 * instance has locked: call inside the transaction that fires them (BEGIN … COMMIT).
 */
export async function lockDueTimers(tx: pg.ClientBase, now: number, limit: number): Promise<TimerRow[]> {
  const { rows } = await tx.query<TimerRecord>({
    name: 'lock-due-timers',
    text: 'SELECT * FROM timers WHERE due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED',
    values: [now, limit],
  });
  return rows.map((r) => ({
    saga_id: r.saga_id,
    timer_id: r.timer_id,
    due_at: Number(r.due_at),
    event: r.event,
    armed_by: r.armed_by ?? null,
    delay_ms: num(r.delay_ms),
    consumer: r.consumer ?? null,
    stream_seq: num(r.stream_seq),
    queued_since: num(r.queued_since),
    queue_budget_ms: num(r.queue_budget_ms),
  }));
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

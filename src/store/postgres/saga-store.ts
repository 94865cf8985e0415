// The orchestrator's tables on PostgreSQL, shared by several orchestrator instances.
//
// The engine computes transitions synchronously against SagaTables. Here a unit of work runs in
// three steps inside one PostgreSQL transaction: the rows it will read are fetched and locked
// first (FOR UPDATE, in id order, so instances queue on a saga instead of driving it twice), the
// engine's synchronous code then runs against those rows in memory while its writes are staged,
// and the staged writes go out as one statement before COMMIT. Work submitted while a group is in
// flight forms the next group, as SQLite's group commit does, so one round trip and one WAL flush
// serve many replies. A read the hint did not cover (a miss) undoes that unit's staged writes,
// fetches what it lacked and runs it again; a deadlock or a lost race on a unique key runs the
// whole group again.
import type pg from 'pg';
import { TransientError } from '../../errors.ts';
import { HEAD_COLUMNS, timerKeyOf, type HistoryRow, type NewOutboxRow, type OutboxRow, type PublishedCommand, type SagaHead, type SagaListFilter, type SagaRow, type TimerRow } from '../saga-store.ts';
import type { ReadHint, SagaQueries, SagaTables, SagaUpdate } from '../tables.ts';
import { asStorageError, isRetryable, isUniqueViolation, postgresFault } from './faults.ts';
import { asSingleton, claimOutbox, renewOutboxClaims } from './claims.ts';

/** A read the unit of work's hint did not cover: fetched, then the unit runs again. */
class ReadMiss extends Error {
  readonly hint: ReadHint;
  constructor(hint: ReadHint) {
    super('read outside the prefetched rows');
    this.hint = hint;
  }
}

type TimerOp = { kind: 'upsert'; row: TimerRow } | { kind: 'delete' } | { kind: 'reschedule'; dueAt: number; queuedSince: number | null };

/** The rows a group has read (and locked) and the writes it staged, with an undo log for savepoints. */
class Staging {
  /** Saga rows by id; null when looked up and absent. */
  readonly sagas = new Map<string, SagaRow | null>();
  /** Saga id by idempotency key; null when none has it. */
  readonly idempotency = new Map<string, string | null>();
  /** Whether (type, business key) is taken. */
  readonly businessKeys = new Map<string, boolean>();
  /** Due timers of the sagas this group locked for firing; undefined when not fetched. */
  due: TimerRow[] | undefined;
  readonly inserted = new Map<string, SagaRow>();
  readonly updated = new Map<string, SagaRow>();
  readonly history: HistoryRow[] = [];
  readonly outbox: OutboxRow[] = [];
  readonly timers = new Map<string, TimerOp>();
  private readonly undo: (() => void)[] = [];

  mark(): number {
    return this.undo.length;
  }

  rollbackTo(mark: number): void {
    while (this.undo.length > mark) this.undo.pop()!();
  }

  set<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const before = map.get(key);
    map.set(key, value);
    this.undo.push(() => (had ? map.set(key, before as V) : map.delete(key)));
  }

  push<T>(list: T[], item: T): void {
    list.push(item);
    this.undo.push(() => list.pop());
  }

  isEmpty(): boolean {
    return this.inserted.size + this.updated.size + this.history.length + this.outbox.length + this.timers.size === 0;
  }
}

interface Job {
  work: () => unknown;
  reads: ReadHint;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export interface PgSagaStoreOptions {
  /** This instance's name: outbox rows it writes are leased to it (see claims.ts). */
  owner: string;
  /** How long a new outbox row stays leased to its writer before another instance may take it. */
  outboxLeaseMs?: number;
  clock?: () => number;
  /** Jobs per group at most. */
  maxJobs?: number;
  /** Told each group's size and how long its transaction took (metrics). */
  onCommitted?: (jobs: number, seconds: number) => void;
}

/** Times a group runs again after a deadlock or a lost unique-key race before its jobs fail. */
const GROUP_ATTEMPTS = 4;
/** Rounds of fetching what units of work read beyond their hints. */
const MISS_ROUNDS = 4;

/** The saga tables on PostgreSQL: synchronous staged access for the engine, asynchronous reads for the rest. */
export class PgSagaStore implements SagaTables {
  readonly pool: pg.Pool;
  readonly queries: SagaQueries;
  readonly owner: string;
  readonly outboxLeaseMs: number;
  private readonly clock: () => number;
  private readonly maxJobs: number;
  private readonly onCommitted: ((jobs: number, seconds: number) => void) | undefined;
  private stage: Staging | undefined;
  private readonly afterCommitStack: (() => void)[][] = [];
  private queue: Job[] = [];
  private running = false;
  private scheduled = false;

  constructor(pool: pg.Pool, options: PgSagaStoreOptions) {
    this.pool = pool;
    this.owner = options.owner;
    this.outboxLeaseMs = options.outboxLeaseMs ?? 5_000;
    this.clock = options.clock ?? Date.now;
    this.maxJobs = options.maxJobs ?? 512;
    this.onCommitted = options.onCommitted;
    this.queries = postgresQueries(pool);
  }

  // ---- group commit -------------------------------------------------------------------------

  /** Runs `work` in the next group's transaction once the rows `reads` names are locked; resolves after COMMIT. */
  submit<T>(work: () => T, reads: ReadHint): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, reads, resolve: resolve as (v: unknown) => void, reject });
      if (this.running || this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.drain();
      });
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const jobs = this.queue.splice(0, this.maxJobs);
        await this.runGroup(jobs);
      }
    } finally {
      this.running = false;
    }
  }

  private async runGroup(jobs: Job[]): Promise<void> {
    const startedAt = performance.now();
    let lastError: unknown;
    for (let attempt = 1; attempt <= GROUP_ATTEMPTS; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (err) {
        for (const job of jobs) job.reject(asStorageError(err));
        return;
      }
      let outcomes: { ok: boolean; value: unknown }[] | undefined;
      let callbacks: (() => void)[] = [];
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const staged = await this.runStaged(client, jobs);
        outcomes = staged.outcomes;
        callbacks = staged.callbacks;
        if (!staged.stage.isEmpty()) await this.write(client, staged.stage);
        await client.query('COMMIT');
      } catch (err) {
        broken = err;
        outcomes = undefined;
        await client.query('ROLLBACK').catch(() => undefined);
      } finally {
        this.stage = undefined;
        // A connection that failed mid-transaction is not given back to the pool.
        client.release(broken !== undefined && postgresFault(broken) !== undefined ? (broken as Error) : undefined);
      }
      if (outcomes) {
        this.onCommitted?.(jobs.length, (performance.now() - startedAt) / 1000);
        for (const callback of callbacks) callback();
        jobs.forEach((job, i) => {
          const o = outcomes[i]!;
          if (o.ok) job.resolve(o.value);
          else job.reject(o.value);
        });
        return;
      }
      lastError = broken;
      // Another instance won a race (deadlock, or the same idempotency or business key committed
      // first): the next attempt reads what it committed and decides again.
      if (!isRetryable(broken) && !isUniqueViolation(broken)) break;
    }
    const err = asStorageError(lastError);
    for (const job of jobs) job.reject(isUniqueViolation(lastError) ? new TransientError('STORAGE_BUSY', `a concurrent write kept conflicting: ${(lastError as Error).message}`, { cause: lastError }) : err);
  }

  /** Fetches what the jobs need, runs them against it (again after a miss), and returns their outcomes. */
  private async runStaged(client: pg.ClientBase, jobs: Job[]): Promise<{ stage: Staging; outcomes: { ok: boolean; value: unknown }[]; callbacks: (() => void)[] }> {
    const stage = new Staging();
    await this.prefetch(client, stage, jobs.map((j) => j.reads));
    this.stage = stage;
    this.afterCommitStack.length = 0;
    this.afterCommitStack.push([]);
    const outcomes: ({ ok: boolean; value: unknown } | undefined)[] = new Array(jobs.length);
    let pending = jobs.map((_, i) => i);
    for (let round = 0; pending.length > 0; round++) {
      const missed: number[] = [];
      const hints: ReadHint[] = [];
      for (const i of pending) {
        try {
          outcomes[i] = { ok: true, value: this.transaction(jobs[i]!.work) };
        } catch (err) {
          if (err instanceof ReadMiss && round < MISS_ROUNDS) {
            missed.push(i);
            hints.push(err.hint);
          } else {
            outcomes[i] = { ok: false, value: err };
          }
        }
      }
      pending = missed;
      if (pending.length > 0) {
        this.stage = undefined;
        await this.prefetch(client, stage, hints);
        this.stage = stage;
      }
    }
    const callbacks = this.afterCommitStack.pop()!;
    return { stage, outcomes: outcomes as { ok: boolean; value: unknown }[], callbacks };
  }

  /** Locks and reads the rows the hints name that the stage does not have yet. */
  private async prefetch(client: pg.ClientBase, stage: Staging, hints: readonly ReadHint[]): Promise<void> {
    const ids = new Set<string>();
    const keys = new Set<string>();
    const business: { type: string; key: string }[] = [];
    let due: { now: number; limit: number } | undefined;
    for (const h of hints) {
      for (const id of h.sagaIds ?? []) if (!stage.sagas.has(id)) ids.add(id);
      if (h.idempotencyKey !== undefined && !stage.idempotency.has(h.idempotencyKey)) keys.add(h.idempotencyKey);
      if (h.businessKey && !stage.businessKeys.has(businessKeyOf(h.businessKey.type, h.businessKey.key))) business.push(h.businessKey);
      if (h.dueTimers && stage.due === undefined) due = h.dueTimers;
    }
    if (ids.size > 0 || keys.size > 0 || business.length > 0) {
      // One statement, so one snapshot: a saga another instance just committed is seen by its id,
      // its idempotency key and its business key alike (two reads could see it by one and not the
      // other, and answer a repeated request with DUPLICATE_BUSINESS_KEY). In id order, so two
      // instances locking overlapping sets queue instead of deadlocking.
      const { rows } = await client.query<SagaRow>({
        name: 'lock-sagas',
        text: `SELECT * FROM sagas WHERE id = ANY($1::text[]) OR idempotency_key = ANY($2::text[])
          OR (type, business_key) IN (SELECT * FROM unnest($3::text[], $4::text[])) ORDER BY id FOR UPDATE`,
        values: [[...ids], [...keys], business.map((b) => b.type), business.map((b) => b.key)],
      });
      for (const id of ids) stage.sagas.set(id, null);
      for (const key of keys) stage.idempotency.set(key, null);
      for (const b of business) stage.businessKeys.set(businessKeyOf(b.type, b.key), false);
      for (const row of rows) {
        stage.sagas.set(row.id, row);
        if (row.idempotency_key !== null) stage.idempotency.set(row.idempotency_key, row.id);
        stage.businessKeys.set(businessKeyOf(row.type, row.business_key), true);
      }
    }
    if (due) {
      stage.due = [];
      const { rows: candidates } = await client.query<{ saga_id: string }>({
        name: 'due-saga-ids',
        text: 'SELECT DISTINCT saga_id FROM (SELECT saga_id FROM timers WHERE due_at <= $1 ORDER BY due_at LIMIT $2) t',
        values: [due.now, due.limit],
      });
      const wanted = candidates.map((c) => c.saga_id).filter((id) => !stage.sagas.has(id));
      // Sagas another instance is firing or applying to right now are skipped, not waited for.
      const locked = wanted.length === 0 ? [] : (await client.query<SagaRow>({
        name: 'lock-due-sagas',
        text: 'SELECT * FROM sagas WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE SKIP LOCKED',
        values: [wanted],
      })).rows;
      for (const row of locked) stage.sagas.set(row.id, row);
      const mine = [...new Set([...locked.map((r) => r.id), ...candidates.map((c) => c.saga_id).filter((id) => stage.sagas.get(id))])];
      if (mine.length > 0) {
        const { rows } = await client.query<TimerRow>({
          name: 'due-timers-of',
          text: 'SELECT * FROM timers WHERE saga_id = ANY($1::text[]) AND due_at <= $2 ORDER BY due_at LIMIT $3',
          values: [mine, due.now, due.limit],
        });
        stage.due = rows;
      }
    }
  }

  /** Sends every staged write in one statement (data-modifying CTEs), then gives the outbox rows their ids. */
  private async write(client: pg.ClientBase, stage: Staging): Promise<void> {
    const parts: string[] = [];
    const values: unknown[] = [];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    const shape: string[] = [];
    if (stage.inserted.size > 0) {
      shape.push('i');
      parts.push(`ins_sagas AS (INSERT INTO sagas SELECT * FROM jsonb_populate_recordset(NULL::sagas, ${param(JSON.stringify([...stage.inserted.values()]))}::jsonb))`);
    }
    if (stage.updated.size > 0) {
      shape.push('u');
      parts.push(`upd_sagas AS (UPDATE sagas s SET status = u.status, reason = u.reason, snapshot = u.snapshot, seq = u.seq,
        updated_at = u.updated_at, finished_at = u.finished_at, state_entered = u.state_entered, stuck_at = u.stuck_at, stuck_state = u.stuck_state
        FROM jsonb_populate_recordset(NULL::sagas, ${param(JSON.stringify([...stage.updated.values()]))}::jsonb) u WHERE s.id = u.id)`);
    }
    if (stage.history.length > 0) {
      shape.push('h');
      parts.push(`ins_history AS (INSERT INTO saga_history SELECT * FROM jsonb_populate_recordset(NULL::saga_history, ${param(JSON.stringify(stage.history))}::jsonb))`);
    }
    const upserts: TimerRow[] = [];
    const deletes: { saga_id: string; timer_id: string }[] = [];
    const moves: { saga_id: string; timer_id: string; due_at: number; queued_since: number | null }[] = [];
    for (const [key, op] of stage.timers) {
      const [saga_id, timer_id] = key.split('\u0000') as [string, string];
      if (op.kind === 'upsert') upserts.push(op.row);
      else if (op.kind === 'delete') deletes.push({ saga_id, timer_id });
      else moves.push({ saga_id, timer_id, due_at: op.dueAt, queued_since: op.queuedSince });
    }
    if (upserts.length > 0) {
      shape.push('t');
      parts.push(`ups_timers AS (INSERT INTO timers SELECT * FROM jsonb_populate_recordset(NULL::timers, ${param(JSON.stringify(upserts))}::jsonb)
        ON CONFLICT (saga_id, timer_id) DO UPDATE SET due_at = excluded.due_at, event = excluded.event, armed_by = excluded.armed_by,
        delay_ms = excluded.delay_ms, consumer = excluded.consumer, stream_seq = NULL, queued_since = NULL, queue_budget_ms = excluded.queue_budget_ms)`);
    }
    if (deletes.length > 0) {
      shape.push('d');
      parts.push(`del_timers AS (DELETE FROM timers t USING jsonb_to_recordset(${param(JSON.stringify(deletes))}::jsonb) AS d(saga_id text, timer_id text)
        WHERE t.saga_id = d.saga_id AND t.timer_id = d.timer_id)`);
    }
    if (moves.length > 0) {
      shape.push('m');
      parts.push(`mov_timers AS (UPDATE timers t SET due_at = m.due_at, queued_since = m.queued_since
        FROM jsonb_to_recordset(${param(JSON.stringify(moves))}::jsonb) AS m(saga_id text, timer_id text, due_at bigint, queued_since bigint)
        WHERE t.saga_id = m.saga_id AND t.timer_id = m.timer_id)`);
    }
    let select = 'SELECT NULL::text AS msg_id, NULL::bigint AS id WHERE false';
    if (stage.outbox.length > 0) {
      shape.push('o');
      const rows = stage.outbox.map((r) => ({ saga_id: r.saga_id, subject: r.subject, msg_id: r.msg_id, headers: r.headers, payload: `\\x${Buffer.from(r.payload).toString('hex')}`, created_at: r.created_at }));
      // Leased to this instance from the start: it publishes them itself unless it dies first.
      parts.push(`ins_outbox AS (INSERT INTO outbox (saga_id, subject, msg_id, headers, payload, created_at, claimed_by, claimed_until)
        SELECT saga_id, subject, msg_id, headers, payload, created_at, ${param(this.owner)}, ${param(this.clock() + this.outboxLeaseMs)}::bigint
        FROM jsonb_populate_recordset(NULL::outbox, ${param(JSON.stringify(rows))}::jsonb) RETURNING id, msg_id)`);
      select = 'SELECT msg_id, id FROM ins_outbox';
    }
    const { rows } = await client.query<{ msg_id: string; id: number }>({ name: `write-${shape.join('')}`, text: `WITH ${parts.join(',\n')}\n${select}`, values });
    const ids = new Map(rows.map((r) => [r.msg_id, r.id]));
    for (const row of stage.outbox) row.id = ids.get(row.msg_id)!;
  }

  // ---- SagaTables: the engine's synchronous access, served from the stage --------------------

  private staged(): Staging {
    const stage = this.stage;
    if (!stage) throw new Error('PgSagaStore: reads and writes of a transition run inside submit()');
    return stage;
  }

  transaction<T>(fn: () => T): T {
    const stage = this.staged();
    const mark = stage.mark();
    this.afterCommitStack.push([]);
    try {
      const result = fn();
      const callbacks = this.afterCommitStack.pop()!;
      this.afterCommitStack.at(-1)!.push(...callbacks);
      return result;
    } catch (err) {
      this.afterCommitStack.pop();
      stage.rollbackTo(mark);
      throw err;
    }
  }

  afterCommit(fn: () => void): void {
    const current = this.afterCommitStack.at(-1);
    if (current) current.push(fn);
    else fn();
  }

  /** COMMIT returns once PostgreSQL made it durable (synchronous_commit on): nothing to wait for. */
  flush(): Promise<void> {
    return Promise.resolve();
  }

  insertSaga(row: SagaRow): void {
    const stage = this.staged();
    stage.set(stage.sagas, row.id, row);
    stage.set(stage.inserted, row.id, row);
    stage.set(stage.businessKeys, businessKeyOf(row.type, row.business_key), true);
    if (row.idempotency_key !== null) stage.set(stage.idempotency, row.idempotency_key, row.id);
  }

  getSaga(id: string): SagaRow | undefined {
    const row = this.staged().sagas.get(id);
    if (row === undefined) throw new ReadMiss({ sagaIds: [id] });
    return row ?? undefined;
  }

  getSagaHead(id: string): SagaHead | undefined {
    return this.getSaga(id);
  }

  getSnapshot(id: string): string | undefined {
    return this.getSaga(id)?.snapshot;
  }

  findByIdempotencyKey(key: string): SagaRow | undefined {
    const id = this.staged().idempotency.get(key);
    if (id === undefined) throw new ReadMiss({ idempotencyKey: key });
    return id === null ? undefined : this.getSaga(id);
  }

  businessKeyExists(type: string, key: string): boolean {
    const taken = this.staged().businessKeys.get(businessKeyOf(type, key));
    if (taken === undefined) throw new ReadMiss({ businessKey: { type, key } });
    return taken;
  }

  updateSaga(update: SagaUpdate): void {
    this.change(update.id, update);
  }

  bumpSeq(id: string, seq: number): void {
    this.change(id, { seq });
  }

  private change(id: string, columns: Partial<SagaRow>): void {
    const stage = this.staged();
    const current = this.getSaga(id);
    if (!current) throw new Error(`PgSagaStore: update of saga ${id}, which does not exist`);
    const next = { ...current, ...columns };
    stage.set(stage.sagas, id, next);
    if (stage.inserted.has(id)) stage.set(stage.inserted, id, next);
    else stage.set(stage.updated, id, next);
  }

  appendHistory(row: HistoryRow): void {
    const stage = this.staged();
    stage.push(stage.history, row);
  }

  insertOutbox(row: NewOutboxRow): OutboxRow {
    const stage = this.staged();
    // The id comes back with the write, before anything sees the row outside the transaction.
    const full: OutboxRow = { id: 0, ...row };
    stage.push(stage.outbox, full);
    return full;
  }

  upsertTimer(row: TimerRow): void {
    const stage = this.staged();
    const full: TimerRow = { armed_by: null, delay_ms: null, consumer: null, queue_budget_ms: null, ...row, stream_seq: null, queued_since: null };
    stage.set(stage.timers, timerKeyOf(row.saga_id, row.timer_id), { kind: 'upsert', row: full });
  }

  rescheduleTimer(sagaId: string, timerId: string, dueAt: number, queuedSince: number | null): void {
    const stage = this.staged();
    const key = timerKeyOf(sagaId, timerId);
    const op = stage.timers.get(key);
    if (op?.kind === 'upsert') stage.set(stage.timers, key, { kind: 'upsert', row: { ...op.row, due_at: dueAt, queued_since: queuedSince } });
    else if (op?.kind !== 'delete') stage.set(stage.timers, key, { kind: 'reschedule', dueAt, queuedSince });
  }

  deleteTimer(sagaId: string, timerId: string): void {
    const stage = this.staged();
    stage.set(stage.timers, timerKeyOf(sagaId, timerId), { kind: 'delete' });
  }

  dueTimers(now: number, limit: number): TimerRow[] {
    const stage = this.staged();
    if (stage.due === undefined) throw new ReadMiss({ dueTimers: { now, limit } });
    return stage.due.filter((t) => t.due_at <= now && !stage.timers.has(timerKeyOf(t.saga_id, t.timer_id))).slice(0, limit);
  }

  // ---- work outside transitions ---------------------------------------------------------------

  /** Takes up to `limit` outbox rows nobody holds (a crashed instance's, or left by a stop), leased to this instance. */
  async claimOutbox(limit: number): Promise<OutboxRow[]> {
    try {
      return await claimOutbox(this.pool, this.owner, this.clock(), this.outboxLeaseMs, limit);
    } catch (err) {
      throw asStorageError(err);
    }
  }

  /** Extends this instance's leases on the outbox rows `ids`. */
  async renewOutbox(ids: readonly number[]): Promise<void> {
    try {
      await renewOutboxClaims(this.pool, this.owner, this.clock(), this.outboxLeaseMs, ids);
    } catch (err) {
      throw asStorageError(err);
    }
  }

  /**
   * Records what JetStream acknowledged, in one statement: arms the gated timers of `published`
   * commands and deletes the rows `ids` this instance still holds. Resolves with the earliest armed
   * due time.
   */
  async markPublished(ids: readonly number[], published: readonly PublishedCommand[]): Promise<number | null> {
    try {
      const { rows } = await this.pool.query<{ earliest: number | null }>({
        name: 'mark-published',
        text: `WITH armed AS (UPDATE timers t SET due_at = p.at + t.delay_ms, stream_seq = p.stream_seq
            FROM jsonb_to_recordset($1::jsonb) AS p(saga_id text, msg_id text, stream_seq bigint, at bigint)
            WHERE t.saga_id = p.saga_id AND t.armed_by = p.msg_id AND t.stream_seq IS NULL RETURNING t.due_at),
          removed AS (DELETE FROM outbox WHERE claimed_by = $2 AND id = ANY($3::bigint[]))
          SELECT min(due_at) AS earliest FROM armed`,
        values: [JSON.stringify(published.map((p) => ({ saga_id: p.sagaId, msg_id: p.msgId, stream_seq: p.streamSeq, at: p.at }))), this.owner, ids],
      });
      return rows[0]?.earliest ?? null;
    } catch (err) {
      throw asStorageError(err);
    }
  }

  /**
   * Deletes up to `limit` sagas finished before `cutoff` (history and timers cascade), if no other
   * instance is doing so right now (an advisory lock): `more` says another call may find more.
   */
  async deleteFinishedBefore(cutoff: number, limit: number): Promise<{ sagas: number; more: boolean }> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw asStorageError(err);
    }
    let result = { sagas: 0, more: false };
    let broken: unknown;
    try {
      await asSingleton(client, 'saga-retention', async () => {
        const r = await client.query({
          name: 'retention-delete',
          text: 'DELETE FROM sagas WHERE id IN (SELECT id FROM sagas WHERE finished_at IS NOT NULL AND finished_at < $1 ORDER BY finished_at LIMIT $2)',
          values: [cutoff, limit],
        });
        const n = r.rowCount ?? 0;
        result = { sagas: n, more: n >= limit };
      });
      return result;
    } catch (err) {
      broken = err;
      throw asStorageError(err);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }
}

function businessKeyOf(type: string, key: string): string {
  return `${type}\u0000${key}`;
}

/** The asynchronous reads, each one query on the pool (any instance's writes are visible once committed). */
function postgresQueries(pool: pg.Pool): SagaQueries {
  const all = async <T>(name: string, text: string, values: unknown[] = []): Promise<T[]> => {
    try {
      return (await pool.query<T & pg.QueryResultRow>({ name, text, values })).rows;
    } catch (err) {
      throw asStorageError(err);
    }
  };
  const one = async <T>(name: string, text: string, values: unknown[] = []): Promise<T | undefined> => (await all<T>(name, text, values))[0];
  const counts = (rows: { k: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.k, r.n]));
  return {
    getSaga: (id) => one<SagaRow>('get-saga', 'SELECT * FROM sagas WHERE id = $1', [id]),
    history: (id) => all<HistoryRow>('history', 'SELECT * FROM saga_history WHERE saga_id = $1 ORDER BY seq', [id]),
    historySince: (id, seq) => all<HistoryRow>('history-since', 'SELECT * FROM saga_history WHERE saga_id = $1 AND seq > $2 ORDER BY seq', [id, seq]),
    listSagas: (filter) => {
      const { text, values } = listQuery(filter);
      return all<SagaHead>('', text, values);
    },
    countByStatus: async () => counts(await all('count-by-status', 'SELECT status AS k, count(*) AS n FROM sagas GROUP BY status')),
    countStuck: (now) =>
      all('count-stuck', `SELECT type, stuck_state AS state, count(*) AS n FROM sagas
        WHERE status IN ('running', 'compensating') AND stuck_at <= $1 GROUP BY type, stuck_state`, [now]),
    oldestCreatedAt: async (status) => (await one<{ t: number | null }>('oldest-created', 'SELECT min(created_at) AS t FROM sagas WHERE status = $1', [status]))?.t ?? null,
    countUnsent: async () => (await one<{ n: number }>('count-unsent', 'SELECT count(*) AS n FROM outbox'))!.n,
    oldestUnsentAt: async () => (await one<{ t: number }>('oldest-unsent', 'SELECT created_at AS t FROM outbox ORDER BY id LIMIT 1'))?.t ?? null,
    queuedByConsumer: async () => counts(await all('queued-by-consumer', 'SELECT consumer AS k, count(*) AS n FROM timers WHERE queued_since IS NOT NULL GROUP BY consumer')),
    nextTimerDue: async () => (await one<{ t: number | null }>('next-due', 'SELECT min(due_at) AS t FROM timers'))?.t ?? null,
    dueTimers: (now, limit) => all<TimerRow>('due-timers', 'SELECT * FROM timers WHERE due_at <= $1 ORDER BY due_at LIMIT $2', [now, limit]),
    checkWritable: async () => {
      await all('probe', `INSERT INTO health_probe (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at`, [Date.now()]);
      return true;
    },
  };
}

/** The list query for `filter`: newest first, keyset-paginated on (created_at, id). */
function listQuery(filter: SagaListFilter): { text: string; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  if (filter.status) where.push(`status = ${param(filter.status)}`);
  if (filter.type) where.push(`type = ${param(filter.type)}`);
  if (filter.businessKey) where.push(`business_key = ${param(filter.businessKey)}`);
  if (filter.stuckAt !== undefined) {
    if (!filter.status) where.push("status IN ('running', 'compensating')");
    where.push(`stuck_at <= ${param(filter.stuckAt)}`);
  }
  if (filter.createdFrom !== undefined) where.push(`created_at >= ${param(filter.createdFrom)}`);
  if (filter.createdTo !== undefined) where.push(`created_at < ${param(filter.createdTo)}`);
  if (filter.before) where.push(`(created_at, id) < (${param(filter.before.createdAt)}, ${param(filter.before.id)})`);
  const text = `SELECT ${HEAD_COLUMNS} FROM sagas ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY created_at DESC, id DESC LIMIT ${param(filter.limit)}`;
  return { text, values };
}

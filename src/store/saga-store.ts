import type { Statement } from 'better-sqlite3';
import { storageFault } from '../errors.ts';
import { flushToDisk, inTransaction, type Db } from './sqlite.ts';
import { databaseWritable, PROBE_BUSY_TIMEOUT_MS, withBusyTimeout } from './writable.ts';
import type { SagaQueries, SagaTables, SagaUpdate } from './tables.ts';

/** A stored saga. `snapshot` and `input` are JSON text. */
export interface SagaRow {
  id: string;
  type: string;
  version: number;
  status: string;
  reason: string | null;
  business_key: string;
  snapshot: string;
  input: string;
  idempotency_key: string | null;
  request_hash: string | null;
  trace_context: string | null;
  seq: number;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  /** JSON { stateNodeId: enteredAt } when two or more age-limited states are active (see src/engine/stuck.ts). */
  state_entered: string | null;
  /** When the saga counts as stuck if it has not moved by then; NULL when it cannot be stuck. */
  stuck_at: number | null;
  stuck_state: string | null;
}

/** A saga row without its large and write-once columns: what applying an event needs besides the snapshot. */
export type SagaHead = Omit<SagaRow, 'snapshot' | 'input' | 'idempotency_key' | 'request_hash'>;

/** The columns of SagaHead, for the statements that read it (on either store). */
export const HEAD_COLUMNS = 'id, type, version, status, reason, business_key, trace_context, seq, created_at, updated_at, finished_at, state_entered, stuck_at, stuck_state';

export interface HistoryRow {
  saga_id: string;
  seq: number;
  at: number;
  event_type: string;
  event: string;
  state: string;
  status: string;
  effects: string;
  ignored: number;
}

export interface OutboxRow {
  id: number;
  saga_id: string;
  subject: string;
  msg_id: string;
  headers: string;
  payload: Uint8Array;
  created_at: number;
}

export type NewOutboxRow = Omit<OutboxRow, 'id'>;

export interface TimerRow {
  saga_id: string;
  timer_id: string;
  due_at: number;
  event: string;
  /** Gated timers (an attempt's clock): the outbox row whose publish ack arms it. */
  armed_by?: string | null;
  delay_ms?: number | null;
  /** Gated timers: the durable consumer that should take the command. */
  consumer?: string | null;
  /** Gated timers: the command's stream sequence once published. */
  stream_seq?: number | null;
  /** Gated timers: since when the step waits for an available participant. */
  queued_since?: number | null;
  /** Gated timers: how long the step may stay queued. */
  queue_budget_ms?: number | null;
}

/** A timer's identity as one string (saga id and timer id), for maps keyed by timer. */
export function timerKeyOf(sagaId: string, timerId: string): string {
  return `${sagaId}\u0000${timerId}`;
}

/** due_at of a timer that waits for its command's publish ack: never due until armed. */
export const UNARMED = Number.MAX_SAFE_INTEGER;

/** A command JetStream acknowledged: arms the timer its outbox row gates. */
export interface PublishedCommand {
  sagaId: string;
  msgId: string;
  subject: string;
  streamSeq: number;
  at: number;
}

export interface SagaListFilter {
  status?: string;
  type?: string;
  businessKey?: string;
  limit: number;
  /** Rows strictly older than this (created_at, id) pair. */
  before?: { createdAt: number; id: string };
  /** Only sagas stuck at this time (running or compensating, past their age limit). */
  stuckAt?: number;
  /** Only sagas created at or after this time. */
  createdFrom?: number;
  /** Only sagas created before this time. */
  createdTo?: number;
}

/**
 * All SQL of the orchestrator's saga tables, as prepared statements. Knows rows, not machines:
 * the engine decides what to write, this decides how.
 */
export class SagaStore implements SagaTables {
  readonly db: Db;
  /** The same reads as promises, for code that runs on either store. */
  readonly queries: SagaQueries;
  private readonly s;
  /** Set by a transaction that failed for storage reasons, cleared by the next that commits. */
  private lastStorageFault: string | undefined;
  /** The one-row write readiness makes (shared with the participants). */
  private readonly writeProbe: () => true;
  /** Prepared listing queries by their SQL (see listSagas). */
  private readonly listStatements = new Map<string, Statement>();
  /** Callbacks waiting for the commit of each open transaction level (savepoints nest). */
  private readonly afterCommitStack: (() => void)[][] = [];

  constructor(db: Db) {
    this.db = db;
    this.queries = sqliteQueries(this);
    this.writeProbe = databaseWritable(db);
    this.s = {
      // The statements run per transition bind positionally: better-sqlite3 looks up each named
      // parameter on the object, which costs about a third of a statement's binding and execution.
      insertSaga: db.prepare(`INSERT INTO sagas (id, type, version, status, reason, business_key, snapshot, input,
        idempotency_key, request_hash, trace_context, seq, created_at, updated_at, finished_at, state_entered, stuck_at, stuck_state)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      getSaga: db.prepare('SELECT * FROM sagas WHERE id = ?'),
      // Applying an event to a saga whose live snapshot is cached needs neither the snapshot's
      // JSON (1–2 KB) nor the input: not reading them saves copying both into JS strings.
      getSagaHead: db.prepare(`SELECT ${HEAD_COLUMNS} FROM sagas WHERE id = ?`),
      getSnapshot: db.prepare('SELECT snapshot FROM sagas WHERE id = ?').pluck(),
      byIdempotencyKey: db.prepare('SELECT * FROM sagas WHERE idempotency_key = ?'),
      businessKeyExists: db.prepare('SELECT 1 FROM sagas WHERE type = ? AND business_key = ?').pluck(),
      updateSaga: db.prepare(`UPDATE sagas SET status = ?, reason = ?, snapshot = ?, seq = ?,
        updated_at = ?, finished_at = ?, state_entered = ?, stuck_at = ?, stuck_state = ? WHERE id = ?`),
      bumpSeq: db.prepare('UPDATE sagas SET seq = @seq WHERE id = @id'),
      appendHistory: db.prepare(`INSERT INTO saga_history (saga_id, seq, at, event_type, event, state, status, effects, ignored)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      history: db.prepare('SELECT * FROM saga_history WHERE saga_id = ? ORDER BY seq'),
      historySince: db.prepare('SELECT * FROM saga_history WHERE saga_id = ? AND seq > ? ORDER BY seq'),
      insertOutbox: db.prepare('INSERT INTO outbox (saga_id, subject, msg_id, headers, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      unsent: db.prepare('SELECT id, saga_id, subject, msg_id, headers, payload, created_at FROM outbox WHERE id > ? AND id <= ? ORDER BY id LIMIT ?'),
      lastOutboxId: db.prepare('SELECT coalesce(max(id), 0) FROM outbox').pluck(),
      // The outbox is a queue (migration 005): published rows are deleted as a range.
      deletePublished: db.prepare('DELETE FROM outbox WHERE id <= ?'),
      countUnsent: db.prepare('SELECT count(*) FROM outbox').pluck(),
      upsertTimer: db.prepare(`INSERT INTO timers (saga_id, timer_id, due_at, event, armed_by, delay_ms, consumer, stream_seq, queued_since, queue_budget_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)
        ON CONFLICT (saga_id, timer_id) DO UPDATE SET due_at = excluded.due_at, event = excluded.event, armed_by = excluded.armed_by,
        delay_ms = excluded.delay_ms, consumer = excluded.consumer, stream_seq = NULL, queued_since = NULL, queue_budget_ms = excluded.queue_budget_ms`),
      // Once only: a republish of the same row (deduplicated by the stream) must not push the clock back.
      armTimer: db.prepare(`UPDATE timers SET due_at = ? + delay_ms, stream_seq = ?
        WHERE saga_id = ? AND armed_by = ? AND stream_seq IS NULL RETURNING due_at`).pluck(),
      rescheduleTimer: db.prepare('UPDATE timers SET due_at = ?, queued_since = ? WHERE saga_id = ? AND timer_id = ?'),
      queuedByConsumer: db.prepare('SELECT consumer, count(*) AS n FROM timers WHERE queued_since IS NOT NULL GROUP BY consumer'),
      oldestUnsent: db.prepare('SELECT created_at FROM outbox ORDER BY id LIMIT 1').pluck(),
      deleteTimer: db.prepare('DELETE FROM timers WHERE saga_id = ? AND timer_id = ?'),
      dueTimers: db.prepare('SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at LIMIT ?'),
      nextDue: db.prepare('SELECT min(due_at) FROM timers').pluck(),
      countByStatus: db.prepare('SELECT status, count(*) AS n FROM sagas GROUP BY status'),
      // stuck_at is set only on sagas in flight: the status index narrows the scan to them.
      countStuck: db.prepare(`SELECT type, stuck_state AS state, count(*) AS n FROM sagas
        WHERE status IN ('running', 'compensating') AND stuck_at <= ? GROUP BY type, stuck_state`),
      oldestCreated: db.prepare('SELECT min(created_at) FROM sagas WHERE status = ?').pluck(),
      finishedBefore: db.prepare('SELECT id FROM sagas WHERE finished_at IS NOT NULL AND finished_at < ? ORDER BY finished_at LIMIT ?').pluck(),
      deleteSaga: db.prepare('DELETE FROM sagas WHERE id = ?'),
      // 256 KiB: more than a page or a WAL frame, so it fails while the disk is full.
      probeSpace: db.prepare('INSERT INTO storage_probe (id, filler) VALUES (1, zeroblob(262144))'),
      probeSpaceUndo: db.prepare('DELETE FROM storage_probe WHERE id = 1'),
    };
  }

  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE): all of it commits, or none. Called inside
   * another transaction it is a savepoint of that one, and commits with it.
   */
  transaction<T>(fn: () => T): T {
    this.afterCommitStack.push([]);
    let result: T;
    try {
      result = inTransaction(this.db, fn);
    } catch (err) {
      this.afterCommitStack.pop();
      const fault = storageFault(err);
      if (fault) this.lastStorageFault = fault.message;
      throw err;
    }
    const callbacks = this.afterCommitStack.pop()!;
    const outer = this.afterCommitStack.at(-1);
    if (outer) {
      outer.push(...callbacks);
      return result;
    }
    this.lastStorageFault = undefined;
    for (const callback of callbacks) callback();
    return result;
  }

  /** Resolves once everything committed so far is on disk: await it before anything depends on a commit outside the process. */
  flush(): Promise<void> {
    return flushToDisk(this.db);
  }

  /** Runs `fn` once the current outermost transaction has committed (dropped if it rolls back). */
  afterCommit(fn: () => void): void {
    const current = this.afterCommitStack.at(-1);
    if (current) current.push(fn);
    else fn();
  }

  /**
   * Whether the database accepts writes: a one-row upsert, and after a storage fault (disk full,
   * locked, read-only) also a write that needs new space, as only that proves it is back. Throws
   * with the reason when it cannot write.
   */
  checkWritable(): true {
    // Bounded like the participants' probe: a lock held elsewhere fails readiness fast, not after DB_BUSY_TIMEOUT_MS.
    return withBusyTimeout(this.db, PROBE_BUSY_TIMEOUT_MS, () =>
      this.transaction(() => {
        this.writeProbe();
        if (this.lastStorageFault !== undefined) {
          this.s.probeSpace.run();
          this.s.probeSpaceUndo.run();
        }
        return true;
      }),
    );
  }

  insertSaga(r: SagaRow): void {
    this.s.insertSaga.run(
      r.id, r.type, r.version, r.status, r.reason, r.business_key, r.snapshot, r.input, r.idempotency_key, r.request_hash,
      r.trace_context, r.seq, r.created_at, r.updated_at, r.finished_at, r.state_entered, r.stuck_at, r.stuck_state,
    );
  }

  getSaga(id: string): SagaRow | undefined {
    return this.s.getSaga.get(id) as SagaRow | undefined;
  }

  /** The saga's row without snapshot, input and idempotency columns. */
  getSagaHead(id: string): SagaHead | undefined {
    return this.s.getSagaHead.get(id) as SagaHead | undefined;
  }

  /** The saga's stored snapshot (JSON). */
  getSnapshot(id: string): string | undefined {
    return this.s.getSnapshot.get(id) as string | undefined;
  }

  findByIdempotencyKey(key: string): SagaRow | undefined {
    return this.s.byIdempotencyKey.get(key) as SagaRow | undefined;
  }

  businessKeyExists(type: string, key: string): boolean {
    return this.s.businessKeyExists.get(type, key) !== undefined;
  }

  updateSaga(r: SagaUpdate): void {
    this.s.updateSaga.run(r.status, r.reason, r.snapshot, r.seq, r.updated_at, r.finished_at, r.state_entered, r.stuck_at, r.stuck_state, r.id);
  }

  /** Advances the history sequence without a state change (an ignored event); updated_at stays the state's entry time. */
  bumpSeq(id: string, seq: number): void {
    this.s.bumpSeq.run({ id, seq });
  }

  appendHistory(r: HistoryRow): void {
    this.s.appendHistory.run(r.saga_id, r.seq, r.at, r.event_type, r.event, r.state, r.status, r.effects, r.ignored);
  }

  history(sagaId: string): HistoryRow[] {
    return this.s.history.all(sagaId) as HistoryRow[];
  }

  /** The saga's history rows after `seq`, oldest first: a seek on the primary key, nothing read when none are new. */
  historySince(sagaId: string, seq: number): HistoryRow[] {
    return this.s.historySince.all(sagaId, seq) as HistoryRow[];
  }

  /** Queues a message; returns its id (ids only grow). */
  insertOutbox(row: NewOutboxRow): OutboxRow {
    const id = Number(this.s.insertOutbox.run(row.saga_id, row.subject, row.msg_id, row.headers, row.payload, row.created_at).lastInsertRowid);
    return { id, ...row };
  }

  /** Unsent outbox rows after `afterId` and up to `throughId`, oldest first. */
  unsentOutbox(afterId: number, limit: number, throughId = Number.MAX_SAFE_INTEGER): OutboxRow[] {
    return this.s.unsent.all(afterId, throughId, limit) as OutboxRow[];
  }

  /** Id of the newest queued message, 0 if none. */
  lastOutboxId(): number {
    return this.s.lastOutboxId.get() as number;
  }

  /**
   * Records what JetStream acknowledged: starts the clocks of the gated timers of `published`
   * commands (due = ack time + delay) and removes the rows up to `throughId`, in one transaction (a
   * crash before it commits republishes the rows, deduplicated, and arms then). Returns the earliest
   * armed due time.
   */
  markPublished(throughId: number, published: readonly PublishedCommand[]): number | null {
    return this.transaction(() => {
      let earliest: number | null = null;
      for (const p of published) {
        const due = this.s.armTimer.get(p.at, p.streamSeq, p.sagaId, p.msgId) as number | undefined;
        if (due !== undefined && (earliest === null || due < earliest)) earliest = due;
      }
      this.s.deletePublished.run(throughId);
      return earliest;
    });
  }

  /** Outbox rows not yet published (or whose removal after publishing has not committed yet). */
  countUnsent(): number {
    return this.s.countUnsent.get() as number;
  }

  upsertTimer(row: TimerRow): void {
    this.s.upsertTimer.run(row.saga_id, row.timer_id, row.due_at, row.event, row.armed_by ?? null, row.delay_ms ?? null, row.consumer ?? null, row.queue_budget_ms ?? null);
  }

  /** Moves a timer to `dueAt` without firing it, marking (or clearing, with null) since when its step is queued. */
  rescheduleTimer(sagaId: string, timerId: string, dueAt: number, queuedSince: number | null): void {
    this.s.rescheduleTimer.run(dueAt, queuedSince, sagaId, timerId);
  }

  /** Steps currently queued, by the consumer (participant) they wait for. */
  queuedByConsumer(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.s.queuedByConsumer.all() as { consumer: string; n: number }[]) out[r.consumer] = r.n;
    return out;
  }

  /** Commit time of the oldest outbox row not yet published, or null when the outbox is empty. */
  oldestUnsentAt(): number | null {
    return (this.s.oldestUnsent.get() as number | undefined) ?? null;
  }

  deleteTimer(sagaId: string, timerId: string): void {
    this.s.deleteTimer.run(sagaId, timerId);
  }

  dueTimers(now: number, limit: number): TimerRow[] {
    return this.s.dueTimers.all(now, limit) as TimerRow[];
  }

  /** Due time of the earliest timer, or null when there is none. */
  nextTimerDue(): number | null {
    return (this.s.nextDue.get() as number | null) ?? null;
  }

  countByStatus(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.s.countByStatus.all() as { status: string; n: number }[]) out[r.status] = r.n;
    return out;
  }

  /**
   * Deletes up to `limit` sagas that finished before `cutoff`, with their history and timers
   * (cascade). One short transaction per call, so the engine is never held up for long. `more`
   * says the budget was used up, so another call may find more.
   */
  deleteFinishedBefore(cutoff: number, limit: number): { sagas: number; more: boolean } {
    return this.transaction(() => {
      const ids = this.s.finishedBefore.all(cutoff, limit) as string[];
      for (const id of ids) this.s.deleteSaga.run(id);
      return { sagas: ids.length, more: ids.length >= limit };
    });
  }

  /** Sagas stuck at `now` (past their age limit), counted by type and the state that ran out. */
  countStuck(now: number): { type: string; state: string; n: number }[] {
    return this.s.countStuck.all(now) as { type: string; state: string; n: number }[];
  }

  /** Creation time of the oldest saga in `status`, or null. */
  oldestCreatedAt(status: string): number | null {
    return (this.s.oldestCreated.get(status) as number | null) ?? null;
  }

  /** Newest first, filtered, keyset-paginated on (created_at, id). */
  listSagas(filter: SagaListFilter): SagaHead[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit };
    if (filter.status) {
      where.push('status = @status');
      params.status = filter.status;
    }
    if (filter.type) {
      where.push('type = @type');
      params.type = filter.type;
    } else if (filter.businessKey) {
      // The only index on business_key leads with type: naming every stored type (found by
      // skipping through that index, one seek per type) lets the lookup below use it.
      where.push(`type IN (WITH RECURSIVE t(type) AS (SELECT min(type) FROM sagas
        UNION ALL SELECT (SELECT min(type) FROM sagas WHERE type > t.type) FROM t WHERE t.type IS NOT NULL)
        SELECT type FROM t WHERE type IS NOT NULL)`);
    }
    if (filter.businessKey) {
      where.push('business_key = @businessKey');
      params.businessKey = filter.businessKey;
    }
    if (filter.stuckAt !== undefined) {
      // Naming the statuses that can be stuck lets the status index find the sagas in flight.
      if (!filter.status) where.push("status IN ('running', 'compensating')");
      where.push('stuck_at <= @stuckAt');
      params.stuckAt = filter.stuckAt;
    }
    if (filter.createdFrom !== undefined) {
      where.push('created_at >= @createdFrom');
      params.createdFrom = filter.createdFrom;
    }
    if (filter.createdTo !== undefined) {
      where.push('created_at < @createdTo');
      params.createdTo = filter.createdTo;
    }
    if (filter.before) {
      where.push('(created_at < @bc OR (created_at = @bc AND id < @bid))');
      params.bc = filter.before.createdAt;
      params.bid = filter.before.id;
    }
    // A business key matches one saga per type at most; without the hint the planner prefers the
    // status index and scans every saga in that status.
    const index = filter.businessKey ? 'INDEXED BY sagas_business_key' : '';
    const sql = `SELECT ${HEAD_COLUMNS} FROM sagas ${index} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at DESC, id DESC LIMIT @limit`;
    // 128 shapes at most (status, type, business key, stuck, each end of the time range and the cursor
    // each present or not): each is compiled once.
    let statement = this.listStatements.get(sql);
    if (!statement) this.listStatements.set(sql, (statement = this.db.prepare(sql)));
    return statement.all(params) as SagaHead[];
  }
}

/** SQLite's reads as promises (they run synchronously; the promise only matches PostgreSQL's shape). */
function sqliteQueries(store: SagaStore): SagaQueries {
  const later = <T>(read: () => T): Promise<T> => {
    try {
      return Promise.resolve(read());
    } catch (err) {
      return Promise.reject(err);
    }
  };
  return {
    getSaga: (id) => later(() => store.getSaga(id)),
    history: (id) => later(() => store.history(id)),
    historySince: (id, seq) => later(() => store.historySince(id, seq)),
    listSagas: (filter) => later(() => store.listSagas(filter)),
    countByStatus: () => later(() => store.countByStatus()),
    countStuck: (now) => later(() => store.countStuck(now)),
    oldestCreatedAt: (status) => later(() => store.oldestCreatedAt(status)),
    countUnsent: () => later(() => store.countUnsent()),
    oldestUnsentAt: () => later(() => store.oldestUnsentAt()),
    queuedByConsumer: () => later(() => store.queuedByConsumer()),
    nextTimerDue: () => later(() => store.nextTimerDue()),
    dueTimers: (now, limit) => later(() => store.dueTimers(now, limit)),
    checkWritable: () => later(() => store.checkWritable()),
  };
}

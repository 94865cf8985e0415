import type { HistoryRow, NewOutboxRow, OutboxRow, SagaHead, SagaListFilter, SagaRow, TimerRow } from './saga-store.ts';

/** The columns a transition rewrites on a saga's row. */
export type SagaUpdate = Pick<SagaRow, 'id' | 'status' | 'reason' | 'snapshot' | 'seq' | 'updated_at' | 'finished_at' | 'state_entered' | 'stuck_at' | 'stuck_state'>;

/**
 * What the engine reads and writes inside one transaction, synchronously: SQLite runs these as
 * statements; PostgreSQL serves the reads from rows it locked before the transaction's work ran
 * and sends the writes in one statement at its end (see src/store/postgres/saga-store.ts).
 */
export interface SagaTables {
  /** Runs `fn` atomically; nested, it is a savepoint of the outer transaction. */
  transaction<T>(fn: () => T): T;
  /** Runs `fn` once the outermost transaction committed (dropped if it rolls back). */
  afterCommit(fn: () => void): void;
  /** Resolves once everything committed so far is durable. */
  flush(): Promise<void>;
  insertSaga(row: SagaRow): void;
  getSaga(id: string): SagaRow | undefined;
  getSagaHead(id: string): SagaHead | undefined;
  getSnapshot(id: string): string | undefined;
  findByIdempotencyKey(key: string): SagaRow | undefined;
  businessKeyExists(type: string, key: string): boolean;
  updateSaga(row: SagaUpdate): void;
  bumpSeq(id: string, seq: number): void;
  appendHistory(row: HistoryRow): void;
  /** Queues a message; the returned row's id is set by the time the transaction committed. */
  insertOutbox(row: NewOutboxRow): OutboxRow;
  upsertTimer(row: TimerRow): void;
  rescheduleTimer(sagaId: string, timerId: string, dueAt: number, queuedSince: number | null): void;
  deleteTimer(sagaId: string, timerId: string): void;
  dueTimers(now: number, limit: number): TimerRow[];
}

/**
 * The rows a unit of work will read, so a store that must fetch them first (PostgreSQL) locks
 * them in one round trip before the work runs. SQLite reads as it goes and ignores it.
 */
export interface ReadHint {
  sagaIds?: readonly string[];
  idempotencyKey?: string;
  businessKey?: { type: string; key: string };
  /** The work fires timers due by `now`: up to `limit` of them, with their sagas. */
  dueTimers?: { now: number; limit: number };
}

/** Reads outside any write transaction (API, explorer, metrics, loops): asynchronous on every store. */
export interface SagaQueries {
  getSaga(id: string): Promise<SagaRow | undefined>;
  history(sagaId: string): Promise<HistoryRow[]>;
  historySince(sagaId: string, seq: number): Promise<HistoryRow[]>;
  listSagas(filter: SagaListFilter): Promise<SagaHead[]>;
  countByStatus(): Promise<Record<string, number>>;
  countStuck(now: number): Promise<{ type: string; state: string; n: number }[]>;
  oldestCreatedAt(status: string): Promise<number | null>;
  countUnsent(): Promise<number>;
  oldestUnsentAt(): Promise<number | null>;
  queuedByConsumer(): Promise<Record<string, number>>;
  nextTimerDue(): Promise<number | null>;
  dueTimers(now: number, limit: number): Promise<TimerRow[]>;
  /** Resolves true when the database accepts writes; rejects with the reason otherwise. */
  checkWritable(): Promise<true>;
}

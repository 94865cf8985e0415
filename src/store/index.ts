export { openDatabase, inTransaction, flushToDisk, durabilityFailure, closeDatabase, type Db, type OpenOptions, type Synchronous } from './sqlite.ts';
export { type FsyncFn, type FsyncSyncFn, INLINE_FSYNC_MAX_MS } from './wal-sync.ts';
export { migrate, MIGRATIONS_ROOT } from './migrate.ts';
export { databaseWritable } from './writable.ts';
export { SagaStore, type SagaRow, type SagaHead, type HistoryRow, type OutboxRow, type NewOutboxRow, type TimerRow, type SagaListFilter, type PublishedCommand, UNARMED, HEAD_COLUMNS, timerKeyOf } from './saga-store.ts';
export { GroupCommit, type RunInTransaction } from './group-commit.ts';
export { readRecordedSagas, type RecordedSagaRow } from './recorded.ts';
export { type SagaTables, type SagaQueries, type SagaUpdate, type ReadHint } from './tables.ts';

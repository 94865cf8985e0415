import { Histogram, type Registry } from 'prom-client';

/** Group-commit and WAL-flush metrics of one process's database, fed by GroupCommit and WalSync. */
export interface StorageMetrics {
  /** A group commit: how many jobs it held and how long its transaction held the event loop. */
  groupCommit(jobs: number, seconds: number): void;
  /** A WAL fsync and how long it took. */
  walFlushed(seconds: number): void;
}

/** Registers the saga_db_* histograms on `registry`. */
export function createStorageMetrics(registry: Registry): StorageMetrics {
  const registers = [registry];
  const jobs = new Histogram({
    name: 'saga_db_commit_jobs',
    help: 'Jobs per group commit (orchestrator: saga starts, reply batches, timer batches, outbox deletes, operator actions; participants: commands)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers,
  });
  const commitSeconds = new Histogram({
    name: 'saga_db_commit_seconds',
    help: 'Time a group commit held the event loop (statements, transitions and the WAL append)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers,
  });
  const fsyncSeconds = new Histogram({
    name: 'saga_db_fsync_seconds',
    help: 'Duration of each WAL fsync (on the thread pool); acks, answers and messages wait for it',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers,
  });
  return {
    groupCommit(count, seconds) {
      jobs.observe(count);
      commitSeconds.observe(seconds);
    },
    walFlushed(seconds) {
      fsyncSeconds.observe(seconds);
    },
  };
}

import type { Logger } from '../logger.ts';

export interface RetentionOptions {
  /** Finished sagas older than this (by finish time) are deleted with their history. */
  maxAgeMs: number;
  /** Sagas deleted per transaction: small, so replies and requests never wait long behind it. */
  batchSize: number;
  /** Pause between sweeps once there is nothing (more) to delete. */
  intervalMs: number;
  /** Deletes one batch older than the cutoff; resolves with how many sagas went and whether more may be due. */
  deleteBatch: (cutoff: number, limit: number) => Promise<{ sagas: number; more: boolean }>;
  logger: Logger;
  clock?: () => number;
}

/**
 * Removes finished sagas after a configurable age, a small batch at a time: a full batch is
 * followed by the next one on a later turn of the event loop (so other work interleaves), an empty
 * or partial one by a pause of `intervalMs`.
 */
export class RetentionSweeper {
  private readonly o: Required<RetentionOptions>;
  private handle: NodeJS.Timeout | undefined;
  private stopped = true;
  private sweeping: Promise<void> = Promise.resolve();
  /** Sagas deleted since start. */
  deleted = 0;

  constructor(options: RetentionOptions) {
    this.o = { clock: Date.now, ...options };
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops sweeping; resolves once a batch being deleted has committed. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle) clearTimeout(this.handle);
    await this.sweeping;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.handle = setTimeout(() => {
      this.sweeping = this.sweep();
    }, delayMs);
    this.handle.unref();
  }

  private async sweep(): Promise<void> {
    try {
      const { sagas, more } = await this.o.deleteBatch(this.o.clock() - this.o.maxAgeMs, this.o.batchSize);
      this.deleted += sagas;
      if (sagas > 0) this.o.logger.debug({ deleted: sagas }, 'retention removed finished sagas');
      this.schedule(more ? 0 : this.o.intervalMs);
    } catch (err) {
      this.o.logger.warn({ err }, 'retention sweep failed; trying again later');
      this.schedule(this.o.intervalMs);
    }
  }
}

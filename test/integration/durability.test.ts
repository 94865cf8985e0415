import { fsync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COMPENSATION_POLICY, DEFAULT_STEP_POLICY } from '../../sagas/kit/index.ts';
import { allSagaDefinitions } from '../../sagas/registry.ts';
import { classify } from '../../src/errors.ts';
import { OutboxRelay, SagaEngine, silentLogger } from '../../src/engine/index.ts';
import { closeDatabase, flushToDisk, migrate, openDatabase, SagaStore, type Db, type FsyncFn } from '../../src/store/index.ts';
import { orderBody } from '../support/system.ts';

/** A disk whose flushes complete only when the test says so (and can fail). */
class HeldDisk {
  readonly pending: { fd: number; callback: (err: NodeJS.ErrnoException | null) => void }[] = [];
  started = 0;
  readonly fsync: FsyncFn = (fd, callback) => {
    this.started++;
    this.pending.push({ fd, callback });
  };
  /** Completes the flushes started so far with a real fsync (or fails them). */
  release(error?: NodeJS.ErrnoException): void {
    for (const { fd, callback } of this.pending.splice(0)) {
      if (error) callback(error);
      else fsync(fd, callback);
    }
  }
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('durability: commits are flushed off the event loop, and nothing depends on one before its flush', () => {
  let dir: string;
  let db: Db;
  let disk: HeldDisk;
  let lost: Error[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saga-durability-'));
    disk = new HeldDisk();
    lost = [];
    db = openDatabase(join(dir, 'orchestrator.db'), { fsync: disk.fsync, onDurabilityLost: (err) => lost.push(err) });
    migrate(db, 'orchestrator');
    // Migrations wrote: flush them so each test starts from a durable database.
    const ready = flushToDisk(db);
    disk.release();
    await ready;
    disk.started = 0;
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  const engineOn = (database: Db) => new SagaEngine({ store: new SagaStore(database), definitions: allSagaDefinitions({ step: DEFAULT_STEP_POLICY, compensation: DEFAULT_COMPENSATION_POLICY }) });

  it('a saga start submitted through group commit resolves only after the WAL flush that covers it', async () => {
    const engine = engineOn(db);
    let resolved = false;
    const started = engine.submit((e) => e.start('order', orderBody())).then((r) => {
      resolved = true;
      return r;
    });
    await turn();
    // Committed (another connection can read it) but not flushed: the caller has no answer yet.
    expect(db.prepare('SELECT count(*) FROM sagas').pluck().get()).toBe(1);
    expect(statSync(join(dir, 'orchestrator.db-wal')).size).toBeGreaterThan(0);
    expect(disk.started).toBe(1);
    expect(resolved).toBe(false);
    disk.release();
    const { saga, created } = await started;
    expect(created).toBe(true);
    expect(saga.status).toBe('running');
  });

  it('commits made while a flush is in flight share the next one; nothing new to flush costs no fsync', async () => {
    const engine = engineOn(db);
    const first = engine.submit((e) => e.start('order', orderBody()));
    await turn();
    expect(disk.started).toBe(1);
    // Twenty starts in separate turns while the first flush is held: they wait for ONE more flush.
    const later: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      later.push(engine.submit((e) => e.start('order', orderBody())));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(disk.started).toBe(1);
    disk.release();
    await first;
    await turn();
    expect(disk.started).toBe(2);
    disk.release();
    await Promise.all(later);
    await flushToDisk(db);
    expect(disk.started).toBe(2);
  });

  it('the outbox relay publishes a row only once the commit that wrote it is on disk', async () => {
    const store = new SagaStore(db);
    const published: string[] = [];
    const relay = new OutboxRelay({ store, logger: silentLogger, publish: async (row) => published.push(row.subject), pollMs: 10 });
    const engine = new SagaEngine({
      store,
      definitions: allSagaDefinitions({ step: DEFAULT_STEP_POLICY, compensation: DEFAULT_COMPENSATION_POLICY }),
      groupCommit: false,
      // As the orchestrator wires it: rows are released to the relay once their commit is on disk.
      onCommit: () => relay.wake(),
      onDurable: (info) => info.outbox.length > 0 && relay.release(info.outbox.at(-1)!.id, info.outbox),
    });
    relay.start();
    try {
      engine.start('order', orderBody());
      await turn();
      expect(store.countUnsent()).toBe(2);
      expect(published).toEqual([]);
      disk.release();
      await expect.poll(() => published, { timeout: 2_000 }).toEqual(['order.created', 'saga.cmd.inventory.reserve']);
    } finally {
      disk.release();
      const stopping = relay.stop();
      for (let i = 0; i < 20 && disk.pending.length === 0; i++) await turn();
      disk.release();
      await stopping;
    }
  });

  it('a failed fsync fails the waiting work, every later flush and readiness, and tells the process once', async () => {
    const engine = engineOn(db);
    const store = new SagaStore(db);
    const started = engine.submit((e) => e.start('order', orderBody()));
    await turn();
    disk.release(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    const err = await started.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'SQLITE_IOERR_FSYNC' });
    expect(classify(err)).toMatchObject({ kind: 'transient', code: 'STORAGE_UNAVAILABLE' });
    // Not retried: a second fsync could report success for pages the kernel already dropped.
    db.prepare('INSERT INTO health_probe (id, checked_at) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET checked_at = 2').run();
    await expect(flushToDisk(db)).rejects.toMatchObject({ code: 'SQLITE_IOERR_FSYNC' });
    expect(disk.started).toBe(1);
    expect(() => store.checkWritable()).toThrow(/fsync/);
    expect(lost).toHaveLength(1);
  });
});

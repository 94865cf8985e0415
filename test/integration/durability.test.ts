import { fsync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COMPENSATION_POLICY, DEFAULT_STEP_POLICY } from '../../sagas/kit/index.ts';
import { allSagaDefinitions } from '../../sagas/registry.ts';
import { classify } from '../../src/errors.ts';
import { OutboxRelay, SagaEngine, silentLogger } from '../../src/engine/index.ts';
import { closeDatabase, flushToDisk, INLINE_FSYNC_MAX_MS, migrate, openDatabase, SagaStore, type Db, type FsyncFn } from '../../src/store/index.ts';
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

  it('bookkeeping submitted as not durable commits without a flush of its own; with durable work it waits for that flush', async () => {
    const engine = engineOn(db);
    const store = new SagaStore(db);
    const mark = () => store.markPublished(0, []);
    // Alone: committed, resolved, and no fsync started.
    await engine.submit(mark, {}, { durable: false });
    expect(disk.started).toBe(0);
    // In a group with a start: everything waits for the one flush, which covers both commits.
    let marked = false;
    const started = engine.submit((e) => e.start('order', orderBody()));
    const bookkeeping = engine.submit(mark, {}, { durable: false }).then(() => (marked = true));
    await turn();
    expect(disk.started).toBe(1);
    expect(marked).toBe(false);
    disk.release();
    await Promise.all([started, bookkeeping]);
    await flushToDisk(db);
    expect(disk.started).toBe(1);
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

describe('durability: while fsyncs are fast they run on the event loop, and a slow disk moves them to the thread pool', () => {
  let dir: string;
  let db: Db;
  let calls: ('pool' | 'loop')[];
  /** How long each fsync on the event loop takes (the disk's speed), in ms. */
  let loopFsyncMs: number;
  let loopError: NodeJS.ErrnoException | undefined;
  let lost: Error[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saga-inline-fsync-'));
    calls = [];
    loopFsyncMs = 0;
    loopError = undefined;
    lost = [];
    // A disk as fast or as slow as the test says, whatever the machine's disk is.
    db = openDatabase(join(dir, 'orchestrator.db'), {
      fsync: (_fd, callback) => {
        calls.push('pool');
        queueMicrotask(() => callback(null));
      },
      fsyncSync: () => {
        calls.push('loop');
        if (loopError) throw loopError;
        const until = performance.now() + loopFsyncMs;
        while (performance.now() < until);
      },
      onDurabilityLost: (err) => lost.push(err),
    });
    db.exec('CREATE TABLE t (x INTEGER)');
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  const commitAndFlush = () => {
    db.prepare('INSERT INTO t (x) VALUES (1)').run();
    return flushToDisk(db);
  };

  it('the first flush runs on the pool; while they take at most INLINE_FSYNC_MAX_MS the next ones run on the event loop', async () => {
    await commitAndFlush();
    await commitAndFlush();
    await commitAndFlush();
    expect(calls).toEqual(['pool', 'loop', 'loop']);
    // Nothing new committed: no fsync at all.
    await flushToDisk(db);
    expect(calls).toHaveLength(3);
  });

  it('an fsync slower than INLINE_FSYNC_MAX_MS sends the next flush to the pool, and a fast one brings it back', async () => {
    await commitAndFlush();
    await commitAndFlush();
    loopFsyncMs = INLINE_FSYNC_MAX_MS + 4;
    await commitAndFlush();
    loopFsyncMs = 0;
    await commitAndFlush();
    await commitAndFlush();
    expect(calls).toEqual(['pool', 'loop', 'loop', 'pool', 'loop']);
  });

  it('a failed fsync on the event loop loses durability as one on the pool does: this and every later flush reject, the process is told once', async () => {
    await commitAndFlush();
    loopError = Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    await expect(commitAndFlush()).rejects.toMatchObject({ code: 'SQLITE_IOERR_FSYNC' });
    loopError = undefined;
    await expect(commitAndFlush()).rejects.toMatchObject({ code: 'SQLITE_IOERR_FSYNC' });
    expect(calls).toEqual(['pool', 'loop']);
    expect(lost).toHaveLength(1);
  });

  it('a disk replaced with `fsync` alone (as the tests above do) is never flushed on the event loop', async () => {
    closeDatabase(db);
    calls = [];
    db = openDatabase(join(dir, 'other.db'), { fsync: (fd, callback) => (calls.push('pool'), fsync(fd, callback)) });
    db.exec('CREATE TABLE t (x INTEGER)');
    for (let i = 0; i < 3; i++) await commitAndFlush();
    expect(calls).toEqual(['pool', 'pool', 'pool']);
  });
});

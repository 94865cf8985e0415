import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, databaseWritable, migrate, openDatabase, SagaStore } from '../../src/store/index.ts';
import { TestSystem, orderBody } from '../support/system.ts';
import { waitFor } from '../support/nats-server.ts';

async function post(base: string, body: unknown) {
  const res = await fetch(`${base}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, unknown> };
}

async function ready(base: string) {
  const res = await fetch(`${base}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('orchestrator database locked by another writer', () => {
  let sys: TestSystem;
  let base: string;

  beforeAll(async () => {
    sys = await TestSystem.start({ busyTimeoutMs: 50, defaultStock: 1_000 });
    base = await sys.serveApi();
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  it('answers 503, reports not ready, acks nothing it did not commit, and recovers by itself', async () => {
    await sys.stopParticipant('payment');
    const { body: started } = await post(base, orderBody());
    const sagaId = started.sagaId as string;
    await waitFor(async () => (await sys.orchestrator.engine.get(sagaId))!.steps[1]!.attempts >= 1, 5_000, 'charge sent');

    const locker = new Database(join(sys.dir, 'orchestrator.db'));
    locker.pragma('busy_timeout = 0');
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const refused = await post(base, orderBody());
      expect(refused.status).toBe(503);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.body.code).toBe('STORAGE_BUSY');
      const notReady = await ready(base);
      expect(notReady.status).toBe(503);
      expect(String(notReady.body.detail)).toContain('database');

      // The charge is answered while the database is locked: the reply cannot be applied, so it is not acked.
      await sys.startParticipant('payment');
      await waitFor(async () => (await sys.orchestrator.jsm.consumers.info('SAGA_REPLIES', 'orchestrator')).num_redelivered > 0, 10_000, 'reply redelivered');
      expect(sys.orchestrator.replies.stats.failedBatches).toBeGreaterThan(0);
      expect((await sys.orchestrator.engine.get(sagaId))!.steps[1]!.status).not.toBe('succeeded');
    } finally {
      locker.exec('COMMIT');
      locker.close();
    }
    expect(await sys.waitForStatus(sagaId, ['completed'])).toBe('completed');
    await waitFor(async () => (await ready(base)).status === 200, 5_000, 'ready again');
    expect((await post(base, orderBody())).status).toBe(202);
  });
});

/** Mounts a small tmpfs (root only); undefined where mounting is not allowed. */
function mountSmallDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'saga-smalldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const disk = mountSmallDisk();

describe.skipIf(!disk)('orchestrator database on a full disk (size-limited tmpfs)', () => {
  let sys: TestSystem;
  let base: string;
  const filler = join(disk ?? '', 'filler');

  beforeAll(async () => {
    sys = await TestSystem.start({ orchestratorDbPath: join(disk!, 'orchestrator.db'), defaultStock: 1_000 });
    base = await sys.serveApi();
  });
  afterAll(async () => {
    await sys?.dispose();
    if (disk) {
      execFileSync('umount', [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  });

  it('answers 503 while the disk is full and recovers once space is freed', async () => {
    const first = await post(base, orderBody());
    expect(first.status).toBe(202);
    expect(await sys.waitForStatus(first.body.sagaId as string, ['completed'])).toBe('completed');

    // Fill the disk to the last byte.
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(64 * 1024);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    try {
      const small = Buffer.alloc(512);
      const fd2 = openSync(filler, 'a');
      try {
        for (;;) writeSync(fd2, small);
      } catch {
        // full
      } finally {
        closeSync(fd2);
      }
      const refused = await post(base, orderBody());
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('STORAGE_UNAVAILABLE');
      const notReady = await ready(base);
      expect(notReady.status).toBe(503);
      expect(String(notReady.body.detail)).toContain('database');
    } finally {
      rmSync(filler, { force: true });
    }
    await waitFor(async () => (await ready(base)).status === 200, 5_000, 'ready again');
    const after = await post(base, orderBody());
    expect(after.status).toBe(202);
    expect(await sys.waitForStatus(after.body.sagaId as string, ['completed'])).toBe('completed');
  });
});

describe('readiness probes while another connection holds the write lock', () => {
  it('give up within a quarter second, whatever the busy timeout, and leave the busy timeout as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saga-probe-lock-'));
    const db = openDatabase(join(dir, 'orchestrator.db'), { busyTimeoutMs: 5_000 });
    migrate(db, 'orchestrator');
    const locker = new Database(join(dir, 'orchestrator.db'));
    try {
      locker.exec('BEGIN EXCLUSIVE');
      for (const probe of [() => new SagaStore(db).checkWritable(), databaseWritable(db)]) {
        const t0 = performance.now();
        expect(probe).toThrow(/locked|busy/i);
        expect(performance.now() - t0).toBeLessThan(1_000);
      }
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5_000);
      locker.exec('COMMIT');
      expect(new SagaStore(db).checkWritable()).toBe(true);
      expect(databaseWritable(db)()).toBe(true);
    } finally {
      locker.close();
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

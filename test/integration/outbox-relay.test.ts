import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxRelay, silentLogger } from '../../src/engine/index.ts';
import { closeDatabase, migrate, openDatabase, SagaStore, type Db } from '../../src/store/index.ts';

describe('outbox relay on a real SQLite file', () => {
  let dir: string;
  let db: Db;
  let store: SagaStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saga-relay-'));
    db = openDatabase(join(dir, 'orchestrator.db'));
    migrate(db, 'orchestrator');
    store = new SagaStore(db);
    for (let i = 1; i <= 10; i++) store.insertOutbox({ saga_id: 's', subject: `m.${i}`, msg_id: `s:${i}:0`, headers: '{}', payload: Buffer.from([i]), created_at: i });
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes rows only up to the first unacknowledged one, and publishes the rest again until all are out', async () => {
    const published: string[] = [];
    let failNext = true;
    const relay = new OutboxRelay({
      store,
      logger: silentLogger,
      window: 1,
      retryDelayMs: 10,
      publish: async (row) => {
        if (row.subject === 'm.4' && failNext) {
          failNext = false;
          throw new Error('no ack');
        }
        published.push(row.subject);
      },
    });
    relay.start();
    await expect.poll(() => store.countUnsent(), { timeout: 5_000 }).toBe(0);
    await relay.stop();
    // m.1-m.3 once; m.4 after its retry; nothing lost, nothing out of order.
    expect(published).toEqual(['m.1', 'm.2', 'm.3', 'm.4', 'm.5', 'm.6', 'm.7', 'm.8', 'm.9', 'm.10']);
  });

  it('after a restart publishes what the previous run left, from the oldest row', async () => {
    store.deletePublished(6);
    const published: string[] = [];
    const relay = new OutboxRelay({ store, logger: silentLogger, publish: async (row) => void published.push(row.subject) });
    relay.start();
    await expect.poll(() => store.countUnsent(), { timeout: 5_000 }).toBe(0);
    await relay.stop();
    expect(published).toEqual(['m.7', 'm.8', 'm.9', 'm.10']);
  });
});

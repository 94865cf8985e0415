import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxRelay, silentLogger, type OutboxRelayOptions } from '../../src/engine/index.ts';
import { closeDatabase, migrate, openDatabase, SagaStore, type Db } from '../../src/store/index.ts';

describe('outbox relay on a real SQLite file', () => {
  let dir: string;
  let db: Db;
  let store: SagaStore;

  /** Queues message m.<i> and returns its row as the engine hands it to the relay. */
  const insert = (i: number) => {
    const row = { saga_id: 's', subject: `m.${i}`, msg_id: `s:${i}:0`, headers: '{}', payload: Buffer.from([i]), created_at: i };
    return store.insertOutbox(row);
  };

  /**
   * A relay publishing one row at a time (rows acked after a failed one would go out twice,
   * deduplicated by the stream) whose publish of `failing` fails once; `published` lists the rest.
   */
  const relayFailingOnce = (failing: string, options: Partial<OutboxRelayOptions> = {}) => {
    const published: string[] = [];
    let failed = false;
    const relay = new OutboxRelay({
      store,
      logger: silentLogger,
      window: 1,
      retryDelayMs: 10,
      publish: async (row) => {
        if (row.subject === failing && !failed) {
          failed = true;
          throw new Error('no ack');
        }
        // The stream sequence the ack would carry.
        return published.push(row.subject);
      },
      ...options,
    });
    return { relay, published };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saga-relay-'));
    db = openDatabase(join(dir, 'orchestrator.db'));
    migrate(db, 'orchestrator');
    store = new SagaStore(db);
    for (let i = 1; i <= 10; i++) insert(i);
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes rows only up to the first unacknowledged one, and publishes the rest again until all are out', async () => {
    const { relay, published } = relayFailingOnce('m.4');
    relay.start();
    await expect.poll(() => store.countUnsent(), { timeout: 5_000 }).toBe(0);
    await relay.stop();
    // m.1-m.3 once; m.4 after its retry; nothing lost, nothing out of order.
    expect(published).toEqual(['m.1', 'm.2', 'm.3', 'm.4', 'm.5', 'm.6', 'm.7', 'm.8', 'm.9', 'm.10']);
  });

  it('publishes rows handed over with their release and reads the table for the ones it was not given, each once, in id order', async () => {
    // No safety poll to fall back on: every row must go out on its release's wake-up.
    const { relay, published } = relayFailingOnce('m.12', { pollMs: 600_000 });
    relay.start();
    await expect.poll(() => published.length, { timeout: 5_000 }).toBe(10);
    // Handed over whole; m.12 fails once and goes out again after m.11, before m.13.
    relay.release(13, [insert(11), insert(12), insert(13)]);
    await expect.poll(() => published.length, { timeout: 5_000 }).toBe(13);
    // m.14 is committed but not handed over (as after an overflow): it is read from the table.
    insert(14);
    relay.release(16, [insert(15), insert(16)]);
    // Released without its row, and one committed but not released yet: m.17 goes, m.18 waits.
    insert(17);
    relay.release(17, []);
    const m18 = insert(18);
    await expect.poll(() => store.countUnsent(), { timeout: 5_000 }).toBe(1);
    expect(published).toEqual(Array.from({ length: 17 }, (_, i) => `m.${i + 1}`));
    relay.release(18, [m18]);
    // Released in the same turn, the second without its row: both go on the same wake-up.
    relay.release(19, [insert(19)]);
    insert(20);
    relay.release(20, []);
    await expect.poll(() => store.countUnsent(), { timeout: 5_000 }).toBe(0);
    await relay.stop();
    expect(published).toEqual(Array.from({ length: 20 }, (_, i) => `m.${i + 1}`));
  });

  it('after a restart publishes what the previous run left, from the oldest row', async () => {
    store.markPublished(6, []);
    const published: string[] = [];
    const relay = new OutboxRelay({ store, logger: silentLogger, publish: async (row) => published.push(row.subject) });
    relay.start();
    await expect.poll(() => store.countUnsent(), { timeout: 5_000 }).toBe(0);
    await relay.stop();
    expect(published).toEqual(['m.7', 'm.8', 'm.9', 'm.10']);
  });
});

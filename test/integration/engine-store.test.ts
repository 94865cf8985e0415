import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stepBudgetMs, type RetryPolicy } from '../../sagas/kit/index.ts';
import { allSagaDefinitions } from '../../sagas/registry.ts';
import { decodeCommand } from '../../src/contracts/index.ts';
import { SagaEngine, silentLogger, timerKey, type DeliveryVerdict } from '../../src/engine/index.ts';
import { RetentionSweeper } from '../../src/engine/retention.ts';
import { waitFor } from '../support/nats-server.ts';
import { closeDatabase, migrate, openDatabase, SagaStore, UNARMED, type Db, type TimerRow } from '../../src/store/index.ts';
import { orderBody } from '../support/system.ts';

const step: RetryPolicy = { maxAttempts: 2, timeoutMs: 1_000, queueTimeoutMs: 60_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0 };

describe('engine on a real SQLite file', () => {
  let dir: string;
  let db: Db;
  let now: number;
  const engineOn = (database: Db) =>
    new SagaEngine({
      store: new SagaStore(database),
      definitions: allSagaDefinitions({ step, compensation: step }),
      clock: () => now,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saga-engine-'));
    db = openDatabase(join(dir, 'orchestrator.db'));
    migrate(db, 'orchestrator');
    now = 1_000_000;
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the outbox relay does once JetStream acknowledged every row: arm the clocks, remove the rows. */
  const publishAll = (database: Db, at = now) => {
    const rows = database.prepare('SELECT id, saga_id, msg_id, subject FROM outbox ORDER BY id').all() as { id: number; saga_id: string; msg_id: string; subject: string }[];
    const store = new SagaStore(database);
    return store.markPublished(rows.at(-1)?.id ?? 0, rows.map((r) => ({ sagaId: r.saga_id, msgId: r.msg_id, subject: r.subject, streamSeq: r.id, at })));
  };
  const timerRows = (database: Db) => database.prepare('SELECT * FROM timers ORDER BY due_at').all() as TimerRow[];
  /** The same verdict for every due gated timer. */
  const verdictForAll = (database: Db, verdict: DeliveryVerdict) =>
    new Map(timerRows(database).filter((t) => t.consumer).map((t) => [timerKey(t), verdict]));

  it('start writes the saga, its history, the OrderCreated event, the first command and its timeout together', async () => {
    const engine = engineOn(db);
    const { saga, created } = engine.start('order', orderBody({ orderId: 'o-1' }));
    expect(created).toBe(true);
    expect(saga).toMatchObject({ status: 'running', version: 1, businessKey: 'o-1' });
    const outbox = db.prepare('SELECT subject, msg_id, payload FROM outbox ORDER BY id').all() as { subject: string; msg_id: string; payload: Uint8Array }[];
    expect(outbox.map((r) => r.subject)).toEqual(['order.created', 'saga.cmd.inventory.reserve']);
    const command = decodeCommand(outbox[1]!.payload);
    expect(command).toMatchObject({ sagaId: saga.id, commandId: `${saga.id}:reserveInventory`, attempt: 1, replyTo: 'saga.reply.order.inventory', commandType: 'order.v1.ReserveInventory', businessKey: 'o-1' });
    // The attempt's clock waits for JetStream's ack of the command, not the commit.
    expect(timerRows(db)).toMatchObject([{ due_at: UNARMED, armed_by: outbox[1]!.msg_id, delay_ms: step.timeoutMs, consumer: 'inventory', stream_seq: null }]);
    expect((await engine.history(saga.id)).map((h) => h.event_type)).toEqual(['START']);
  });

  it('an attempt clock starts at the publish ack, once: a republish does not move it', () => {
    const engine = engineOn(db);
    engine.start('order', orderBody());
    now += 60_000;
    // Nothing is due however long the command waits to be published.
    expect(engine.fireDueTimers()).toBe(0);
    expect(publishAll(db, now)).toBe(now + step.timeoutMs);
    expect(timerRows(db)).toMatchObject([{ due_at: now + step.timeoutMs, stream_seq: 2 }]);
    expect(publishAll(db, now + 500)).toBeNull();
    expect(timerRows(db)[0]!.due_at).toBe(now + step.timeoutMs);
  });

  it('a due attempt clock fires only with an answerable verdict; queued holds the attempt and restarts the clock on delivery', async () => {
    const engine = engineOn(db);
    const { saga } = engine.start('order', orderBody());
    publishAll(db);
    now += step.timeoutMs;
    // Unknown (presence not heard yet): looked at again shortly, nothing told to the saga.
    expect(engine.fireDueTimers(256, verdictForAll(db, { kind: 'unknown' }))).toBe(1);
    expect(timerRows(db)[0]).toMatchObject({ due_at: now + 1_000, queued_since: null });
    expect(await engine.history(saga.id)).toHaveLength(1);
    now += 1_000;
    // Not delivered: the step is queued, the attempt does not count, nothing is resent.
    expect(engine.fireDueTimers(256, verdictForAll(db, { kind: 'queued', why: 'NOT_DELIVERED' }))).toBe(1);
    expect((await engine.get(saga.id))!.steps[0]).toMatchObject({ status: 'queued', attempts: 1, queueReason: 'NOT_DELIVERED', queuedAt: now });
    const clock = timerRows(db).find((t) => t.consumer)!;
    expect(clock).toMatchObject({ queued_since: now, due_at: now + 2_000 });
    expect(db.prepare("SELECT count(*) FROM outbox WHERE subject = 'saga.cmd.inventory.reserve'").pluck().get()).toBe(0);
    // Still queued later: the clock moves on quietly, no new history entry.
    now += 2_000;
    const historyBefore = (await engine.history(saga.id)).length;
    expect(engine.fireDueTimers(256, verdictForAll(db, { kind: 'queued', why: 'NOT_DELIVERED' }))).toBe(1);
    expect(await engine.history(saga.id)).toHaveLength(historyBefore);
    // Delivered to a present participant: running again with a whole attempt from now.
    now += 2_000;
    expect(engine.fireDueTimers(256, verdictForAll(db, { kind: 'answerable' }))).toBe(1);
    expect((await engine.get(saga.id))!.steps[0]).toMatchObject({ status: 'running', attempts: 1, queuedAt: null });
    expect(timerRows(db).find((t) => t.consumer)).toMatchObject({ due_at: now + step.timeoutMs, queued_since: null });
    expect((await engine.history(saga.id)).map((h) => h.event_type).slice(1)).toEqual(['COMMAND_QUEUED', 'COMMAND_DELIVERED']);
    // It had the command for a whole attempt and did not answer: now the attempt failed.
    now += step.timeoutMs;
    expect(engine.fireDueTimers(256, verdictForAll(db, { kind: 'answerable' }))).toBe(1);
    expect((await engine.get(saga.id))!.steps[0]).toMatchObject({ status: 'backoff', attempts: 1, lastError: expect.stringMatching(/^TIMEOUT/) });
  });

  it('a step queued longer than its queue budget is told QUEUE_EXPIRED: a forward step compensates with STEP_QUEUE_EXPIRED', async () => {
    const engine = engineOn(db);
    const { saga } = engine.start('order', orderBody());
    publishAll(db);
    now += step.timeoutMs;
    const queued = () => verdictForAll(db, { kind: 'queued', why: 'PARTICIPANT_UNAVAILABLE' });
    engine.fireDueTimers(256, queued());
    const since = now;
    // Rechecks grow, but the last one falls exactly when the budget runs out.
    let checks = 0;
    while ((await engine.get(saga.id))!.status === 'running' && checks < 100) {
      now = timerRows(db).find((t) => t.consumer)!.due_at;
      expect(now).toBeLessThanOrEqual(since + step.queueTimeoutMs);
      engine.fireDueTimers(256, queued());
      checks++;
    }
    expect(now).toBe(since + step.queueTimeoutMs);
    // The reservation may have happened: its release is owed.
    expect(await engine.get(saga.id)).toMatchObject({ status: 'compensating', reason: 'STEP_QUEUE_EXPIRED' });
    expect((await engine.get(saga.id))!.steps.find((s) => s.name === 'releaseInventory')).toMatchObject({ status: 'running', attempts: 1 });
    expect((await engine.get(saga.id))!.steps[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^QUEUED: .*PARTICIPANT_UNAVAILABLE/) });
    expect((await engine.history(saga.id)).map((h) => h.event_type)).toEqual(['START', 'COMMAND_QUEUED', 'QUEUE_EXPIRED']);
    expect(checks).toBeLessThan(40);
  });

  it('a gated timer that fell due after the verdicts were made waits for the next call', () => {
    const engine = engineOn(db);
    engine.start('order', orderBody());
    publishAll(db);
    now += step.timeoutMs;
    expect(engine.fireDueTimers(256, new Map())).toBe(0);
    expect(timerRows(db)).toHaveLength(1);
  });

  it('an idempotency key returns the same saga for the same request and refuses a different one', () => {
    const engine = engineOn(db);
    const body = orderBody();
    const first = engine.start('order', body, { idempotencyKey: 'k-1' });
    const again = engine.start('order', body, { idempotencyKey: 'k-1' });
    expect(again.created).toBe(false);
    expect(again.saga.id).toBe(first.saga.id);
    expect(() => engine.start('order', { ...body, customerId: 'someone-else' }, { idempotencyKey: 'k-1' })).toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }),
    );
    expect(() => engine.start('order', body)).toThrow(expect.objectContaining({ code: 'DUPLICATE_BUSINESS_KEY' }));
    expect(db.prepare('SELECT count(*) FROM sagas').pluck().get()).toBe(1);
  });

  it('invalid input is refused naming the field, and nothing is written', () => {
    const engine = engineOn(db);
    expect(() => engine.start('order', orderBody({ items: [] }))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/^items/) }));
    expect(() => engine.start('order', orderBody({ items: [{ sku: 'A', quantity: 3, unitPrice: Number.MAX_SAFE_INTEGER }] }))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(db.prepare('SELECT count(*) FROM sagas').pluck().get()).toBe(0);
  });

  it('durable timers fire after a restart and the saga continues on a fresh engine', async () => {
    const { saga } = engineOn(db).start('order', orderBody());
    publishAll(db);
    closeDatabase(db);
    // "Restart": a new connection and a new engine over the same file.
    db = openDatabase(join(dir, 'orchestrator.db'));
    const engine = engineOn(db);
    now += step.timeoutMs;
    expect(engine.fireDueTimers()).toBe(1);
    expect((await engine.get(saga.id))!.steps[0]).toMatchObject({ name: 'reserveInventory', status: 'backoff', attempts: 1 });
    now += 1_000;
    expect(engine.fireDueTimers()).toBe(1);
    expect((await engine.get(saga.id))!.steps[0]).toMatchObject({ status: 'running', attempts: 2 });
    const commands = db.prepare("SELECT payload FROM outbox WHERE subject = 'saga.cmd.inventory.reserve' ORDER BY id").pluck().all() as Uint8Array[];
    // The first attempt's row was published (and removed) before the restart; the retry keeps its command id.
    expect(commands.map((p) => decodeCommand(p))).toMatchObject([{ attempt: 2, commandId: `${saga.id}:reserveInventory` }]);
  });

  it('a saga run from cached live snapshots writes exactly what one restored from its rows writes', async () => {
    // The same events (a timeout, a retry, a decline, the compensation) on two engines: one keeps
    // live snapshots, the other restores each one from its JSON; every row they write must match.
    const run = async (database: Db, snapshotCacheSize: number) => {
      let seq = 0;
      const engine = new SagaEngine({
        store: new SagaStore(database),
        definitions: allSagaDefinitions({ step, compensation: step }),
        clock: () => now,
        newId: () => `saga-${++seq}`,
        snapshotCacheSize,
      });
      const reply = (id: string, participant: string, stepName: string, attempt: number, outcome: 'OK' | 'REJECTED', reasonCode = '') =>
        engine.applyBatch([{ sagaId: id, event: { type: 'REPLY', at: now, participant, commandId: `${id}:${stepName}`, attempt, outcome, reasonCode, detail: '' } }]);
      const start = now;
      const { saga } = engine.start('order', orderBody({ orderId: 'same' }));
      publishAll(database);
      now += step.timeoutMs;
      engine.fireDueTimers();
      now += 1_000;
      engine.fireDueTimers();
      reply(saga.id, 'inventory', 'reserveInventory', 2, 'OK');
      reply(saga.id, 'inventory', 'reserveInventory', 2, 'OK');
      reply(saga.id, 'payment', 'chargePayment', 1, 'REJECTED', 'INSUFFICIENT_FUNDS');
      reply(saga.id, 'inventory', 'releaseInventory', 1, 'OK');
      now = start;
      const rows = (sql: string) => database.prepare(sql).all();
      return {
        view: await engine.get(saga.id),
        sagas: rows('SELECT * FROM sagas'),
        history: rows('SELECT * FROM saga_history ORDER BY seq'),
        outbox: rows('SELECT subject, msg_id, headers, payload FROM outbox ORDER BY id'),
        timers: rows('SELECT * FROM timers'),
      };
    };
    const other = openDatabase(join(dir, 'restored.db'));
    migrate(other, 'orchestrator');
    try {
      const cached = await run(db, 4096);
      const restored = await run(other, 0);
      expect(cached.view).toMatchObject({ status: 'cancelled', reason: 'INSUFFICIENT_FUNDS' });
      expect(cached).toEqual(restored);
    } finally {
      closeDatabase(other);
    }
  });

  it('a transition rolled back with its transaction leaves no cached snapshot behind', async () => {
    const engine = engineOn(db);
    const store = new SagaStore(db);
    const { saga } = engine.start('order', orderBody());
    const ok = { type: 'REPLY' as const, at: now, participant: 'inventory', commandId: `${saga.id}:reserveInventory`, attempt: 1, outcome: 'OK' as const, reasonCode: '', detail: '' };
    expect(() =>
      store.transaction(() => {
        expect(engine.applyBatch([{ sagaId: saga.id, event: ok }])[0]!.outcome).toBe('applied');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect((await engine.get(saga.id))!.steps[0]).toMatchObject({ name: 'reserveInventory', status: 'running' });
    expect(engine.applyBatch([{ sagaId: saga.id, event: ok }])[0]!.outcome).toBe('applied');
    expect((await engine.get(saga.id))!.steps.slice(0, 2)).toMatchObject([{ status: 'succeeded' }, { status: 'running' }]);
  });

  it('replies apply in one batch; a repeated or unknown one is recorded, not applied', async () => {
    const engine = engineOn(db);
    const { saga } = engine.start('order', orderBody());
    const ok = { type: 'REPLY' as const, at: now, commandId: `${saga.id}:reserveInventory`, attempt: 1, outcome: 'OK' as const, reasonCode: '', detail: '' };
    const results = engine.applyBatch([
      { sagaId: saga.id, event: ok },
      { sagaId: saga.id, event: ok },
      { sagaId: 'no-such-saga', event: ok },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'ignored', 'unknown_saga']);
    const history = await engine.history(saga.id);
    expect(history.map((h) => [h.event_type, h.ignored])).toEqual([['START', 0], ['REPLY', 0], ['REPLY', 1]]);
    expect(db.prepare("SELECT count(*) FROM outbox WHERE subject = 'saga.cmd.payment.charge'").pluck().get()).toBe(1);
    // The reserve timeout was cancelled; only the charge timeout remains.
    expect((db.prepare('SELECT timer_id FROM timers').pluck().all() as string[]).every((id) => id.includes('chargePayment'))).toBe(true);
  });

  it('cancel and retry are refused in the wrong status', () => {
    const engine = engineOn(db);
    const { saga } = engine.start('order', orderBody());
    expect(() => engine.retry(saga.id)).toThrow(expect.objectContaining({ code: 'SAGA_NOT_PARKED' }));
    expect(engine.cancel(saga.id).status).toBe('compensating');
    expect(() => engine.cancel(saga.id)).toThrow(expect.objectContaining({ code: 'SAGA_NOT_RUNNING' }));
    expect(() => engine.cancel('missing')).toThrow(expect.objectContaining({ code: 'SAGA_NOT_FOUND' }));
  });

  it('retention deletes finished sagas past the age with their history, in batches, and keeps the rest', async () => {
    const engine = engineOn(db);
    const store = new SagaStore(db);
    const finished: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { saga } = engine.start('order', orderBody());
      engine.applyBatch([{ sagaId: saga.id, event: { type: 'REPLY', at: now, participant: 'inventory', commandId: `${saga.id}:reserveInventory`, attempt: 1, outcome: 'REJECTED', reasonCode: 'OUT_OF_STOCK', detail: '' } }]);
      finished.push(saga.id);
    }
    const running = engine.start('order', orderBody()).saga.id;
    now += 10 * 3_600_000;
    const sweeper = new RetentionSweeper({
      maxAgeMs: 3_600_000,
      batchSize: 2,
      intervalMs: 60_000,
      deleteBatch: (cutoff, limit) => engine.submit(() => store.deleteFinishedBefore(cutoff, limit)),
      logger: silentLogger,
      clock: () => now,
    });
    sweeper.start();
    try {
      await waitFor(() => sweeper.deleted === 5, 5_000, 'five sagas deleted');
    } finally {
      await sweeper.stop();
    }
    for (const id of finished) {
      expect(await engine.get(id)).toBeUndefined();
      expect(await engine.history(id)).toEqual([]);
    }
    expect((await engine.get(running))?.status).toBe('running');
    expect((await engine.history(running)).length).toBe(1);
    expect(db.prepare('SELECT count(*) FROM timers WHERE saga_id = ?').pluck().get(running)).toBe(1);
  });

  it('a saga in a step past its retry budget is stuck, listed and counted; moving on, parking or finishing clears it', async () => {
    const engine = engineOn(db);
    const store = new SagaStore(db);
    const budget = stepBudgetMs(step);
    // 2 attempts of 1 s, one pause of 100 ms, and the margin.
    expect(budget).toBe(2 * 1_000 + 100 + 1_000);
    const start = now;
    const { saga } = engine.start('order', orderBody({ orderId: 'stuck-1' }));
    const reply = (stepName: string, participant: string, outcome: 'OK' | 'REJECTED', attempt = 1) =>
      engine.applyBatch([{ sagaId: saga.id, event: { type: 'REPLY', at: now, participant, commandId: `${saga.id}:${stepName}`, attempt, outcome, reasonCode: outcome === 'REJECTED' ? 'NO' : '', detail: '' } }]);
    now = start + budget - 1;
    expect((await engine.get(saga.id))!.stuck).toBeNull();
    expect(await engine.list({ stuck: true, limit: 10 })).toEqual([]);
    now = start + budget;
    expect((await engine.get(saga.id))!.stuck).toEqual({ state: 'reserveInventory', since: start + budget });
    expect((await engine.list({ stuck: true, limit: 10 })).map((s) => s.id)).toEqual([saga.id]);
    expect((await engine.list({ stuck: true, status: 'running', type: 'order', limit: 10 })).map((s) => s.id)).toEqual([saga.id]);
    expect(await engine.list({ stuck: true, status: 'compensating', limit: 10 })).toEqual([]);
    expect(store.countStuck(now)).toEqual([{ type: 'order', state: 'reserveInventory', n: 1 }]);
    // A late reply that changes nothing (ignored) does not restart the clock.
    reply('chargePayment', 'payment', 'OK');
    expect((await engine.get(saga.id))!.stuck).not.toBeNull();

    // The next step starts its own clock.
    reply('reserveInventory', 'inventory', 'OK');
    const entered = now;
    expect((await engine.get(saga.id))!.stuck).toBeNull();
    now = entered + budget;
    expect((await engine.get(saga.id))!.stuck).toEqual({ state: 'chargePayment', since: entered + budget });

    // A rejection compensates: the compensation is a new state with its own clock.
    reply('chargePayment', 'payment', 'REJECTED');
    expect((await engine.get(saga.id))!).toMatchObject({ status: 'compensating', stuck: null });
    expect(store.countStuck(now)).toEqual([]);
    now += budget;
    expect((await engine.get(saga.id))!.stuck).toEqual({ state: 'releaseInventory', since: now });
    reply('releaseInventory', 'inventory', 'OK');
    expect((await engine.get(saga.id))!).toMatchObject({ status: 'cancelled', stuck: null });
    now += 10 * budget;
    expect(await engine.list({ stuck: true, limit: 10 })).toEqual([]);
    expect(db.prepare('SELECT stuck_at, stuck_state, state_entered FROM sagas').get()).toEqual({ stuck_at: null, stuck_state: null, state_entered: null });
  });

  it('a parked saga is not stuck; after an operator retry its state starts a fresh clock', async () => {
    const engine = engineOn(db);
    const { saga } = engine.start('order', orderBody({ orderId: 'parked-1' }));
    const reply = (stepName: string, participant: string, outcome: 'OK' | 'REJECTED', attempt = 1) =>
      engine.applyBatch([{ sagaId: saga.id, event: { type: 'REPLY', at: now, participant, commandId: `${saga.id}:${stepName}`, attempt, outcome, reasonCode: 'NO', detail: '' } }]);
    reply('reserveInventory', 'inventory', 'OK');
    reply('chargePayment', 'payment', 'REJECTED');
    // A compensation rejected parks the saga.
    reply('releaseInventory', 'inventory', 'REJECTED');
    expect((await engine.get(saga.id))!.status).toBe('needs_attention');
    now += 100 * stepBudgetMs(step);
    expect((await engine.get(saga.id))!.stuck).toBeNull();
    engine.retry(saga.id);
    const retried = now;
    expect((await engine.get(saga.id))!).toMatchObject({ status: 'compensating', stuck: null });
    now = retried + stepBudgetMs(step);
    expect((await engine.get(saga.id))!.stuck).toEqual({ state: 'releaseInventory', since: now });
  });
});

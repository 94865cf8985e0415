import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { decodeReply, encodeCommand, type Command, type Reply } from '../../src/contracts/index.ts';
import { ChargePayment, ReserveInventory } from '../../sagas/order/contracts/index.ts';
import { carrying, type TestCommand as CommandBody } from '../support/order-commands.ts';
import {
  HEADER,
  STREAM,
  commandSubject,
  connectNats,
  createDeadLettersReader,
  ensureConsumer,
  ensureStreams,
  fromNatsHeaders,
  sagaStreams,
  toNatsHeaders,
  trackPresence,
} from '../../src/messaging/index.ts';
import { closeDatabase, migrate, openDatabase, type Db } from '../../src/store/index.ts';
import {
  createInventoryParticipant,
  createPaymentParticipant,
  createShippingParticipant,
  processedCommands,
  startParticipant,
  handles,
  type ChaosOptions,
  type CommandHandlers,
  type InventoryParticipant,
  type ParticipantRuntime,
  type PaymentParticipant,
  type ShippingParticipant,
} from '../../src/participants/index.ts';
import { createParticipantMetrics, type ParticipantMetrics } from '../../src/telemetry/participant-metrics.ts';
import { NatsServer, freePort, waitFor } from '../support/nats-server.ts';

const REPLY_TO = 'saga.reply.test';
const DEADLINE_MS = 10_000;
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

interface ReceivedReply {
  reply: Reply;
  headers: Record<string, string>;
}

/** Collects every reply published on saga.reply.test, through a durable consumer on SAGA_REPLIES. */
async function collectReplies(js: JetStreamClient, jsm: JetStreamManager): Promise<{ replies: ReceivedReply[]; stop: () => void }> {
  await ensureConsumer(jsm, { stream: STREAM.replies, durable: 'test', filterSubject: REPLY_TO, ackWaitMs: 30_000, maxAckPending: 1_000 });
  const messages: ConsumerMessages = await (await js.consumers.get(STREAM.replies, 'test')).consume();
  const replies: ReceivedReply[] = [];
  void (async () => {
    for await (const m of messages) {
      replies.push({ reply: decodeReply(m.data), headers: fromNatsHeaders(m.headers) });
      m.ack();
    }
  })();
  return { replies, stop: () => messages.stop() };
}

/** Publishes a command envelope the way the orchestrator's outbox does. */
async function send(
  js: JetStreamClient,
  participant: string,
  body: CommandBody,
  options: { commandId: string; attempt?: number; msgID?: string },
): Promise<Command> {
  const command: Command = {
    sagaId: `saga-${options.commandId}`,
    commandId: options.commandId,
    attempt: options.attempt ?? 1,
    sagaType: 'test',
    replyTo: REPLY_TO,
    ...carrying(body),
  };
  await js.publish(commandSubject(participant, body.kind), encodeCommand(command), {
    msgID: options.msgID ?? `${options.commandId}:${command.attempt}`,
    headers: toNatsHeaders({ [HEADER.sagaId]: command.sagaId, [HEADER.commandId]: command.commandId, [HEADER.traceparent]: TRACEPARENT }),
  });
  return command;
}

function repliesFor(replies: ReceivedReply[], commandId: string, attempt?: number): ReceivedReply[] {
  return replies.filter((r) => r.reply.commandId === commandId && (attempt === undefined || r.reply.attempt === attempt));
}

async function waitReply(replies: ReceivedReply[], commandId: string, attempt = 1): Promise<ReceivedReply> {
  await waitFor(() => repliesFor(replies, commandId, attempt).length > 0, DEADLINE_MS, `reply to ${commandId} attempt ${attempt}`);
  return repliesFor(replies, commandId, attempt)[0]!;
}

const items = [{ sku: 'SKU-1', quantity: 3, unitPriceMinor: 1_000 }];
const address = { line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('participants over JetStream', () => {
  let server: NatsServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let dir: string;
  const dbs: Db[] = [];
  const runtimes: ParticipantRuntime[] = [];
  let collector: { replies: ReceivedReply[]; stop: () => void };
  let inventory: InventoryParticipant;
  let payment: PaymentParticipant;
  let shipping: ShippingParticipant;
  let inventoryDb: Db;
  let paymentDb: Db;
  let runtime: Record<'inventory' | 'payment' | 'shipping', ParticipantRuntime>;
  const inventoryMetrics = createParticipantMetrics('inventory', { processMetrics: false });

  function database(name: string, service: string): Db {
    const db = openDatabase(join(dir, `${name}.db`));
    migrate(db, service);
    dbs.push(db);
    return db;
  }

  async function start(
    name: string,
    db: Db,
    handlers: CommandHandlers,
    chaos: ChaosOptions = { failureRate: 0, delayMs: 0 },
    metrics?: ParticipantMetrics,
    ackWaitMs?: number,
  ): Promise<ParticipantRuntime> {
    const r = await startParticipant({ name, nc, db, handlers, workerPoolSize: 4, chaos, metrics, ackWaitMs });
    runtimes.push(r);
    return r;
  }

  beforeAll(async () => {
    server = await NatsServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-participants-'));
    nc = await connectNats({ servers: server.url, name: 'participants-test' });
    jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, sagaStreams());
    js = jetstream(nc);
    collector = await collectReplies(js, jsm);

    inventoryDb = database('inventory', 'inventory');
    paymentDb = database('payment', 'payment');
    inventory = createInventoryParticipant(inventoryDb, { defaultStock: 0 });
    payment = createPaymentParticipant(paymentDb, { defaultBalance: 100_000 });
    shipping = createShippingParticipant(database('shipping', 'shipping'), { unservedCountries: ['AQ'] });
    runtime = {
      inventory: await start('inventory', inventoryDb, inventory.handlers, undefined, inventoryMetrics),
      payment: await start('payment', paymentDb, payment.handlers),
      shipping: await start('shipping', dbs[2]!, shipping.handlers),
    };
  });

  afterAll(async () => {
    await Promise.all(runtimes.map((r) => r.stop()));
    collector?.stop();
    await nc?.close();
    for (const db of dbs) closeDatabase(db);
    await server?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reserves stock, charges, and schedules a shipment, replying OK with the trace context', async () => {
    inventory.setStock('SKU-1', 10);
    await send(js, 'inventory', { kind: 'reserveInventory', body: { orderId: 'happy', items } }, { commandId: 'happy-reserve' });
    await send(js, 'payment', { kind: 'chargePayment', body: { orderId: 'happy', customerId: 'alice', amount: eur(3_000) } }, { commandId: 'happy-charge' });
    await send(js, 'shipping', { kind: 'scheduleShipment', body: { orderId: 'happy', address, items } }, { commandId: 'happy-ship' });

    const reserved = await waitReply(collector.replies, 'happy-reserve');
    expect(reserved.reply).toMatchObject({ sagaId: 'saga-happy-reserve', attempt: 1, outcome: 'OK', reasonCode: '', participant: 'inventory' });
    expect(reserved.headers).toMatchObject({
      [HEADER.sagaId]: 'saga-happy-reserve',
      [HEADER.commandId]: 'happy-reserve',
      [HEADER.contentType]: 'application/x-protobuf; messageType=saga.v1.Reply',
      [HEADER.traceparent]: TRACEPARENT,
      [HEADER.msgId]: 'reply:happy-reserve:1',
    });
    expect(inventory.getStock('SKU-1')).toEqual({ sku: 'SKU-1', available: 7, reserved: 3 });

    expect((await waitReply(collector.replies, 'happy-charge')).reply).toMatchObject({ outcome: 'OK', participant: 'payment' });
    expect(payment.getAccount('alice').balance).toBe(97_000);
    expect(payment.getPayment('happy')).toMatchObject({ status: 'charged', amount: 3_000, currency: 'EUR' });

    expect((await waitReply(collector.replies, 'happy-ship')).reply).toMatchObject({ outcome: 'OK', participant: 'shipping' });
    expect(shipping.getShipment('happy')).toEqual({ orderId: 'happy', status: 'scheduled', address });

    expect(processedCommands(paymentDb).find('happy-charge')).toMatchObject({
      sagaId: 'saga-happy-charge',
      kind: 'chargePayment',
      outcome: 'OK',
    });
  });

  it('answers a command delivered twice from the stored reply, charging once', async () => {
    const before = { ...runtime.payment.stats };
    const body: CommandBody = { kind: 'chargePayment', body: { orderId: 'dup', customerId: 'bob', amount: eur(2_000) } };
    await send(js, 'payment', body, { commandId: 'dup-charge', msgID: 'outbox-1' });
    const first = await waitReply(collector.replies, 'dup-charge');
    // The same envelope again, past JetStream's duplicate detection (a new msgID).
    await send(js, 'payment', body, { commandId: 'dup-charge', msgID: 'outbox-2' });
    await waitFor(() => runtime.payment.stats.replied === before.replied + 2, DEADLINE_MS, 'the second delivery answered');
    expect(runtime.payment.stats.duplicates).toBe(before.duplicates + 1);
    // A retry by the saga (a new attempt) gets the same answer too.
    await send(js, 'payment', body, { commandId: 'dup-charge', attempt: 2 });
    const retry = await waitReply(collector.replies, 'dup-charge', 2);
    expect(runtime.payment.stats.duplicates).toBe(before.duplicates + 2);

    expect(payment.getAccount('bob').balance).toBe(98_000);
    const answer = (r: Reply) => ({ outcome: r.outcome, reasonCode: r.reasonCode, detail: r.detail, sagaId: r.sagaId });
    expect(answer(retry.reply)).toEqual(answer(first.reply));
    // The second delivery's reply for attempt 1 carried the same msgID, so the stream dropped it:
    // the saga sees one reply per attempt.
    expect(repliesFor(collector.replies, 'dup-charge', 1)).toHaveLength(1);
  });

  it('refuses a reserve that arrives after its release, leaving stock unchanged', async () => {
    inventory.setStock('SKU-2', 5);
    const lines = [{ sku: 'SKU-2', quantity: 2, unitPriceMinor: 500 }];
    await send(js, 'inventory', { kind: 'releaseInventory', body: { orderId: 'early', items: lines } }, { commandId: 'early-release' });
    expect((await waitReply(collector.replies, 'early-release')).reply.outcome).toBe('OK');
    await send(js, 'inventory', { kind: 'reserveInventory', body: { orderId: 'early', items: lines } }, { commandId: 'early-reserve' });
    expect((await waitReply(collector.replies, 'early-reserve')).reply).toMatchObject({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED' });
    expect(inventory.getStock('SKU-2')).toEqual({ sku: 'SKU-2', available: 5, reserved: 0 });
  });

  it('refuses a charge that arrives after its refund, leaving the balance untouched', async () => {
    const money = eur(4_000);
    await send(js, 'payment', { kind: 'refundPayment', body: { orderId: 'late', customerId: 'carol', amount: money } }, { commandId: 'late-refund' });
    expect((await waitReply(collector.replies, 'late-refund')).reply.outcome).toBe('OK');
    await send(js, 'payment', { kind: 'chargePayment', body: { orderId: 'late', customerId: 'carol', amount: money } }, { commandId: 'late-charge' });
    expect((await waitReply(collector.replies, 'late-charge')).reply).toMatchObject({ outcome: 'REJECTED', reasonCode: 'ALREADY_COMPENSATED' });
    expect(payment.getAccount('carol').balance).toBe(100_000);
    expect(payment.getPayment('late')).toMatchObject({ status: 'refunded', amount: 0 });
  });

  it('answers FAILED/TRANSIENT under chaos without doing or recording anything', async () => {
    const db = database('chaos', 'payment');
    const chaotic = createPaymentParticipant(db, { defaultBalance: 100_000 });
    const r = await start('chaospay', db, chaotic.handlers, { failureRate: 1, delayMs: 0 });
    await send(js, 'chaospay', { kind: 'chargePayment', body: { orderId: 'chaos', customerId: 'dave', amount: eur(1_000) } }, { commandId: 'chaos-charge' });
    expect((await waitReply(collector.replies, 'chaos-charge')).reply).toMatchObject({
      outcome: 'FAILED',
      reasonCode: 'TRANSIENT',
      participant: 'chaospay',
    });
    expect(r.stats.chaosFailures).toBe(1);
    expect(chaotic.getPayment('chaos')).toBeNull();
    expect(chaotic.getAccount('dave').balance).toBe(100_000);
    expect(processedCommands(db).find('chaos-charge')).toBeUndefined();
  });

  it('under CHAOS_UNANSWERED_RATE=1 takes a command and neither does, answers nor acks it, and goes on consuming', async () => {
    const db = database('silent', 'payment');
    const silent = createPaymentParticipant(db, { defaultBalance: 100_000 });
    // Only charges are left unanswered: CHAOS_ACTIONS spares the refund.
    // A long ack wait: the unanswered charges must still be pending, not redelivered, when counted.
    const r = await start('silentpay', db, silent.handlers, { failureRate: 0, delayMs: 0, unansweredRate: 1, actions: ['chargePayment'] }, undefined, 30_000);
    const charge = (orderId: string): CommandBody => ({ kind: 'chargePayment', body: { orderId, customerId: 'gina', amount: eur(1_000) } });
    await send(js, 'silentpay', charge('silent-1'), { commandId: 'silent-charge-1' });
    await send(js, 'silentpay', charge('silent-2'), { commandId: 'silent-charge-2' });
    await waitFor(() => r.stats.chaosUnanswered === 2, DEADLINE_MS, 'both charges taken');
    await send(js, 'silentpay', { kind: 'refundPayment', body: { orderId: 'silent-3', customerId: 'gina', amount: eur(1_000) } }, { commandId: 'silent-refund' });
    expect((await waitReply(collector.replies, 'silent-refund')).reply.outcome).toBe('OK');

    // Delivered, still pending (until the 30 s ack wait), nothing left waiting in the stream.
    const consumer = await jsm.consumers.info(STREAM.commands, 'silentpay');
    expect(consumer.delivered.consumer_seq).toBe(3);
    expect(consumer.num_ack_pending).toBe(2);
    expect(consumer.num_pending).toBe(0);
    expect(consumer.num_redelivered).toBe(0);
    expect(repliesFor(collector.replies, 'silent-charge-1')).toHaveLength(0);
    expect(repliesFor(collector.replies, 'silent-charge-2')).toHaveLength(0);
    expect(r.stats).toMatchObject({ received: 3, replied: 1, chaosUnanswered: 2, chaosFailures: 0, errors: 0 });
    expect(silent.getPayment('silent-1')).toBeNull();
    expect(silent.getAccount('gina').balance).toBe(100_000);
    expect(processedCommands(db).find('silent-charge-1')).toBeUndefined();
    // The handlers returned: stop() has nothing in flight to wait for.
    await r.stop();
    expect(repliesFor(collector.replies, 'silent-charge-1')).toHaveLength(0);
  });

  it('announces its presence while consuming and stops announcing on stop()', async () => {
    const presence = trackPresence(nc, { windowMs: 400 });
    try {
      const db = database('present', 'shipping');
      const r = await startParticipant({
        name: 'presentship',
        nc,
        db,
        handlers: createShippingParticipant(db, { unservedCountries: [] }).handlers,
        workerPoolSize: 1,
        presenceIntervalMs: 100,
      });
      runtimes.push(r);
      await waitFor(() => presence.available('presentship') === true, DEADLINE_MS, 'presentship present');
      await r.stop();
      await waitFor(() => presence.available('presentship') === false, DEADLINE_MS, 'presentship absent');
      // The other participants of this file announce every second (the default interval).
      await waitFor(() => presence.available('payment') === true, DEADLINE_MS, 'payment present');
    } finally {
      presence.stop();
    }
  });

  it('answers FAILED with the code of a transient database error, stores nothing, and does the work on retry', async () => {
    const db = database('flaky', 'payment');
    const real = createPaymentParticipant(db, { defaultBalance: 100_000 });
    let busy = true;
    const realCharge = real.handlers.find((h) => h.type.name === ChargePayment.name)!;
    const r = await start('flakypay', db, [
      handles(ChargePayment, (body, tx) => {
        const result = realCharge.handle(body as never, tx);
        if (busy) {
          busy = false;
          // Thrown after the charge ran: the rollback must undo it.
          throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        }
        return result;
      }),
    ]);
    const body: CommandBody = { kind: 'chargePayment', body: { orderId: 'flaky', customerId: 'erin', amount: eur(1_500) } };
    await send(js, 'flakypay', body, { commandId: 'flaky-charge' });
    expect((await waitReply(collector.replies, 'flaky-charge')).reply).toMatchObject({ outcome: 'FAILED', reasonCode: 'STORAGE_BUSY' });
    expect(r.stats.transientFailures).toBe(1);
    expect(real.getAccount('erin').balance).toBe(100_000);
    expect(processedCommands(db).find('flaky-charge')).toBeUndefined();

    await send(js, 'flakypay', body, { commandId: 'flaky-charge', attempt: 2 });
    expect((await waitReply(collector.replies, 'flaky-charge', 2)).reply.outcome).toBe('OK');
    expect(real.getAccount('erin').balance).toBe(98_500);
  });

  it('dead-letters undecodable, unsupported and incomplete commands once, with reason and headers, counts them, and keeps serving', async () => {
    const before = runtime.inventory.stats.deadLettered;
    const envelope = (c: Partial<Command>): Uint8Array =>
      encodeCommand({ sagaId: 'saga-dlq', commandId: 'dlq', attempt: 1, sagaType: 'test', replyTo: REPLY_TO, ...carrying({ kind: 'reserveInventory', body: { orderId: 'dlq', items } }), ...c });
    const cases = [
      { id: 'garbage', data: new TextEncoder().encode('not a protobuf'), reason: 'UNDECODABLE_MESSAGE: saga.v1.CommandEnvelope' },
      { id: 'wrong-kind', data: envelope(carrying({ kind: 'chargePayment', body: { orderId: 'wrong', customerId: 'x', amount: eur(1) } })), reason: 'UNSUPPORTED_COMMAND: inventory does not handle order.v1.ChargePayment' },
      { id: 'no-command-type', data: envelope({ commandType: '' }), reason: 'MALFORMED_MESSAGE: saga.v1.CommandEnvelope: commandType' },
      { id: 'malformed-body', data: envelope({ payload: ReserveInventory.encode({ orderId: 'dlq', items: [] }) }), reason: 'MALFORMED_MESSAGE: order.v1.ReserveInventory: items' },
      { id: 'no-saga-id', data: envelope({ sagaId: '' }), reason: 'MALFORMED_MESSAGE: saga.v1.CommandEnvelope: sagaId is missing' },
      { id: 'no-command-id', data: envelope({ commandId: '' }), reason: 'MALFORMED_MESSAGE: saga.v1.CommandEnvelope: commandId is missing' },
      { id: 'bad-reply-to', data: envelope({ replyTo: 'order.created' }), reason: 'INVALID_REPLY_TO: "order.created"' },
    ];
    const subject = commandSubject('inventory', 'reserve');
    for (const c of cases) {
      await js.publish(subject, c.data, {
        msgID: `dlq-${c.id}`,
        headers: toNatsHeaders({ [HEADER.sagaId]: 'saga-dlq', [HEADER.commandId]: c.id, [HEADER.traceparent]: TRACEPARENT }),
      });
    }
    inventory.setStock('SKU-3', 1);
    await send(js, 'inventory', { kind: 'reserveInventory', body: { orderId: 'after', items: [{ sku: 'SKU-3', quantity: 1, unitPriceMinor: 1 }] } }, {
      commandId: 'after-dlq',
    });
    expect((await waitReply(collector.replies, 'after-dlq')).reply.outcome).toBe('OK');
    await waitFor(() => runtime.inventory.stats.deadLettered === before + cases.length, DEADLINE_MS, 'every case dead-lettered');

    // Read back the way GET /dead-letters does: newest first, with reason, original subject, headers and bytes.
    const { items: letters, nextCursor } = await createDeadLettersReader(jsm).list(100);
    expect(nextCursor).toBeNull();
    expect(letters).toHaveLength(cases.length);
    expect(letters.map((l) => l.seq)).toEqual([...letters.map((l) => l.seq)].sort((a, b) => b - a));
    for (const c of cases) {
      const letter = letters.find((l) => l.headers[HEADER.commandId] === c.id);
      expect(letter, c.id).toMatchObject({ source: 'inventory', subject, size: c.data.length, headers: { [HEADER.sagaId]: 'saga-dlq', [HEADER.traceparent]: TRACEPARENT } });
      expect(letter!.reason.startsWith(c.reason), `${c.id}: ${letter!.reason}`).toBe(true);
      expect(Buffer.from(letter!.payloadBase64, 'base64').equals(Buffer.from(c.data))).toBe(true);
    }
    expect(collector.replies.filter((r) => r.headers[HEADER.sagaId] === 'saga-dlq')).toHaveLength(0);
    expect(await inventoryMetrics.render()).toContain(`saga_participant_dead_letters_total{participant="inventory"} ${cases.length}`);

    // Terminated, not waiting for redelivery: nothing pending, nothing redelivered, nothing left in the work queue.
    await waitFor(async () => (await jsm.consumers.info(STREAM.commands, 'inventory')).num_ack_pending === 0, DEADLINE_MS, 'dead letters terminated');
    const consumer = await jsm.consumers.info(STREAM.commands, 'inventory');
    expect(consumer.num_redelivered).toBe(0);
    expect(consumer.num_pending).toBe(0);
    expect(runtime.inventory.stats.deadLettered).toBe(before + cases.length);

    // A deleted sequence is skipped; pages still walk every remaining letter, newest first.
    await jsm.streams.deleteMessage(STREAM.deadLetters, letters[1]!.seq);
    const remaining = letters.filter((_, i) => i !== 1).map((l) => l.seq);
    const walk = async (reader: ReturnType<typeof createDeadLettersReader>, limit: number) => {
      const seqs: number[] = [];
      let cursor: number | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await reader.list(limit, cursor);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seqs.push(...page.items.map((l) => l.seq));
        if (page.nextCursor === null) return seqs;
        cursor = page.nextCursor;
      }
      throw new Error('no last page');
    };
    expect(await walk(createDeadLettersReader(jsm), 2)).toEqual(remaining);
    // With no probes to spare, a page stops short at the gap and the cursor carries on past it.
    expect(await walk(createDeadLettersReader(jsm, { maxExtraProbes: 0 }), 2)).toEqual(remaining);
  });

  it('finishes a command in flight before stop() resolves', async () => {
    const db = database('slow', 'shipping');
    const slow = createShippingParticipant(db, { unservedCountries: [] });
    const r = await start('slowship', db, slow.handlers, { failureRate: 0, delayMs: 300 });
    await send(js, 'slowship', { kind: 'scheduleShipment', body: { orderId: 'slow', address, items } }, { commandId: 'slow-ship' });
    await waitFor(() => r.stats.received === 1, DEADLINE_MS, 'the command taken');
    await r.stop();
    expect(r.stats.replied).toBe(1);
    expect(slow.getShipment('slow')?.status).toBe('scheduled');
    expect((await waitReply(collector.replies, 'slow-ship')).reply.outcome).toBe('OK');
    const consumer = await jsm.consumers.info(STREAM.commands, 'slowship');
    expect(consumer.num_ack_pending).toBe(0);
  });

  it('creates its consumer again when it is deleted under it, and goes on answering', async () => {
    const db = database('phoenix', 'shipping');
    const phoenix = createShippingParticipant(db, { unservedCountries: [] });
    await start('phoenix', db, phoenix.handlers);
    await send(js, 'phoenix', { kind: 'scheduleShipment', body: { orderId: 'phoenix-1', address, items } }, { commandId: 'phoenix-1' });
    expect((await waitReply(collector.replies, 'phoenix-1')).reply.outcome).toBe('OK');
    await jsm.consumers.delete(STREAM.commands, 'phoenix');
    // The pull in flight is told the consumer was deleted; the participant creates it again.
    await waitFor(async () => (await jsm.consumers.info(STREAM.commands, 'phoenix').then(() => true, () => false)), DEADLINE_MS, 'the consumer created again');
    const info = await jsm.consumers.info(STREAM.commands, 'phoenix');
    expect(info.config.filter_subject).toBe('saga.cmd.phoenix.>');
    await send(js, 'phoenix', { kind: 'scheduleShipment', body: { orderId: 'phoenix-2', address, items } }, { commandId: 'phoenix-2' });
    expect((await waitReply(collector.replies, 'phoenix-2')).reply.outcome).toBe('OK');
    expect(phoenix.getShipment('phoenix-2')?.status).toBe('scheduled');
  });
});

describe('participant process', () => {
  let server: NatsServer;
  let dir: string;

  beforeAll(async () => {
    server = await NatsServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-participant-proc-'));
  });
  afterAll(async () => {
    await server?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves health and commands, and exits 0 on SIGTERM', async () => {
    const nc = await connectNats({ servers: server.url, name: 'proc-test' });
    try {
      const jsm = await jetstreamManager(nc);
      await ensureStreams(jsm, sagaStreams());
      const js = jetstream(nc);
      const collector = await collectReplies(js, jsm);
      const port = await freePort();
      const databasePath = join(dir, 'payment.db');
      const child = spawn(process.execPath, ['src/bin/payment.ts'], {
        env: { ...process.env, NATS_URL: server.url, DATABASE_PATH: databasePath, HTTP_PORT: String(port), PAYMENT_DEFAULT_BALANCE: '5000' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        const get = async (path: string) => {
          try {
            return await fetch(`http://127.0.0.1:${port}${path}`);
          } catch {
            return undefined;
          }
        };
        await waitFor(async () => (await get('/healthz'))?.status === 200, 20_000, `payment /healthz (output: ${output})`);
        expect(await (await get('/healthz'))!.json()).toEqual({ status: 'ok' });
        const ready = (await get('/readyz'))!;
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ok', checks: { nats: 'ok', database: 'ok' } });

        await send(js, 'payment', { kind: 'chargePayment', body: { orderId: 'proc', customerId: 'frank', amount: eur(6_000) } }, { commandId: 'proc-charge' });
        expect((await waitReply(collector.replies, 'proc-charge')).reply).toMatchObject({
          outcome: 'REJECTED',
          reasonCode: 'PAYMENT_DECLINED',
          participant: 'payment',
        });
        // The answered command was a group commit and a WAL fsync, and /metrics shows both.
        const metrics = await (await get('/metrics'))!.text();
        const count = (name: string) => Number(new RegExp(`^${name}_count (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);
        expect(count('saga_db_commit_jobs')).toBeGreaterThanOrEqual(1);
        expect(count('saga_db_fsync_seconds')).toBeGreaterThanOrEqual(1);

        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      } finally {
        child.kill('SIGKILL');
        collector.stop();
      }
      expect(output).toContain('"msg":"stopped"');
      const db = openDatabase(databasePath);
      try {
        expect(processedCommands(db).find('proc-charge')).toMatchObject({ outcome: 'REJECTED', reasonCode: 'PAYMENT_DECLINED' });
      } finally {
        closeDatabase(db);
      }
    } finally {
      await nc.close();
    }
  });

  it('exits non-zero at start-up naming an invalid variable', async () => {
    const child = spawn(process.execPath, ['src/bin/payment.ts'], {
      env: { ...process.env, WORKER_POOL_SIZE: 'abc', NATS_URL: server.url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).not.toBe(0);
    expect(stderr).toContain('WORKER_POOL_SIZE');
  });
});

import { jetstream, jetstreamManager, AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_TYPE, encodeCommand, encodeReply, type Command, type Reply } from '../../src/contracts/index.ts';
import { ChargePayment, OrderCompleted, OrderCreated, ReserveInventory } from '../../sagas/order/contracts/index.ts';
import { HEADER, STREAM, commandSubject, connectNats, protobufContentType, replySubject, toNatsHeaders } from '../../src/messaging/index.ts';
import { FAST_COMPENSATION, FAST_STEP, TestSystem, orderBody } from '../support/system.ts';
import { waitFor } from '../support/nats-server.ts';
import { OpenApiChecker } from '../support/openapi-check.ts';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** The value of one series in a Prometheus text exposition (0 when absent). */
async function metricValue(text: string | Promise<string>, series: string): Promise<number> {
  const line = (await text).split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('order saga against a real nats-server', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await TestSystem.start({ unservedCountries: ['AQ'] });
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  it('completes: stock reserved, payment charged once, shipment scheduled, events published', async () => {
    sys.inventory.domain.setStock('HAPPY-1', 10);
    sys.payment.domain.setBalance('happy-customer', 10_000);
    const body = orderBody({ customerId: 'happy-customer', items: [{ sku: 'HAPPY-1', quantity: 3, unitPrice: 1_000 }] });
    const { saga } = sys.orchestrator.engine.start('order', body);
    expect(await sys.waitForStatus(saga.id, ['completed', 'cancelled'])).toBe('completed');

    const orderId = body.orderId as string;
    expect(sys.inventory.domain.getStock('HAPPY-1')).toMatchObject({ available: 7, reserved: 3 });
    expect(sys.payment.domain.getPayment(orderId)).toMatchObject({ status: 'charged', amount: 3_000, currency: 'EUR' });
    expect(sys.payment.domain.getAccount('happy-customer').balance).toBe(7_000);
    expect(sys.shipping.domain.getShipment(orderId)).toMatchObject({ status: 'scheduled' });

    const view = (await sys.orchestrator.engine.get(saga.id))!;
    expect(view.reason).toBeNull();
    expect(view.steps.filter((s) => !s.compensation).map((s) => [s.name, s.status, s.attempts])).toEqual([
      ['reserveInventory', 'succeeded', 1],
      ['chargePayment', 'succeeded', 1],
      ['scheduleShipment', 'succeeded', 1],
    ]);

    // Domain events went out on the ORDERS stream through the outbox.
    await waitFor(async () => (await sys.orchestrator.queries.countUnsent()) === 0, 5_000, 'outbox drained');
    const nc = await connectNats({ servers: sys.nats.url, name: 'events-reader' });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.consumers.add('ORDERS', { durable_name: 'test-reader', ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All });
      const consumer = await jetstream(nc).consumers.get('ORDERS', 'test-reader');
      const seen: string[] = [];
      const batch = await consumer.fetch({ max_messages: 100, expires: 1_000 });
      for await (const m of batch) {
        if (m.subject === 'order.created' && OrderCreated.decode(m.data).orderId === orderId) seen.push(m.subject);
        if (m.subject === 'order.completed' && OrderCompleted.decode(m.data).orderId === orderId) seen.push(m.subject);
      }
      expect(seen).toEqual(['order.created', 'order.completed']);
    } finally {
      await nc.close();
    }
  });

  it('payment declined: stock restored, saga cancelled with PAYMENT_DECLINED', async () => {
    sys.inventory.domain.setStock('DECLINE-1', 5);
    sys.payment.domain.setBalance('poor-customer', 100);
    const body = orderBody({ customerId: 'poor-customer', items: [{ sku: 'DECLINE-1', quantity: 2, unitPrice: 5_000 }] });
    const { saga } = sys.orchestrator.engine.start('order', body);
    expect(await sys.waitForStatus(saga.id, ['completed', 'cancelled'])).toBe('cancelled');
    const view = (await sys.orchestrator.engine.get(saga.id))!;
    expect(view.reason).toBe('PAYMENT_DECLINED');
    expect(sys.inventory.domain.getStock('DECLINE-1')).toMatchObject({ available: 5, reserved: 0 });
    expect(sys.payment.domain.getAccount('poor-customer').balance).toBe(100);
    expect(sys.payment.domain.getPayment(body.orderId as string)).toMatchObject({ status: 'declined' });
    expect(view.steps.find((s) => s.name === 'releaseInventory')?.status).toBe('succeeded');
    expect(view.steps.find((s) => s.name === 'refundPayment')?.status).toBe('skipped');
  });

  it('out of stock: cancelled with OUT_OF_STOCK and nothing charged', async () => {
    sys.inventory.domain.setStock('SCARCE-1', 1);
    const body = orderBody({ customerId: 'oos-customer', items: [{ sku: 'SCARCE-1', quantity: 2, unitPrice: 100 }] });
    const { saga } = sys.orchestrator.engine.start('order', body);
    expect(await sys.waitForStatus(saga.id, ['completed', 'cancelled'])).toBe('cancelled');
    expect((await sys.orchestrator.engine.get(saga.id))!.reason).toBe('OUT_OF_STOCK');
    expect(sys.payment.domain.getPayment(body.orderId as string)).toBeNull();
    expect(sys.inventory.domain.getStock('SCARCE-1')).toMatchObject({ available: 1, reserved: 0 });
    const sent = (await sys.orchestrator.engine.history(saga.id)).flatMap((h) => JSON.parse(h.effects) as { kind: string; subject?: string }[]);
    expect(sent.filter((e) => e.kind === 'command').map((e) => e.subject)).toEqual(['saga.cmd.inventory.reserve']);
  });

  it('shipment rejected: payment refunded, stock released, cancelled with SHIPPING_UNAVAILABLE', async () => {
    sys.inventory.domain.setStock('POLAR-1', 4);
    sys.payment.domain.setBalance('polar-customer', 9_000);
    const body = orderBody({
      customerId: 'polar-customer',
      items: [{ sku: 'POLAR-1', quantity: 1, unitPrice: 4_000 }],
      shippingAddress: { line1: 'Station 1', city: 'McMurdo', postalCode: '0000', country: 'AQ' },
    });
    const { saga } = sys.orchestrator.engine.start('order', body);
    expect(await sys.waitForStatus(saga.id, ['completed', 'cancelled'])).toBe('cancelled');
    const view = (await sys.orchestrator.engine.get(saga.id))!;
    expect(view.reason).toBe('SHIPPING_UNAVAILABLE');
    expect(sys.payment.domain.getPayment(body.orderId as string)).toMatchObject({ status: 'refunded' });
    expect(sys.payment.domain.getAccount('polar-customer').balance).toBe(9_000);
    expect(sys.inventory.domain.getStock('POLAR-1')).toMatchObject({ available: 4, reserved: 0 });
    expect(sys.shipping.domain.getShipment(body.orderId as string)).toBeNull();
    const order = view.steps.filter((s) => s.compensation && s.status === 'succeeded').map((s) => s.name);
    expect(order).toEqual(['refundPayment', 'releaseInventory']);
  });

  it('a participant down longer than the retry budget: its command waits queued, is not resent, and the saga completes once it is back', async () => {
    sys.inventory.domain.setStock('OUTAGE-1', 3);
    sys.payment.domain.setBalance('outage-customer', 5_000);
    await sys.stopParticipant('payment');
    const body = orderBody({ customerId: 'outage-customer', items: [{ sku: 'OUTAGE-1', quantity: 1, unitPrice: 1_000 }] });
    const { saga } = sys.orchestrator.engine.start('order', body);
    const charge = async () => (await sys.orchestrator.engine.get(saga.id))!.steps.find((s) => s.name === 'chargePayment')!;
    await waitFor(async () => (await charge()).status === 'queued', 5_000, 'the charge queued');
    expect(await charge()).toMatchObject({ attempts: 1, queueReason: 'NOT_DELIVERED' });
    // Far longer than three attempts with backoff (400 ms each): the outage does not use them up.
    await new Promise((r) => setTimeout(r, 4 * (FAST_STEP.timeoutMs + FAST_STEP.maxBackoffMs)));
    expect((await sys.orchestrator.engine.get(saga.id))!.status).toBe('running');
    expect(await charge()).toMatchObject({ status: 'queued', attempts: 1 });
    await sys.startParticipant('payment');
    expect(await sys.waitForStatus(saga.id, ['completed', 'cancelled'])).toBe('completed');
    expect(await charge()).toMatchObject({ status: 'succeeded', attempts: 1, queuedAt: null });
    expect(sys.payment.domain.getAccount('outage-customer').balance).toBe(4_000);
    expect(sys.payment.runtime!.stats.duplicates).toBe(0);
    const history = (await sys.orchestrator.engine.history(saga.id)).map((h) => h.event_type);
    expect(history).toContain('COMMAND_QUEUED');
  });

  it('a compensation whose participant is down waits queued, keeps its attempts and does not park; it finishes once the participant is back', async () => {
    sys.inventory.domain.setStock('UNDO-1', 5);
    sys.payment.domain.setBalance('undo-customer', 10);
    // Payment waits until inventory has reserved and gone away: then the decline's release finds no inventory.
    await sys.stopParticipant('payment');
    const { saga } = sys.orchestrator.engine.start('order', orderBody({ customerId: 'undo-customer', items: [{ sku: 'UNDO-1', quantity: 2, unitPrice: 1_000 }] }));
    await waitFor(() => sys.inventory.domain.getStock('UNDO-1').reserved === 2, 5_000, 'stock reserved');
    await sys.stopParticipant('inventory');
    await sys.startParticipant('payment');
    try {
      const release = async () => (await sys.orchestrator.engine.get(saga.id))!.steps.find((s) => s.name === 'releaseInventory')!;
      await waitFor(async () => (await release()).status === 'queued', 10_000, 'the release queued');
      // Many times the compensation's attempt (400 ms with backoff): no attempt used, not parked.
      await new Promise((r) => setTimeout(r, 4 * (FAST_COMPENSATION.timeoutMs + FAST_COMPENSATION.maxBackoffMs)));
      expect((await sys.orchestrator.engine.get(saga.id))!.status).toBe('compensating');
      expect(await release()).toMatchObject({ status: 'queued', attempts: 1, queueReason: 'NOT_DELIVERED' });
    } finally {
      await sys.startParticipant('inventory');
    }
    expect(await sys.waitForStatus(saga.id, ['cancelled', 'needs_attention'])).toBe('cancelled');
    expect((await sys.orchestrator.engine.get(saga.id))!.reason).toBe('PAYMENT_DECLINED');
    expect(sys.inventory.domain.getStock('UNDO-1')).toMatchObject({ available: 5, reserved: 0 });
  });

  it('the same reply delivered twice is applied once and recorded as ignored', async () => {
    sys.inventory.domain.setStock('DUP-1', 3);
    await sys.stopParticipant('shipping');
    try {
      sys.payment.domain.setBalance('dup-customer', 1_000);
      const { saga } = sys.orchestrator.engine.start('order', orderBody({ customerId: 'dup-customer', items: [{ sku: 'DUP-1', quantity: 1, unitPrice: 10 }] }));
      await waitFor(async () => (await sys.orchestrator.engine.get(saga.id))!.steps.find((s) => s.name === 'scheduleShipment')!.attempts >= 1, 5_000, 'shipment sent');
      const before = (await sys.orchestrator.engine.get(saga.id))!;
      // Replay the payment participant's OK for the charge: the saga has moved on, so it must be ignored.
      const nc = await connectNats({ servers: sys.nats.url, name: 'replayer' });
      const reply = { sagaId: saga.id, commandId: `${saga.id}:chargePayment`, attempt: 1, outcome: 'OK' as const, reasonCode: '', detail: 'replayed', participant: 'payment' };
      await jetstream(nc).publish(replySubject('order', 'payment'), encodeReply(reply), { msgID: 'replay-1' });
      await jetstream(nc).publish(replySubject('order', 'payment'), encodeReply(reply), { msgID: 'replay-2' });
      await nc.close();
      await waitFor(async () => (await sys.orchestrator.engine.history(saga.id)).filter((h) => h.ignored === 1).length >= 2, 5_000, 'duplicates recorded');
      const after = (await sys.orchestrator.engine.get(saga.id))!;
      expect(after.state).toEqual(before.state);
      expect(after.steps.find((s) => s.name === 'chargePayment')).toEqual(before.steps.find((s) => s.name === 'chargePayment'));
      expect(sys.payment.domain.getAccount('dup-customer').balance).toBe(990);
    } finally {
      await sys.startParticipant('shipping');
    }
  });

  it('replies and commands that cannot be processed are dead-lettered with reason and headers, terminated, counted and listed newest first; the consumers go on', async () => {
    const base = await sys.serveApi();
    const doc = new OpenApiChecker(await (await fetch(`${base}/openapi.json`)).json());
    const nc = await connectNats({ servers: sys.nats.url, name: 'poison' });
    try {
      const js = jetstream(nc);
      const jsm = await jetstreamManager(nc);
      const lastSeqBefore = (await jsm.streams.info(STREAM.deadLetters)).state.last_seq;
      const redeliveredBefore = {
        orchestrator: (await jsm.consumers.info(STREAM.replies, 'orchestrator')).num_redelivered,
        inventory: (await jsm.consumers.info(STREAM.commands, 'inventory')).num_redelivered,
      };
      const participantBefore = await metricValue(sys.inventory.metrics.render(), 'saga_participant_dead_letters_total{participant="inventory"}');

      const reply = (r: Partial<Reply>): Uint8Array =>
        encodeReply({ sagaId: 'dlq-saga', commandId: 'dlq-saga:reserveInventory', attempt: 1, outcome: 'OK', reasonCode: '', detail: '', participant: 'inventory', ...r });
      const command = (c: Partial<Command>): Uint8Array =>
        encodeCommand({
          sagaId: 'dlq-saga',
          commandId: 'dlq-saga:reserveInventory',
          attempt: 1,
          sagaType: 'order',
          replyTo: replySubject('order', 'inventory'),
          commandType: ReserveInventory.name,
          payload: ReserveInventory.encode({ orderId: 'dlq-order', items: [{ sku: 'DLQ-1', quantity: 1, unitPriceMinor: 1 }] }),
          businessKey: 'dlq-order',
          ...c,
        });
      const cases = [
        { id: 'reply-undecodable', subject: replySubject('order', 'inventory'), data: new Uint8Array([0xff, 0x01, 0x02]), source: 'orchestrator', reason: 'UNDECODABLE_MESSAGE', type: MESSAGE_TYPE.reply },
        { id: 'reply-no-saga-id', subject: replySubject('order', 'inventory'), data: reply({ sagaId: '' }), source: 'orchestrator', reason: 'MALFORMED_MESSAGE: saga.v1.Reply: sagaId is missing', type: MESSAGE_TYPE.reply },
        { id: 'reply-no-command-id', subject: replySubject('order', 'inventory'), data: reply({ commandId: '' }), source: 'orchestrator', reason: 'MALFORMED_MESSAGE: saga.v1.Reply: commandId is missing', type: MESSAGE_TYPE.reply },
        { id: 'reply-unknown-saga', subject: replySubject('order', 'inventory'), data: reply({ sagaId: 'no-such-saga' }), source: 'orchestrator', reason: 'UNKNOWN_SAGA: no saga no-such-saga', type: MESSAGE_TYPE.reply },
        {
          id: 'command-unknown-kind',
          subject: commandSubject('inventory', 'charge'),
          data: command({ commandType: ChargePayment.name, payload: ChargePayment.encode({ orderId: 'dlq-order', customerId: 'c', amount: { amountMinor: 1, currency: 'EUR' } }) }),
          source: 'inventory',
          reason: 'UNSUPPORTED_COMMAND: inventory does not handle order.v1.ChargePayment',
          type: MESSAGE_TYPE.command,
        },
      ];
      // Each case is told apart by its Command-Id header; the headers must survive into the dead letter.
      for (const c of cases) {
        await js.publish(c.subject, c.data, {
          msgID: `dlq-${c.id}`,
          headers: toNatsHeaders({ [HEADER.sagaId]: 'dlq-saga', [HEADER.commandId]: c.id, [HEADER.contentType]: protobufContentType(c.type), [HEADER.traceparent]: TRACEPARENT }),
        });
      }

      type Letter = { seq: number; source: string; subject: string; reason: string; headers: Record<string, string>; payloadBase64: string; size: number; at: string };
      const page = async (query: string): Promise<{ items: Letter[]; nextCursor: string | null }> => {
        const res = await fetch(`${base}/dead-letters${query}`);
        const body = (await res.json()) as { items: Letter[]; nextCursor: string | null };
        doc.check('GET', '/dead-letters', res.status, res.headers.get('content-type') ?? '', body);
        expect(res.status).toBe(200);
        return body;
      };
      let letters: Letter[] = [];
      await waitFor(async () => {
        letters = (await page('?limit=100')).items.filter((l) => l.seq > lastSeqBefore);
        return letters.length >= cases.length;
      }, 10_000, 'every case dead-lettered');
      expect(letters).toHaveLength(cases.length);
      // Newest first.
      expect(letters.map((l) => l.seq)).toEqual([...letters.map((l) => l.seq)].sort((a, b) => b - a));
      for (const c of cases) {
        const letter = letters.find((l) => l.headers[HEADER.commandId] === c.id);
        expect(letter, c.id).toBeDefined();
        expect(letter).toMatchObject({ source: c.source, subject: c.subject, size: c.data.length });
        expect(letter!.reason.startsWith(c.reason), `${c.id}: ${letter!.reason}`).toBe(true);
        expect(letter!.headers).toMatchObject({ [HEADER.sagaId]: 'dlq-saga', [HEADER.contentType]: protobufContentType(c.type), [HEADER.traceparent]: TRACEPARENT });
        expect(Buffer.from(letter!.payloadBase64, 'base64').equals(Buffer.from(c.data))).toBe(true);
        expect(Math.abs(Date.parse(letter!.at) - Date.now())).toBeLessThan(60_000);
      }
      // Pages of two walk the same letters in the same order.
      const walked: number[] = [];
      let cursor: string | null = null;
      do {
        const p: { items: Letter[]; nextCursor: string | null } = await page(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(p.items.length).toBeLessThanOrEqual(2);
        walked.push(...p.items.map((l) => l.seq));
        cursor = p.nextCursor;
      } while (cursor !== null && walked.length < 1_000);
      expect(walked.filter((seq) => seq > lastSeqBefore)).toEqual(letters.map((l) => l.seq));

      // Terminated: nothing pending, nothing redelivered.
      await waitFor(async () => (await jsm.consumers.info(STREAM.replies, 'orchestrator')).num_ack_pending === 0, 5_000, 'no pending replies');
      await waitFor(async () => (await jsm.consumers.info(STREAM.commands, 'inventory')).num_ack_pending === 0, 5_000, 'no pending commands');
      expect((await jsm.consumers.info(STREAM.replies, 'orchestrator')).num_redelivered).toBe(redeliveredBefore.orchestrator);
      expect((await jsm.consumers.info(STREAM.commands, 'inventory')).num_redelivered).toBe(redeliveredBefore.inventory);

      // Counted: by reason code on the orchestrator, per participant on the participant.
      const orchestratorMetrics = sys.metrics.registry.metrics();
      expect(await metricValue(orchestratorMetrics, 'saga_dead_letters_total{reason="UNDECODABLE_MESSAGE"}')).toBe(1);
      expect(await metricValue(orchestratorMetrics, 'saga_dead_letters_total{reason="MALFORMED_MESSAGE"}')).toBe(2);
      expect(await metricValue(orchestratorMetrics, 'saga_dead_letters_total{reason="UNKNOWN_SAGA"}')).toBe(1);
      expect(await metricValue(sys.inventory.metrics.render(), 'saga_participant_dead_letters_total{participant="inventory"}')).toBe(participantBefore + 1);

      // The consumers go on: a saga still completes.
      sys.inventory.domain.setStock('AFTER-POISON', 1);
      const { saga } = sys.orchestrator.engine.start('order', orderBody({ customerId: 'after-poison', items: [{ sku: 'AFTER-POISON', quantity: 1, unitPrice: 1 }] }));
      expect(await sys.waitForStatus(saga.id, ['completed', 'cancelled'])).toBe('completed');
    } finally {
      await nc.close();
    }
  });
});

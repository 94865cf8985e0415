import { jetstream, jetstreamManager, AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEvent, encodeReply } from '../../src/contracts/index.ts';
import { connectNats, replySubject, STREAM } from '../../src/messaging/index.ts';
import { TestSystem, orderBody } from '../support/system.ts';
import { waitFor } from '../support/nats-server.ts';

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

    const view = sys.orchestrator.engine.get(saga.id)!;
    expect(view.reason).toBeNull();
    expect(view.steps.filter((s) => !s.compensation).map((s) => [s.name, s.status, s.attempts])).toEqual([
      ['reserveInventory', 'succeeded', 1],
      ['chargePayment', 'succeeded', 1],
      ['scheduleShipment', 'succeeded', 1],
    ]);

    // Domain events went out on the ORDERS stream through the outbox.
    await waitFor(() => sys.orchestrator.store.countUnsent() === 0, 5_000, 'outbox drained');
    const nc = await connectNats({ servers: sys.nats.url, name: 'events-reader' });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.consumers.add(STREAM.orders, { durable_name: 'test-reader', ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All });
      const consumer = await jetstream(nc).consumers.get(STREAM.orders, 'test-reader');
      const seen: string[] = [];
      const batch = await consumer.fetch({ max_messages: 100, expires: 1_000 });
      for await (const m of batch) {
        if (m.subject === 'order.created' && decodeEvent('OrderCreated', m.data).body.orderId === orderId) seen.push(m.subject);
        if (m.subject === 'order.completed' && decodeEvent('OrderCompleted', m.data).body.orderId === orderId) seen.push(m.subject);
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
    const view = sys.orchestrator.engine.get(saga.id)!;
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
    expect(sys.orchestrator.engine.get(saga.id)!.reason).toBe('OUT_OF_STOCK');
    expect(sys.payment.domain.getPayment(body.orderId as string)).toBeNull();
    expect(sys.inventory.domain.getStock('SCARCE-1')).toMatchObject({ available: 1, reserved: 0 });
    const sent = sys.orchestrator.engine.history(saga.id).flatMap((h) => JSON.parse(h.effects) as { kind: string; subject?: string }[]);
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
    const view = sys.orchestrator.engine.get(saga.id)!;
    expect(view.reason).toBe('SHIPPING_UNAVAILABLE');
    expect(sys.payment.domain.getPayment(body.orderId as string)).toMatchObject({ status: 'refunded' });
    expect(sys.payment.domain.getAccount('polar-customer').balance).toBe(9_000);
    expect(sys.inventory.domain.getStock('POLAR-1')).toMatchObject({ available: 4, reserved: 0 });
    expect(sys.shipping.domain.getShipment(body.orderId as string)).toBeNull();
    const order = view.steps.filter((s) => s.compensation && s.status === 'succeeded').map((s) => s.name);
    expect(order).toEqual(['refundPayment', 'releaseInventory']);
  });

  it('a participant down longer than the retry budget: the saga compensates the in-doubt charge', async () => {
    sys.inventory.domain.setStock('OUTAGE-1', 3);
    sys.payment.domain.setBalance('outage-customer', 5_000);
    await sys.stopParticipant('payment');
    const body = orderBody({ customerId: 'outage-customer', items: [{ sku: 'OUTAGE-1', quantity: 1, unitPrice: 1_000 }] });
    const { saga } = sys.orchestrator.engine.start('order', body);
    // Three attempts time out; the refund is owed because a charge may have happened.
    expect(await sys.waitForStatus(saga.id, ['compensating'])).toBe('compensating');
    await waitFor(() => sys.orchestrator.engine.get(saga.id)!.steps.find((s) => s.name === 'refundPayment')!.attempts >= 1, 5_000, 'refund sent');
    expect(sys.orchestrator.engine.get(saga.id)!.steps.find((s) => s.name === 'chargePayment')).toMatchObject({ status: 'failed', attempts: 3 });
    await sys.startParticipant('payment');
    expect(await sys.waitForStatus(saga.id, ['completed', 'cancelled'])).toBe('cancelled');
    expect(sys.orchestrator.engine.get(saga.id)!.reason).toBe('STEP_FAILED');
    // Whichever of charge and refund the participant saw first, the customer is not out of pocket.
    await waitFor(() => sys.payment.runtime!.stats.received >= 4, 5_000, 'queued commands drained');
    expect(sys.payment.domain.getAccount('outage-customer').balance).toBe(5_000);
    expect(sys.inventory.domain.getStock('OUTAGE-1')).toMatchObject({ available: 3, reserved: 0 });
  });

  it('the same reply delivered twice is applied once and recorded as ignored', async () => {
    sys.inventory.domain.setStock('DUP-1', 3);
    await sys.stopParticipant('shipping');
    try {
      sys.payment.domain.setBalance('dup-customer', 1_000);
      const { saga } = sys.orchestrator.engine.start('order', orderBody({ customerId: 'dup-customer', items: [{ sku: 'DUP-1', quantity: 1, unitPrice: 10 }] }));
      await waitFor(() => sys.orchestrator.engine.get(saga.id)!.steps.find((s) => s.name === 'scheduleShipment')!.attempts >= 1, 5_000, 'shipment sent');
      const before = sys.orchestrator.engine.get(saga.id)!;
      // Replay the payment participant's OK for the charge: the saga has moved on, so it must be ignored.
      const nc = await connectNats({ servers: sys.nats.url, name: 'replayer' });
      const reply = { sagaId: saga.id, commandId: `${saga.id}:chargePayment`, attempt: 1, outcome: 'OK' as const, reasonCode: '', detail: 'replayed', participant: 'payment' };
      await jetstream(nc).publish(replySubject('order'), encodeReply(reply), { msgID: 'replay-1' });
      await jetstream(nc).publish(replySubject('order'), encodeReply(reply), { msgID: 'replay-2' });
      await nc.close();
      await waitFor(() => sys.orchestrator.engine.history(saga.id).filter((h) => h.ignored === 1).length >= 2, 5_000, 'duplicates recorded');
      const after = sys.orchestrator.engine.get(saga.id)!;
      expect(after.state).toEqual(before.state);
      expect(after.steps.find((s) => s.name === 'chargePayment')).toEqual(before.steps.find((s) => s.name === 'chargePayment'));
      expect(sys.payment.domain.getAccount('dup-customer').balance).toBe(990);
    } finally {
      await sys.startParticipant('shipping');
    }
  });

  it('an undecodable reply and a reply for an unknown saga go to the dead-letter stream; the consumer goes on', async () => {
    const nc = await connectNats({ servers: sys.nats.url, name: 'poison' });
    try {
      const js = jetstream(nc);
      await js.publish(replySubject('order'), new Uint8Array([0xff, 0x01, 0x02]), { msgID: 'poison-1' });
      const stray = { sagaId: 'no-such-saga', commandId: 'no-such-saga:reserveInventory', attempt: 1, outcome: 'OK' as const, reasonCode: '', detail: '', participant: 'inventory' };
      await js.publish(replySubject('order'), encodeReply(stray), { msgID: 'poison-2' });
      const jsm = await jetstreamManager(nc);
      await waitFor(async () => (await jsm.streams.info(STREAM.deadLetters)).state.messages >= 2, 5_000, 'dead letters');
      const reasons: string[] = [];
      for (let seq = 1; seq <= (await jsm.streams.info(STREAM.deadLetters)).state.last_seq; seq++) {
        const m = await jsm.streams.getMessage(STREAM.deadLetters, { seq }).catch(() => null);
        if (m?.subject === 'saga.dlq.orchestrator') reasons.push(m.header.get('Dead-Letter-Reason'));
      }
      expect(reasons.some((r) => r.startsWith('UNDECODABLE_MESSAGE'))).toBe(true);
      expect(reasons.some((r) => r.startsWith('UNKNOWN_SAGA'))).toBe(true);
      // Nothing left pending on the orchestrator's consumer, and sagas still complete.
      await waitFor(async () => (await jsm.consumers.info(STREAM.replies, 'orchestrator')).num_ack_pending === 0, 5_000, 'no pending replies');
      sys.inventory.domain.setStock('AFTER-POISON', 1);
      const { saga } = sys.orchestrator.engine.start('order', orderBody({ customerId: 'after-poison', items: [{ sku: 'AFTER-POISON', quantity: 1, unitPrice: 1 }] }));
      expect(await sys.waitForStatus(saga.id, ['completed', 'cancelled'])).toBe('completed');
    } finally {
      await nc.close();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NatsServer, waitFor } from '../support/nats-server.ts';
import { OtlpReceiver, SPAN_KIND, type ReceivedSpan } from '../support/otlp-receiver.ts';
import { startProcesses, type ProcessSystem } from '../support/processes.ts';
import { orderBody } from '../support/system.ts';

describe('one trace per saga across the four processes', () => {
  let nats: NatsServer;
  let receiver: OtlpReceiver;
  let dir: string;
  let system: ProcessSystem;

  beforeAll(async () => {
    nats = await NatsServer.start();
    receiver = new OtlpReceiver();
    await receiver.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-trace-'));
    const otel = (service: string) => ({ OTEL_SERVICE_NAME: service });
    system = await startProcesses(nats.url, dir, {
      all: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '50' },
      orchestrator: { ...otel('orchestrator'), STEP_TIMEOUT_MS: '700', STEP_MAX_ATTEMPTS: '20', STEP_INITIAL_BACKOFF_MS: '50', STEP_MAX_BACKOFF_MS: '100' },
      inventory: { ...otel('inventory'), INVENTORY_DEFAULT_STOCK: '10' },
      // Takes charges and never answers them, until restarted without it: the charge times out and is retried.
      payment: { ...otel('payment'), LOG_LEVEL: 'debug', CHAOS_UNANSWERED_RATE: '1', CHAOS_ACTIONS: 'chargePayment' },
      shipping: { ...otel('shipping'), SHIPPING_UNSERVED_COUNTRIES: 'AQ' },
    });
  });

  afterAll(async () => {
    await system?.killAll();
    await receiver?.stop();
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('joins HTTP, saga, producer, consumer, reply, timer and compensation spans, across an orchestrator SIGKILL', async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const api = () => `http://127.0.0.1:${system.orchestrator.env.HTTP_PORT}`;
    const sagaStep = async (id: string, step: string) =>
      ((await (await fetch(`${api()}/sagas/${id}`)).json()) as { steps: { name: string; attempts: number }[] }).steps.find((s) => s.name === step)!;

    // Payment takes the charge and does not answer: the attempt times out and is retried by durable timers.
    const res = await fetch(`${api()}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${clientSpanId}-01` },
      body: JSON.stringify(orderBody({ shippingAddress: { line1: 'Base', city: 'McMurdo', postalCode: '0', country: 'AQ' } })),
    });
    expect(res.status).toBe(202);
    const { sagaId } = (await res.json()) as { sagaId: string };
    const ofSaga = () => receiver.spans.filter((s) => s.traceId === traceId);

    await waitFor(async () => (await sagaStep(sagaId, 'chargePayment')).attempts >= 1, 10_000, 'charge sent');
    await waitFor(() => ofSaga().some((s) => s.name === 'send saga.cmd.payment.charge') && ofSaga().some((s) => s.name.startsWith('process saga.reply.order')), 10_000, 'spans exported before the kill');
    expect(await system.orchestrator.stop('SIGKILL')).not.toBe(0);
    await system.orchestrator.start();
    // A retry fired by a timer after the restart.
    await waitFor(async () => (await sagaStep(sagaId, 'chargePayment')).attempts >= 3, 15_000, 'charge retried after restart');
    await system.payment.stop('SIGTERM');
    system.payment.env.CHAOS_UNANSWERED_RATE = '0';
    await system.payment.start();

    await waitFor(async () => ((await (await fetch(`${api()}/sagas/${sagaId}`)).json()) as { status: string }).status === 'cancelled', 20_000, 'saga cancelled');
    // Each service exports in its own batches, and a participant ends its consumer span only after
    // the orchestrator may have handled (and exported) the reply: wait until every span's parent is
    // in, not only the last spans of the saga. The HTTP server span's parent is the client's.
    const whole = (spans: ReceivedSpan[]) => {
      const ids = new Set(spans.map((s) => s.spanId));
      return spans.every((s) => s.parentSpanId === clientSpanId || ids.has(s.parentSpanId));
    };
    await waitFor(
      () =>
        ofSaga().some((s) => s.service === 'inventory' && s.name === 'process saga.cmd.inventory.release') &&
        ofSaga().filter((s) => s.name.startsWith('process saga.reply.order')).length >= 5 &&
        new Set(ofSaga().map((s) => s.service)).size === 4 &&
        whole(ofSaga()),
      10_000,
      'compensation spans exported, each with its parent',
    );

    const spans = ofSaga();
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const parentOf = (s: ReceivedSpan) => byId.get(s.parentSpanId);
    const named = (name: string) => spans.filter((s) => s.name === name);
    const replySpans = spans.filter((s) => s.name.startsWith('process saga.reply.order'));

    // One trace for the saga across all four services, continuing the client's context.
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['orchestrator', 'inventory', 'payment', 'shipping']));
    expect(receiver.spans.filter((s) => s.attributes['saga.id'] === sagaId).every((s) => s.traceId === traceId)).toBe(true);

    const server = named('POST /orders');
    expect(server).toHaveLength(1);
    expect(server[0]).toMatchObject({ kind: SPAN_KIND.server, parentSpanId: clientSpanId, service: 'orchestrator' });
    const start = named('saga.start order');
    expect(start).toHaveLength(1);
    expect(parentOf(start[0]!)).toBe(server[0]);
    expect(start[0]!.attributes).toMatchObject({ 'saga.id': sagaId, 'saga.type': 'order' });
    expect(typeof start[0]!.attributes['saga.business_key']).toBe('string');
    // The participants see the business key too: the envelope carries it.
    expect(named('process saga.cmd.payment.charge').every((s) => s.attributes['saga.business_key'] === start[0]!.attributes['saga.business_key'])).toBe(true);

    // Whole: every span's parent was exported too (only the client's span is outside).
    for (const s of spans) if (s !== server[0]) expect(byId.has(s.parentSpanId), `${s.service} ${s.name} has its parent`).toBe(true);

    // Each command: producer span in the orchestrator, consumer span in the participant as its child.
    const consumers = spans.filter((s) => s.kind === SPAN_KIND.consumer && s.service !== 'orchestrator');
    expect(consumers.length).toBeGreaterThanOrEqual(5);
    for (const c of consumers) {
      const producer = parentOf(c)!;
      expect(producer).toMatchObject({ kind: SPAN_KIND.producer, service: 'orchestrator' });
      expect(producer.attributes['messaging.system']).toBe('nats');
      expect(producer.attributes['messaging.destination.name']).toBe(c.attributes['messaging.destination.name']);
      expect(c.attributes).toMatchObject({ 'saga.id': sagaId, 'messaging.system': 'nats' });
    }
    // Each reply handled in the orchestrator is a child of the participant span that answered.
    for (const r of replySpans) {
      expect(parentOf(r)).toMatchObject({ kind: SPAN_KIND.consumer });
      expect(r.attributes['saga.reply.outcome']).toBeDefined();
    }
    const shipReply = replySpans.find((r) => r.attributes['saga.step'] === 'scheduleShipment')!;
    expect(shipReply.attributes).toMatchObject({ 'saga.reply.outcome': 'REJECTED', 'saga.reply.reason_code': 'SHIPPING_UNAVAILABLE' });

    // Compensations are marked, in the orchestrator and in the participants.
    for (const subject of ['saga.cmd.payment.refund', 'saga.cmd.inventory.release']) {
      expect(named(`send ${subject}`).every((s) => s.attributes['saga.compensation'] === true)).toBe(true);
      expect(named(`process ${subject}`).length).toBeGreaterThan(0);
      expect(named(`process ${subject}`).every((s) => s.attributes['saga.compensation'] === true)).toBe(true);
    }
    expect(named('send saga.cmd.payment.charge').every((s) => s.attributes['saga.compensation'] === false)).toBe(true);

    // Timer-fired retries after the restart hang off the saga's stored context.
    const timers = named('saga.timer');
    expect(timers.length).toBeGreaterThan(0);
    for (const t of timers) expect(parentOf(t)).toBe(start[0]);
    const retries = named('send saga.cmd.payment.charge').filter((s) => Number(s.attributes['saga.attempt']) >= 2);
    expect(retries.length).toBeGreaterThan(0);
    for (const r of retries) expect(parentOf(r)?.name).toBe('saga.timer');

    // Logs: JSON lines that lead to the trace; no payment amounts in them. A line is written before
    // its span ends and is exported (a repeat answered after the restart may come last): wait for them.
    const answeredLines = () =>
      system.payment.logs.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'command answered' && l.saga_id === sagaId);
    const exported = () => new Set(ofSaga().map((s) => s.spanId));
    await waitFor(() => answeredLines().every((l) => exported().has(String(l.span_id))), 10_000, "the spans of payment's answered commands exported");
    const answered = answeredLines();
    expect(answered.length).toBeGreaterThanOrEqual(2);
    for (const l of answered) {
      expect(l.trace_id).toBe(traceId);
      expect(exported().has(String(l.span_id))).toBe(true);
    }
    expect(system.payment.logs).not.toMatch(/amountMinor|amount_minor|balance/);
  }, 90_000);
});

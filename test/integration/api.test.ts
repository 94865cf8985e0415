import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSystem, orderBody, tripBody } from '../support/system.ts';
import { OpenApiChecker } from '../support/openapi-check.ts';
import { waitFor } from '../support/nats-server.ts';

const TOKEN = 'operator-secret';

describe('orchestrator HTTP API', () => {
  let sys: TestSystem;
  let base: string;
  let openapi: OpenApiChecker;

  /** Calls the API and checks the answer against the OpenAPI document it serves. */
  async function call(method: string, path: string, template: string, init: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers };
    const res = await fetch(`${base}${path}`, { method, headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('json') ? ((await res.json()) as Record<string, unknown>) : await res.text();
    openapi.check(method, template, res.status, type, body);
    expect(res.status < 500, `${method} ${path} answered ${res.status}`).toBe(true);
    return { status: res.status, body: body as Record<string, any>, headers: res.headers };
  }
  const post = (path: string, template: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, template, { body, headers });
  const get = (path: string, template: string) => call('GET', path, template);

  async function waitStatus(id: string, statuses: string[]) {
    let last = '';
    await waitFor(async () => {
      last = (await get(`/sagas/${id}`, '/sagas/{id}')).body.status as string;
      return statuses.includes(last);
    }, 15_000, `saga ${id} in ${statuses.join('|')} (last ${last})`);
    return last;
  }

  beforeAll(async () => {
    sys = await TestSystem.start({
      step: { maxAttempts: 3, timeoutMs: 3_000, queueTimeoutMs: 60_000, initialBackoffMs: 50, multiplier: 2, maxBackoffMs: 200, jitter: 0.2 },
      // Compensations park after 1 s queued: the parking test below takes inventory away.
      compensation: { maxAttempts: 2, timeoutMs: 200, queueTimeoutMs: 1_000, initialBackoffMs: 20, multiplier: 2, maxBackoffMs: 50, jitter: 0 },
      defaultStock: 1_000,
    });
    base = await sys.serveApi({ adminToken: TOKEN });
    const doc = await (await fetch(`${base}/openapi.json`)).json();
    openapi = new OpenApiChecker(doc);
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  it('POST /orders starts a saga that completes; GET shows steps and history', async () => {
    const started = await post('/orders', '/orders', orderBody({ orderId: undefined }));
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/sagas/${started.body.sagaId}`);
    // The legacy route answers exactly as before POST /sagas/{type} existed.
    expect(Object.keys(started.body).sort()).toEqual(['orderId', 'sagaId', 'status']);
    expect(started.body.orderId).toBe(started.body.sagaId);
    expect(await waitStatus(started.body.sagaId, ['completed'])).toBe('completed');
    const saga = (await get(`/sagas/${started.body.sagaId}`, '/sagas/{id}')).body;
    expect(saga.steps.map((s: { name: string; status: string }) => `${s.name}:${s.status}`)).toEqual([
      'reserveInventory:succeeded',
      'chargePayment:succeeded',
      'scheduleShipment:succeeded',
    ]);
    expect(saga.compensations).toEqual([]);
    const history = (await get(`/sagas/${started.body.sagaId}/history`, '/sagas/{id}/history')).body;
    expect(history.events.map((e: { type: string }) => e.type)).toEqual(['START', 'REPLY', 'REPLY', 'REPLY']);
    expect(history.events[0].sent.map((s: { subject?: string }) => s.subject).filter(Boolean)).toEqual(['order.created', 'saga.cmd.inventory.reserve']);
  });

  it('an Idempotency-Key makes retries safe and refuses a different body', async () => {
    const body = orderBody();
    const first = await post('/orders', '/orders', body, { 'Idempotency-Key': 'idem-1' });
    const again = await post('/orders', '/orders', body, { 'Idempotency-Key': 'idem-1' });
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(again.body.sagaId).toBe(first.body.sagaId);
    const other = await post('/orders', '/orders', { ...body, customerId: 'mallory' }, { 'Idempotency-Key': 'idem-1' });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const dup = await post('/orders', '/orders', body);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_BUSINESS_KEY');
  });

  it.each([
    ['a wrong type', { customerId: 42 }, 'customerId'],
    ['a missing field', { currency: undefined }, 'currency'],
    ['an unknown field', { discount: 5 }, 'discount'],
    ['a zero quantity', { items: [{ sku: 'A', quantity: 0, unitPrice: 1 }] }, 'items.0.quantity'],
    ['a fractional quantity', { items: [{ sku: 'A', quantity: 1.5, unitPrice: 1 }] }, 'items.0.quantity'],
    ['empty items', { items: [] }, 'items'],
    ['an over-long string', { customerId: 'x'.repeat(101) }, 'customerId'],
    ['a blank string', { customerId: '   ' }, 'customerId'],
    ['a bad country', { shippingAddress: { line1: 'a', city: 'b', postalCode: 'c', country: 'Germany' } }, 'shippingAddress.country'],
    ['an unsafe price', { items: [{ sku: 'A', quantity: 1, unitPrice: 2 ** 60 }] }, 'items.0.unitPrice'],
  ])('POST /orders with %s is 400 naming the field', async (_what, patch, field) => {
    const res = await post('/orders', '/orders', orderBody(patch));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('INVALID_INPUT');
    expect(res.body.detail).toContain(field);
  });

  it('refuses a total that overflows, bad JSON (400), a non-JSON type (415) and an oversized body (413)', async () => {
    const overflow = await post('/orders', '/orders', orderBody({ items: [{ sku: 'A', quantity: 1_000_000, unitPrice: Number.MAX_SAFE_INTEGER }] }));
    expect(overflow.status).toBe(400);
    expect(overflow.body.detail).toMatch(/total/);
    const badJson = await call('POST', '/orders', '/orders', { raw: '{"customerId":', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(badJson.body.code).toBe('INVALID_JSON');
    const text = await call('POST', '/orders', '/orders', { raw: 'customerId=1', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const huge = await call('POST', '/orders', '/orders', { raw: JSON.stringify({ ...orderBody(), pad: 'x'.repeat(70_000) }), headers: { 'content-type': 'application/json' } });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('POST /sagas/order starts an order saga that completes like POST /orders; its view carries businessKey, input and the legacy order', async () => {
    const body = orderBody();
    const started = await post('/sagas/order', '/sagas/{type}', body);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/sagas/${started.body.sagaId}`);
    expect(started.body).toEqual({ sagaId: started.body.sagaId, type: 'order', businessKey: body.orderId, status: 'running' });
    expect(await waitStatus(started.body.sagaId, ['completed'])).toBe('completed');
    const saga = (await get(`/sagas/${started.body.sagaId}`, '/sagas/{id}')).body;
    expect(saga.steps.map((s: { name: string; status: string }) => `${s.name}:${s.status}`)).toEqual([
      'reserveInventory:succeeded',
      'chargePayment:succeeded',
      'scheduleShipment:succeeded',
    ]);
    expect(saga.businessKey).toBe(body.orderId);
    expect(saga.input).toMatchObject({ orderId: body.orderId, customerId: body.customerId, total: { amountMinor: 2_500, currency: 'EUR' } });
    expect(saga.order).toEqual(saga.input);
    const listed = (await get(`/sagas?businessKey=${encodeURIComponent(body.orderId as string)}`, '/sagas')).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ sagaId: started.body.sagaId, businessKey: body.orderId, orderId: body.orderId });
    expect(listed[0].input).toBeUndefined();
  });

  it('POST /sagas/{type} takes an Idempotency-Key like POST /orders, across both routes but not across types', async () => {
    const body = orderBody();
    const first = await post('/sagas/order', '/sagas/{type}', body, { 'Idempotency-Key': 'generic-1' });
    const again = await post('/sagas/order', '/sagas/{type}', body, { 'Idempotency-Key': 'generic-1' });
    const legacy = await post('/orders', '/orders', body, { 'Idempotency-Key': 'generic-1' });
    expect([first.status, again.status, legacy.status]).toEqual([202, 200, 200]);
    expect(again.body.sagaId).toBe(first.body.sagaId);
    expect(again.headers.get('location')).toBe(`/sagas/${first.body.sagaId}`);
    expect(legacy.body).toEqual({ sagaId: first.body.sagaId, orderId: body.orderId, status: legacy.body.status });
    const other = await post('/sagas/order', '/sagas/{type}', { ...body, customerId: 'mallory' }, { 'Idempotency-Key': 'generic-1' });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherType = await post('/sagas/trip', '/sagas/{type}', tripBody(), { 'Idempotency-Key': 'generic-1' });
    expect(otherType.status).toBe(409);
    expect(otherType.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const tooLong = await post('/sagas/order', '/sagas/{type}', orderBody(), { 'Idempotency-Key': 'k'.repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.detail).toContain('Idempotency-Key');
    const dup = await post('/sagas/order', '/sagas/{type}', body);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_BUSINESS_KEY');
    const invalid = await post('/sagas/order', '/sagas/{type}', orderBody({ items: [] }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.detail).toContain('items');
  });

  it('POST /sagas/{type} of an unknown type is a 404 problem naming the known types, whatever the body', async () => {
    const res = await post('/sagas/nope', '/sagas/{type}', orderBody());
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('UNKNOWN_SAGA_TYPE');
    expect(res.body.detail).toContain('"nope"');
    for (const t of sys.sagaTypes) expect(res.body.detail).toContain(t.plugin.name);
    const noBody = await call('POST', '/sagas/nope', '/sagas/{type}', { raw: 'x', headers: { 'content-type': 'text/plain' } });
    expect(noBody.status).toBe(404);
  });

  it('GET /saga-types lists every registered type with its versions, steps and input schema', async () => {
    const res = await get('/saga-types', '/saga-types');
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { type: string }) => t.type)).toEqual(sys.sagaTypes.map((t) => t.plugin.name));
    const order = res.body.items.find((t: { type: string }) => t.type === 'order');
    expect(order.description).toBe(sys.sagaTypes.find((t) => t.plugin.name === 'order')!.plugin.description);
    expect(order.latestVersion).toBe(1);
    expect(order.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const [v1] = order.versions;
    expect(v1.steps.filter((s: { compensation: boolean }) => !s.compensation).map((s: { name: string; participant: string }) => `${s.participant}:${s.name}`)).toEqual([
      'inventory:reserveInventory',
      'payment:chargePayment',
      'shipping:scheduleShipment',
    ]);
    expect(v1.steps.find((s: { name: string }) => s.name === 'refundPayment')).toMatchObject({ compensation: true, compensates: 'chargePayment', participant: 'payment' });
    expect(v1.inputSchema.$schema).toBeUndefined();
    expect(v1.inputSchema.required).toEqual(expect.arrayContaining(['customerId', 'currency', 'items', 'shippingAddress']));
    // The published schema is the one the API validates with: it takes a valid body and refuses an unknown field.
    const validate = new Ajv2020({ strict: false }).compile(v1.inputSchema);
    expect(validate(orderBody())).toBe(true);
    expect(validate(orderBody({ orderId: undefined }))).toBe(true);
    expect(validate(orderBody({ discount: 5 }))).toBe(false);
    // The compensation map, as verified by npm run check:sagas: aborting while the charge is awaited owes refund and release.
    expect(v1.compensationMap['order.forward.chargePayment.awaiting']).toEqual(['refundPayment', 'releaseInventory']);
    expect(v1.compensationMap['order.completed']).toEqual([]);

    const doc = (await get('/openapi.json', '/openapi.json')).body;
    const inputs = doc.paths['/sagas/{type}'].post.requestBody.content['application/json'].schema;
    const refs = (inputs.oneOf ?? [inputs]).map((r: { $ref: string }) => r.$ref);
    for (const t of sys.sagaTypes) {
      const component = `${t.plugin.name[0]!.toUpperCase()}${t.plugin.name.slice(1)}Input`;
      expect(refs).toContain(`#/components/schemas/${component}`);
      expect(doc.components.schemas[component].properties).toBeDefined();
    }
    expect(doc.paths['/orders'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/OrderRequest' });
    expect(doc.components.schemas.OrderRequest.$ref).toBe('#/components/schemas/OrderInput');
  });

  it('a type without an alias: views carry businessKey and input only; GET /sagas?businessKey= finds the sagas of every type with that key', async () => {
    const key = `shared-${Date.now()}`;
    const order = await post('/orders', '/orders', orderBody({ orderId: key }));
    const trip = await post('/sagas/trip', '/sagas/{type}', tripBody({ tripId: key }));
    expect(trip.status).toBe(202);
    expect(trip.body).toMatchObject({ type: 'trip', businessKey: key });
    const view = (await get(`/sagas/${trip.body.sagaId}`, '/sagas/{id}')).body;
    expect(view).toMatchObject({ type: 'trip', businessKey: key, input: { tripId: key, traveller: 'Ada Lovelace' } });
    expect(view.order).toBeUndefined();

    const both = (await get(`/sagas?businessKey=${key}`, '/sagas')).body.items as { sagaId: string; type: string; orderId?: string }[];
    expect(both.map((s) => s.sagaId).sort()).toEqual([trip.body.sagaId, order.body.sagaId].sort());
    expect(both.find((s) => s.type === 'trip')!.orderId).toBeUndefined();
    expect(both.find((s) => s.type === 'order')!.orderId).toBe(key);
    expect((await get(`/sagas?businessKey=${key}&type=trip`, '/sagas')).body.items.map((s: { sagaId: string }) => s.sagaId)).toEqual([trip.body.sagaId]);
    expect((await get(`/sagas?businessKey=${key}&type=trip&status=needs_attention`, '/sagas')).body.items).toEqual([]);
    // Same order as the unpaged listing, one per page.
    const paged = await get(`/sagas?businessKey=${key}&limit=1`, '/sagas');
    expect(paged.body.items.map((s: { sagaId: string }) => s.sagaId)).toEqual([both[0]!.sagaId]);
    const rest = await get(`/sagas?businessKey=${key}&limit=1&cursor=${paged.body.nextCursor}`, '/sagas');
    expect(rest.body.items.map((s: { sagaId: string }) => s.sagaId)).toEqual([both[1]!.sagaId]);
    expect((await get(`/sagas?businessKey=nobody-${key}`, '/sagas')).body).toEqual({ items: [], nextCursor: null });
  });

  it('GET /sagas lists newest first with filters and cursor pagination', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post('/orders', '/orders', orderBody({ customerId: 'lister' }))).body.sagaId);
    for (const id of ids) await waitStatus(id, ['completed']);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { body: Record<string, any> } = await get(`/sagas?status=completed&type=order&limit=2${cursor ? `&cursor=${cursor}` : ''}`, '/sagas');
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      expect(page.body.items.every((s: { status: string }) => s.status === 'completed')).toBe(true);
      seen.push(...page.body.items.map((s: { sagaId: string }) => s.sagaId));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(new Set(seen).size).toBe(seen.length);
    // Newest first: the five just made lead, in reverse order of creation.
    expect(seen.slice(0, 5)).toEqual([...ids].reverse());
    const created = (await get('/sagas?limit=100', '/sagas')).body.items.map((s: { createdAt: string }) => Date.parse(s.createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);

    // A time range: from is inclusive, to exclusive, both ISO 8601 (no zone is UTC).
    const createdAt = new Map(await Promise.all(ids.map(async (id) => [id, (await sys.orchestrator.engine.get(id))!.createdAt] as const)));
    const at = (id: string) => createdAt.get(id)!;
    const iso = (t: number) => new Date(t).toISOString();
    const inRange = async (q: string) => (await get(`/sagas?type=order&limit=100&${q}`, '/sagas')).body.items.map((s: { sagaId: string }) => s.sagaId);
    expect(await inRange(`createdFrom=${iso(at(ids[1]!))}&createdTo=${iso(at(ids[3]!))}`)).toEqual(ids.slice(1, 4).filter((id) => at(id) < at(ids[3]!)).reverse());
    expect(await inRange(`createdFrom=${iso(at(ids[4]!) + 1)}`)).not.toContain(ids[4]);
    expect(await inRange(`createdTo=${iso(at(ids[0]!))}`)).not.toContain(ids[0]);
    expect(await inRange(`createdFrom=${iso(at(ids[0]!)).slice(0, 10)}`)).toEqual(expect.arrayContaining(ids));
  });

  it.each([
    ['limit=101', 'limit'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['status=done', 'status'],
    ['cursor=not-a-cursor', 'cursor'],
    ['color=red', 'color'],
    ['limit=1&limit=2', 'limit'],
    ['businessKey=', 'businessKey'],
    [`businessKey=${'k'.repeat(201)}`, 'businessKey'],
    ['businessKey=a%0Ab', 'businessKey'],
    ['businessKey=a%7Fb', 'businessKey'],
    ['createdFrom=yesterday', 'createdFrom'],
    ['createdTo=2026-13-45', 'createdTo'],
    ['stuck=yes', 'stuck'],
  ])('GET /sagas?%s is 400 naming the parameter', async (query, field) => {
    const res = await get(`/sagas?${query}`, '/sagas');
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(field);
  });

  it('GET /dead-letters answers a page of the dead-letter stream; bad parameters are 400 naming them', async () => {
    const page = await get('/dead-letters?limit=5', '/dead-letters');
    expect(page.status).toBe(200);
    expect(Array.isArray(page.body.items)).toBe(true);
    for (const [query, field] of [['limit=0', 'limit'], ['limit=101', 'limit'], ['cursor=abc', 'cursor'], ['cursor=0', 'cursor'], ['since=1', 'since'], ['limit=1&limit=2', 'limit']]) {
      const res = await get(`/dead-letters?${query}`, '/dead-letters');
      expect(res.status, query).toBe(400);
      expect(res.body.detail).toContain(field);
    }
  });

  it('unknown ids are 404 problems', async () => {
    for (const [path, template] of [
      ['/sagas/nope', '/sagas/{id}'],
      ['/sagas/nope/history', '/sagas/{id}/history'],
    ] as const) {
      const res = await get(path, template);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('SAGA_NOT_FOUND');
    }
    const res = await post('/sagas/nope/cancel', '/sagas/{id}/cancel', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(404);
  });

  it('cancel compensates a running saga (operator token required) and refuses a finished one', async () => {
    sys.payment.domain.setBalance('canceller', 10_000);
    await sys.stopParticipant('shipping');
    let sagaId: string;
    try {
      const started = await post('/orders', '/orders', orderBody({ customerId: 'canceller', items: [{ sku: 'CANCEL-1', quantity: 2, unitPrice: 1_000 }] }));
      sagaId = started.body.sagaId;
      await waitFor(async () => (await sys.orchestrator.engine.get(sagaId))!.steps.find((s) => s.name === 'scheduleShipment')!.attempts >= 1, 5_000, 'shipment sent');
      const anonymous = await post(`/sagas/${sagaId}/cancel`, '/sagas/{id}/cancel');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
      const wrong = await post(`/sagas/${sagaId}/cancel`, '/sagas/{id}/cancel', undefined, { authorization: 'Bearer nope' });
      expect(wrong.status).toBe(401);
      const cancelled = await post(`/sagas/${sagaId}/cancel`, '/sagas/{id}/cancel', undefined, { authorization: `Bearer ${TOKEN}` });
      expect(cancelled.status).toBe(202);
      expect(cancelled.body.status).toBe('compensating');
      expect(cancelled.body.businessKey).toBe(started.body.orderId);
      expect(cancelled.body.input).toMatchObject({ orderId: started.body.orderId, customerId: 'canceller' });
      expect(cancelled.body.order).toEqual(cancelled.body.input);
    } finally {
      await sys.startParticipant('shipping');
    }
    expect(await waitStatus(sagaId, ['cancelled'])).toBe('cancelled');
    const saga = (await get(`/sagas/${sagaId}`, '/sagas/{id}')).body;
    expect(saga.reason).toBe('CANCEL_REQUESTED');
    // The in-flight shipment, the charge and the reservation are all undone.
    expect(saga.compensations.map((c: { name: string; status: string }) => `${c.name}:${c.status}`)).toEqual([
      'cancelShipment:succeeded',
      'refundPayment:succeeded',
      'releaseInventory:succeeded',
    ]);
    expect(sys.payment.domain.getAccount('canceller').balance).toBe(10_000);
    expect(sys.inventory.domain.getStock('CANCEL-1')).toMatchObject({ reserved: 0 });
    const again = await post(`/sagas/${sagaId}/cancel`, '/sagas/{id}/cancel', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SAGA_NOT_RUNNING');
  });

  it('a compensation that cannot finish parks the saga in needs_attention; retry resumes it', async () => {
    sys.payment.domain.setBalance('parker', 10);
    await sys.stopParticipant('payment');
    const started = await post('/orders', '/orders', orderBody({ customerId: 'parker', items: [{ sku: 'PARK-1', quantity: 1, unitPrice: 1_000 }] }));
    const sagaId = started.body.sagaId as string;
    await waitFor(async () => (await sys.orchestrator.engine.get(sagaId))!.steps.find((s) => s.name === 'chargePayment')!.attempts >= 1, 5_000, 'charge sent');
    // Inventory goes away before the declined charge asks it to release the stock.
    await sys.stopParticipant('inventory');
    await sys.startParticipant('payment');
    expect(await waitStatus(sagaId, ['needs_attention'])).toBe('needs_attention');
    const parked = (await get(`/sagas/${sagaId}`, '/sagas/{id}')).body;
    expect(parked.reason).toBe('PAYMENT_DECLINED');
    // Inventory is down: the release waits queued (its attempt is not used up) until its queue budget runs out.
    const release = parked.compensations.find((c: { name: string }) => c.name === 'releaseInventory');
    expect(release).toMatchObject({ status: 'parked', attempts: 1, queuedAt: null, queueReason: null });
    expect(release.lastError).toMatch(/^QUEUED: not taken by an available inventory within 1000 ms \(NOT_DELIVERED\)/);
    expect((await get('/sagas?status=needs_attention', '/sagas')).body.items.map((s: { sagaId: string }) => s.sagaId)).toContain(sagaId);

    // The bulk form of the same action: a dry run lists the parked saga, changing nothing.
    const dry = await post('/bulk-actions', '/bulk-actions', { action: 'retry', filter: { type: 'order' }, dryRun: true }, { authorization: `Bearer ${TOKEN}` });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ action: 'retry', dryRun: true, results: null });
    expect(dry.body.sagas.map((s: { sagaId: string }) => s.sagaId)).toContain(sagaId);
    expect((await post('/bulk-actions', '/bulk-actions', { action: 'retry', dryRun: true })).status).toBe(401);
    const bad = await post('/bulk-actions', '/bulk-actions', { action: 'explode' }, { authorization: `Bearer ${TOKEN}` });
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_INPUT']);
    expect(bad.body.detail).toMatch(/^action: /);
    expect((await get(`/sagas/${sagaId}`, '/sagas/{id}')).body.status).toBe('needs_attention');

    await sys.startParticipant('inventory');
    const retried = await post(`/sagas/${sagaId}/retry`, '/sagas/{id}/retry', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(retried.status).toBe(202);
    expect(await waitStatus(sagaId, ['cancelled'])).toBe('cancelled');
    expect(sys.inventory.domain.getStock('PARK-1')).toMatchObject({ available: 1_000, reserved: 0 });
    const again = await post(`/sagas/${sagaId}/retry`, '/sagas/{id}/retry', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SAGA_NOT_PARKED');
  });

  it('serves health, readiness, metrics and its OpenAPI document; unknown routes are 404 problems', async () => {
    expect((await get('/healthz', '/healthz')).status).toBe(200);
    expect((await get('/readyz', '/readyz')).status).toBe(200);
    const metrics = await get('/metrics', '/metrics');
    expect(metrics.body).toMatch(/saga_started_total\{type="order"\} \d+/);
    expect(metrics.body).toMatch(/saga_finished_total\{type="order",status="completed",reason=""\} \d+/);
    expect(metrics.body).toMatch(/saga_sagas\{status="completed"\} \d+/);
    expect(metrics.body).toMatch(/saga_step_attempts_total\{type="order",step="chargePayment",outcome="OK"\} \d+/);
    expect(metrics.body).toContain('saga_outbox_unpublished');
    expect(metrics.body).toContain('saga_state_duration_seconds_bucket');
    const doc = await get('/openapi.json', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const missing = await fetch(`${base}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });

  it('every documented operation was exercised against the document', () => {
    for (const op of ['POST /orders 202', 'POST /orders 200', 'POST /orders 400', 'POST /orders 409', 'POST /orders 413', 'POST /orders 415', 'GET /sagas 200', 'GET /sagas 400', 'GET /sagas/{id} 200', 'GET /sagas/{id} 404', 'GET /sagas/{id}/history 200', 'POST /sagas/{id}/cancel 202', 'POST /sagas/{id}/cancel 401', 'POST /sagas/{id}/cancel 409', 'POST /sagas/{id}/retry 202', 'POST /sagas/{id}/retry 409', 'GET /metrics 200', 'GET /readyz 200', 'GET /healthz 200', 'GET /dead-letters 200', 'GET /dead-letters 400', 'POST /sagas/{type} 202', 'POST /sagas/{type} 200', 'POST /sagas/{type} 400', 'POST /sagas/{type} 404', 'POST /sagas/{type} 409', 'GET /saga-types 200', 'POST /bulk-actions 200', 'POST /bulk-actions 400', 'POST /bulk-actions 401']) {
      expect(openapi.covered.has(op), op).toBe(true);
    }
  });
});

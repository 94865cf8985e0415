// Property-based fuzzing of every HTTP endpoint of the orchestrator and the three participants:
// generated requests (random JSON shapes, wrong types, huge numbers, unicode, deep nesting, wrong
// content types, oversized bodies, bad ids and query parameters) must never get a 5xx; every 4xx is
// an application/problem+json body with a `code`; invalid input is a 4xx; and the servers keep serving.
import { request, Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderInputSchema, toOrder, type OrderInput } from '../../sagas/order/index.ts';
import { createParticipantApp, PARTICIPANTS, routesOf, type ParticipantRoutes } from '../../src/participants/index.ts';
import { TestSystem } from '../support/system.ts';

/** Fixed, so a failure reproduces; change it to explore further. */
const SEED = 0x5a6a;
const BODY_LIMIT = 64 * 1024;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

type ServerName = 'orchestrator' | 'inventory' | 'payment' | 'shipping';

/** One generated HTTP request. `expect` is what the input deserves, when the generator knows. */
interface FuzzRequest {
  server: ServerName;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent with Transfer-Encoding: chunked instead of a Content-Length. */
  chunked?: boolean;
  /** 'invalid': must be a 4xx; a number: that exact status; undefined: anything below 500. */
  expect?: 'invalid' | number | number[];
  /** What the generator did, for failure messages. */
  label: string;
}

interface FuzzResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** Percent-encodes every byte of the UTF-8 form but the unreserved characters (lone surrogates become U+FFFD). */
function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** An id as it goes into a path: percent-encoded, or raw when it is a printable ASCII trick (`..`, `%00`, `a/b`). */
const pathId = (id: { text: string; raw: boolean }): string => (id.raw ? id.text : encode(id.text));

const deepArray = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
const deepObject = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

const nastyStrings = [
  '',
  ' ',
  '   ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uD83D',
  '\u202Egnp.exe',
  'مرحبا بالعالم',
  'שלום',
  '😀'.repeat(40),
  '👩‍👩‍👧‍👦',
  '..',
  '../../etc/passwd',
  '%00',
  '%',
  '%zz',
  'a/b',
  '\\',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e308',
  '9223372036854775808',
  'x'.repeat(101),
  'x'.repeat(201),
  'x'.repeat(5_000),
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '\r\n',
  '\t',
];
const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
);
const hugeNumbers = [1e308, -1e308, 2 ** 63, -(2 ** 63), 2 ** 53, MAX_SAFE, MAX_SAFE + 2, -0, -1, 0.5, 1e-300, Number.MIN_VALUE, 1_000_001];
const nastyNumber: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(...hugeNumbers), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
/** Any JSON value of a (probably) wrong type, deep nesting included. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(deepArray(1_000), deepObject(1_000), deepObject(50)) },
);

/** Raw bodies that are not (or barely) JSON. */
const rawBodies: Buffer[] = [
  '',
  ' ',
  '{',
  '}',
  'null',
  'true',
  '0',
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  '"NaN"',
  '[]',
  '{}',
  '\u0000',
  '{"a":1,"a":2}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '\uFEFF{"customerId":"bom"}',
  '{"customerId":"\\ud800"}',
  `{"available":${'9'.repeat(400)}}`,
  `{"balance":1e400}`,
  '['.repeat(1_000) + ']'.repeat(1_000),
  '['.repeat(30_000) + ']'.repeat(30_000),
  '{"a":'.repeat(1_000) + '1' + '}'.repeat(1_000),
  '['.repeat(1_000),
].map((s) => Buffer.from(s, 'utf8'));
rawBodies.push(Buffer.from([0xff, 0xfe, 0x00]), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]));

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/problem+json',
  'application/vnd.api+json',
  '*/*',
  ';;;',
  'application/json;;;',
  'json',
  '',
];
/** Content types that are plainly JSON; the others are 415, but for a few borderline ones that only must not be a 5xx. */
const JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8', 'Application/JSON']);
const BORDERLINE_TYPES = new Set(['application/json; charset=utf-16', 'application/json;;;']);
const expectForType = (type: string, ifJson: FuzzRequest['expect']): FuzzRequest['expect'] =>
  JSON_TYPES.has(type) ? ifJson : BORDERLINE_TYPES.has(type) ? undefined : 415;

const headerChar = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const headerText = (maxLength: number) => fc.string({ unit: headerChar, maxLength });

/** Ids for path parameters: nasty text (encoded) or raw printable tricks. */
const badId: fc.Arbitrary<{ text: string; raw: boolean }> = fc.oneof(
  { weight: 4, arbitrary: nastyString.filter((s) => s.length <= 300 || /^x+$/.test(s)).map((text) => ({ text, raw: false })) },
  { weight: 2, arbitrary: fc.constantFrom('..', '.', '%00', '%', '%zz', '%ED%A0%80', 'a/b', 'a/../b', '..%2F..', '%2e%2e', '%2F', '~', '*', '!', 'a;b', '').map((text) => ({ text, raw: true })) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/).map((text) => ({ text, raw: false })) },
);

/** Query strings: known and unknown keys, nasty values, repeats, raw percent tricks. */
function queryString(knownKeys: string[], values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...knownKeys) }, { weight: 1, arbitrary: nastyString.filter((s) => s.length < 50) });
  const pair = fc.tuple(key, fc.oneof({ weight: 3, arbitrary: values }, { weight: 1, arbitrary: nastyString.filter((s) => s.length < 400) }));
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz=1', '&&&', '=', 'limit', 'limit=%ED%A0%80', 'a[b]=1', '__proto__=1', 'constructor=1', 'limit=1&limit=2') },
  );
}

// ---------------------------------------------------------------------------------------------
// Orders: a valid order, and mutations of it
// ---------------------------------------------------------------------------------------------

const validOrder: fc.Arbitrary<Record<string, unknown>> = fc.record({
  customerId: fc.constantFrom('fuzz-a', 'fuzz-b', 'fuzz-ü'),
  currency: fc.constantFrom('EUR', 'USD'),
  items: fc.array(
    fc.record({ sku: fc.constantFrom('FZ-1', 'FZ-2', 'FZ-ß'), quantity: fc.integer({ min: 1, max: 3 }), unitPrice: fc.integer({ min: 0, max: 10_000 }) }),
    { minLength: 1, maxLength: 3 },
  ),
  shippingAddress: fc.record({ line1: fc.constant('1 Main St'), city: fc.constant('Berlin'), postalCode: fc.constant('10115'), country: fc.constantFrom('DE', 'FR', 'AQ') }),
});

/** Whether the orchestrator must accept this body: the input schema and a total that fits the money representation. */
function orderIsValid(body: unknown): boolean {
  const parsed = orderInputSchema.safeParse(body);
  if (!parsed.success) return false;
  try {
    toOrder(parsed.data as OrderInput, 'probe');
    return true;
  } catch {
    return false;
  }
}

const FIELDS = ['customerId', 'currency', 'items', 'shippingAddress', 'orderId'] as const;
type Mutation = { label: string; apply: (o: Record<string, unknown>) => Record<string, unknown>; mustFail: boolean };

/** Line items whose product overflows 2^53 - 1 minor units, though each number alone is in range. */
const overflowingItem = fc.integer({ min: 2, max: 1_000_000 }).chain((quantity) =>
  fc.integer({ min: Math.floor(MAX_SAFE / quantity) + 1, max: MAX_SAFE }).map((unitPrice) => ({ sku: 'OVER', quantity, unitPrice })),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), anyValue).map(([field, value]): Mutation => ({
    label: `${field} := ${JSON.stringify(value)?.slice(0, 80)}`,
    apply: (o) => ({ ...o, [field]: value }),
    mustFail: false,
  })),
  fc.constantFrom(...FIELDS.slice(0, 4)).map((field): Mutation => ({
    label: `without ${field}`,
    apply: (o) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== field)),
    mustFail: true,
  })),
  fc.tuple(nastyString.filter((k) => !FIELDS.includes(k as never)), anyValue).map(([key, value]): Mutation => ({
    label: `unknown field ${JSON.stringify(key)}`,
    apply: (o) => ({ ...o, [key]: value }),
    mustFail: true,
  })),
  fc.tuple(fc.constantFrom('sku', 'quantity', 'unitPrice', 'extra'), anyValue).map(([field, value]): Mutation => ({
    label: `items[0].${field} := ${JSON.stringify(value)?.slice(0, 80)}`,
    apply: (o) => ({ ...o, items: [{ ...(o.items as object[])[0], [field]: value }] }),
    mustFail: field === 'extra',
  })),
  fc.tuple(fc.constantFrom('line1', 'city', 'postalCode', 'country'), anyValue).map(([field, value]): Mutation => ({
    label: `shippingAddress.${field} := ${JSON.stringify(value)?.slice(0, 80)}`,
    apply: (o) => ({ ...o, shippingAddress: { ...(o.shippingAddress as object), [field]: value } }),
    mustFail: false,
  })),
  overflowingItem.map((item): Mutation => ({
    label: `overflowing line ${item.quantity} x ${item.unitPrice}`,
    apply: (o) => ({ ...o, items: [item] }),
    mustFail: true,
  })),
  fc.integer({ min: 2, max: 100 }).map((n): Mutation => ({
    label: `${n} lines whose sum overflows`,
    apply: (o) => ({ ...o, items: Array.from({ length: n }, (_, i) => ({ sku: `S${i}`, quantity: 1, unitPrice: Math.ceil(MAX_SAFE / n) + 1 })) }),
    mustFail: true,
  })),
  fc.constantFrom(2 ** 63, 1e308, MAX_SAFE + 1, 2 ** 53 + 2, -1, 0.5).map((unitPrice): Mutation => ({
    label: `unitPrice ${unitPrice}`,
    apply: (o) => ({ ...o, items: [{ sku: 'BIG', quantity: 1, unitPrice }] }),
    mustFail: true,
  })),
  fc.constantFrom(0, -0, -1, 1.5, 1e308, 2 ** 63, 1_000_001).map((quantity): Mutation => ({
    label: `quantity ${quantity}`,
    apply: (o) => ({ ...o, items: [{ sku: 'Q', quantity, unitPrice: 1 }] }),
    mustFail: true,
  })),
  fc.constantFrom(0, 101).map((n): Mutation => ({
    label: `${n} items`,
    apply: (o) => ({ ...o, items: Array.from({ length: n }, () => ({ sku: 'N', quantity: 1, unitPrice: 1 })) }),
    mustFail: true,
  })),
);

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

// Connections are reused, as clients do: an answer that leaves a connection unusable (a 413 for a
// half-read chunked body that said keep-alive) fails the next request on it.
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function send(port: number, r: FuzzRequest): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...r.headers };
    if (r.body !== undefined && !r.chunked) headers['content-length'] = String(r.body.length);
    const req = request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${r.method} ${r.path}: no answer within 15 s`)));
    if (r.body !== undefined) {
      if (r.chunked) {
        // Several chunks, so a server that trusts the first one is caught.
        const third = Math.ceil(r.body.length / 3) || 1;
        for (let i = 0; i < r.body.length; i += third) req.write(r.body.subarray(i, i + third));
      } else {
        req.write(r.body);
      }
    }
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

describe('fuzzed HTTP API: never a 5xx, every 4xx a problem, invalid input refused', () => {
  let sys: TestSystem;
  const ports = {} as Record<ServerName, number>;
  const servers: Server[] = [];
  const sagaIds: string[] = [];
  let sent = 0;
  const statuses = new Map<number, number>();

  /** Sends one request and checks the properties every answer must have. */
  async function exchange(r: FuzzRequest): Promise<FuzzResponse> {
    const t0 = Date.now();
    const res = await send(ports[r.server], r);
    if (process.env.FUZZ_DEBUG && Date.now() - t0 > 200) console.log(`slow ${Date.now() - t0} ms: ${r.method} ${r.path.slice(0, 80)} [${r.label}] -> ${res.status}`);
    sent++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const what = `${r.server} ${r.method} ${r.path.slice(0, 200)} [${r.label}] -> ${res.status} ${res.contentType} ${res.body.toString('utf8').slice(0, 300)}`;
    expect(res.status, what).toBeGreaterThanOrEqual(200);
    expect(res.status, what).toBeLessThan(500);
    if (res.status >= 400 && r.method !== 'HEAD') {
      expect(res.contentType, what).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(res.body.toString('utf8')) as { code?: unknown; status?: unknown };
      expect(typeof problem.code, what).toBe('string');
      expect(problem.status, what).toBe(res.status);
    }
    if (r.expect === 'invalid') expect(res.status >= 400 && res.status < 500, what).toBe(true);
    else if (typeof r.expect === 'number') expect(res.status, what).toBe(r.expect);
    else if (Array.isArray(r.expect)) expect(r.expect, what).toContain(res.status);
    return res;
  }

  async function allHealthy(): Promise<void> {
    for (const server of Object.keys(ports) as ServerName[]) {
      const res = await exchange({ server, method: 'GET', path: '/healthz', headers: {}, label: 'health check', expect: 200 });
      expect(JSON.parse(res.body.toString('utf8'))).toEqual({ status: 'ok' });
    }
  }

  /** Runs `numRuns` generated requests through `exchange`, with the fixed seed. */
  async function fuzz(arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number, onResponse?: (r: FuzzRequest, res: FuzzResponse) => void): Promise<void> {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (r) => {
        const res = await exchange(r);
        onResponse?.(r, res);
      }),
      { seed: SEED, numRuns, endOnFailure: true },
    );
    await allHealthy();
  }

  beforeAll(async () => {
    sys = await TestSystem.start({ defaultStock: 1_000_000, defaultBalance: 1_000_000_000 });
    ports.orchestrator = Number(new URL(await sys.serveApi()).port);
    const routes: Record<Exclude<ServerName, 'orchestrator'>, ParticipantRoutes> = {
      inventory: routesOf(PARTICIPANTS.inventory, sys.inventory.domain),
      payment: routesOf(PARTICIPANTS.payment, sys.payment.domain),
      shipping: routesOf(PARTICIPANTS.shipping, sys.shipping.domain),
    };
    for (const name of ['inventory', 'payment', 'shipping'] as const) {
      const app = createParticipantApp({ routes: [routes[name]], checks: [{ name: 'database', check: () => true }], metrics: sys[name].metrics });
      const server = createServer(app.callback());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      ports[name] = (server.address() as AddressInfo).port;
    }
  });

  afterAll(async () => {
    agent.destroy();
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
    await sys?.dispose();
    console.log(`api fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
  });

  it('POST /orders: valid orders start sagas, everything else is a 4xx problem; overflowing money is refused', async () => {
    const json = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8');
    const order: fc.Arbitrary<FuzzRequest> = fc.oneof(
      // A valid order, sometimes with an Idempotency-Key (a reused key with another body is 409).
      { weight: 2, arbitrary: fc.tuple(validOrder, fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined })).map(([o, key]): FuzzRequest => ({
        server: 'orchestrator', method: 'POST', path: '/orders', label: 'valid order',
        headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: json(o), expect: key ? [200, 202, 409] : 202,
      })) },
      // One mutation of a valid order: the schema decides, and some mutations must fail whatever the value.
      { weight: 6, arbitrary: fc.tuple(validOrder, mutation).map(([o, m]): FuzzRequest => {
        const body = m.apply(o);
        const valid = !m.mustFail && orderIsValid(body);
        // A valid body may name an orderId an earlier run used: 409.
        return { server: 'orchestrator', method: 'POST', path: '/orders', label: m.label, headers: { 'content-type': 'application/json' }, body: json(body), expect: valid ? [202, 409] : 400 };
      }) },
      // Random JSON of any shape.
      { weight: 2, arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 4 }), anyValue).map((v): FuzzRequest => ({
        server: 'orchestrator', method: 'POST', path: '/orders', label: 'random JSON', headers: { 'content-type': 'application/json' }, body: json(v), expect: orderIsValid(v) ? [202, 409] : 'invalid',
      })) },
      // Raw bodies that are not JSON, or JSON the parser should choke on.
      { weight: 2, arbitrary: fc.constantFrom(...rawBodies).map((body): FuzzRequest => ({
        server: 'orchestrator', method: 'POST', path: '/orders', label: `raw ${JSON.stringify(body.subarray(0, 40).toString('latin1'))}`, headers: { 'content-type': 'application/json' }, body, expect: 'invalid',
      })) },
      // A valid order under the wrong (or no) content type: 415 unless it still says JSON.
      { weight: 2, arbitrary: fc.tuple(validOrder, fc.constantFrom(...contentTypes)).map(([o, type]): FuzzRequest => ({
        server: 'orchestrator', method: 'POST', path: '/orders', label: `content-type ${JSON.stringify(type)}`,
        headers: type ? { 'content-type': type } : {}, body: json(o), expect: expectForType(type, 202),
      })) },
      // Oversized: declared, or streamed in chunks without a length.
      { weight: 1, arbitrary: fc.tuple(validOrder, fc.integer({ min: 1, max: 200_000 }), fc.boolean()).map(([o, pad, chunked]): FuzzRequest => {
        const body = json({ ...o, pad: 'x'.repeat(BODY_LIMIT + pad) });
        return { server: 'orchestrator', method: 'POST', path: '/orders', label: `oversized ${body.length} chunked=${chunked}`, headers: { 'content-type': 'application/json' }, body, chunked, expect: 413 };
      }) },
      // Bad headers around a valid order.
      { weight: 1, arbitrary: fc.tuple(validOrder, headerText(300), headerText(80)).map(([o, key, traceparent]): FuzzRequest => ({
        server: 'orchestrator', method: 'POST', path: '/orders', label: `idempotency-key ${key.length} chars`,
        headers: { 'content-type': 'application/json', 'idempotency-key': key, traceparent, tracestate: traceparent }, body: json(o),
        expect: key.trim().length > 200 ? 400 : key.trim() === '' ? 202 : [200, 202, 409],
      })) },
    );
    await fuzz(order, 700, (r, res) => {
      if (res.status === 202) sagaIds.push((JSON.parse(res.body.toString('utf8')) as { sagaId: string }).sagaId);
    });
    expect(sagaIds.length).toBeGreaterThan(10);
  });

  it('GET /sagas, /sagas/{id}, /history, POST cancel and retry, GET /dead-letters with bad ids and query parameters', async () => {
    const id = fc.oneof(
      { weight: 3, arbitrary: badId.map((b) => ({ path: pathId(b), real: false })) },
      { weight: 1, arbitrary: fc.nat().map((n) => ({ path: encode(sagaIds[n % sagaIds.length]!), real: true })) },
    );
    const listValues = fc.oneof(
      fc.constantFrom('running', 'completed', 'cancelled', 'needs_attention', 'done', 'order', 'ORDER', '1', '20', '100', '101', '0', '-1', '1e2', '007', ' 5'),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
      fc.tuple(fc.integer(), nastyString).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/),
      fc.nat().map(String),
    );
    const requests: fc.Arbitrary<FuzzRequest> = fc.oneof(
      { weight: 3, arbitrary: queryString(['status', 'type', 'limit', 'cursor'], listValues).map((q): FuzzRequest => ({ server: 'orchestrator', method: 'GET', path: `/sagas?${q}`, headers: {}, label: 'list' })) },
      { weight: 2, arbitrary: queryString(['limit', 'cursor'], listValues).map((q): FuzzRequest => ({ server: 'orchestrator', method: 'GET', path: `/dead-letters?${q}`, headers: {}, label: 'dead letters' })) },
      { weight: 3, arbitrary: fc.tuple(id, fc.constantFrom('', '/history')).map(([i, suffix]): FuzzRequest => ({
        server: 'orchestrator', method: 'GET', path: `/sagas/${i.path}${suffix}`, headers: {}, label: `get ${i.real ? 'real' : 'bad'} id`, expect: i.real ? 200 : undefined,
      })) },
      { weight: 2, arbitrary: fc.tuple(id, fc.constantFrom('cancel', 'retry'), fc.option(fc.constantFrom(...rawBodies), { nil: undefined })).map(([i, action, body]): FuzzRequest => ({
        server: 'orchestrator', method: 'POST', path: `/sagas/${i.path}/${action}`, headers: body ? { 'content-type': 'application/json' } : {}, body, label: `${action} ${i.real ? 'real' : 'bad'} id`,
        expect: i.real ? [202, 409] : undefined,
      })) },
    );
    await fuzz(requests, 700, (r, res) => {
      // An unknown listing parameter is always refused.
      if (r.label === 'list' && res.status === 200) expect(r.path).not.toMatch(/[?&](?!status=|type=|limit=|cursor=)[^&=]+=/);
    });
  });

  it('every other route and method: health, readiness, metrics, OpenAPI, unknown paths, wrong methods', async () => {
    const paths = fc.oneof(
      fc.constantFrom('/healthz', '/readyz', '/metrics', '/openapi.json', '/orders', '/sagas', '/dead-letters', '/', '/nowhere', '/sagas/', '/sagas//history', '/orders/x', '/healthz/', '//healthz', '/%00', '/..', '/../etc/passwd', '/HEALTHZ', '/stock/x'),
      badId.map((b) => `/${pathId(b)}`),
    );
    const requests = fc.tuple(paths, fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'), fc.option(fc.constantFrom(...rawBodies), { nil: undefined })).map(
      ([path, method, body]): FuzzRequest => ({ server: 'orchestrator', method, path, headers: body ? { 'content-type': 'application/json' } : {}, body, label: 'route' }),
    );
    await fuzz(requests, 250);
  });

  it('participants: PUT /stock and /accounts refuse anything but a safe non-negative integer; GETs take any id', async () => {
    const amountValue = fc.oneof(
      { weight: 2, arbitrary: fc.integer({ min: 0, max: MAX_SAFE }) },
      { weight: 3, arbitrary: nastyNumber },
      { weight: 2, arbitrary: anyValue },
    );
    const putBody = (field: 'available' | 'balance') =>
      fc.oneof(
        { weight: 4, arbitrary: amountValue.map((v) => ({ body: { [field]: v } as unknown, label: `${field} ${JSON.stringify(v)?.slice(0, 60)}` })) },
        { weight: 1, arbitrary: fc.tuple(amountValue, nastyString, anyValue).map(([v, k, x]) => ({ body: { [field]: v, [k]: x } as unknown, label: `extra field ${JSON.stringify(k)}` })) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ body: v as unknown, label: 'random JSON' })) },
      );
    const validAmount = (body: unknown, field: string) =>
      typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 1 &&
      Number.isSafeInteger((body as Record<string, unknown>)[field]) && ((body as Record<string, number>)[field] ?? -1) >= 0;
    const goodId = fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/).map((text) => ({ text, raw: false }));
    const put = (server: 'inventory' | 'payment', resource: string, field: 'available' | 'balance') =>
      fc.tuple(fc.oneof(goodId, badId), putBody(field), fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...contentTypes) })).map(([id, b, type]): FuzzRequest => {
        const body = Buffer.from(JSON.stringify(b.body) ?? '', 'utf8');
        const okId = /^[A-Za-z0-9_-]{1,30}$/.test(id.text);
        return {
          server, method: 'PUT', path: `/${resource}/${pathId(id)}`, headers: type ? { 'content-type': type } : {}, body, label: `${b.label} id=${JSON.stringify(id.text).slice(0, 40)} type=${type}`,
          expect: okId ? expectForType(type, validAmount(b.body, field) ? 200 : 'invalid') : undefined,
        };
      });
    const rawPut = fc.tuple(fc.constantFrom('inventory', 'payment'), fc.constantFrom(...rawBodies)).map(([server, body]): FuzzRequest => ({
      server: server as 'inventory' | 'payment', method: 'PUT', path: server === 'inventory' ? '/stock/RAW-1' : '/accounts/raw-1', headers: { 'content-type': 'application/json' }, body,
      label: `raw ${JSON.stringify(body.subarray(0, 40).toString('latin1'))}`, expect: 'invalid',
    }));
    const oversized = fc.tuple(fc.constantFrom('inventory', 'payment'), fc.integer({ min: 1, max: 100_000 }), fc.boolean()).map(([server, pad, chunked]): FuzzRequest => ({
      server: server as 'inventory' | 'payment', method: 'PUT', path: server === 'inventory' ? '/stock/BIG-1' : '/accounts/big-1', headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ available: 1, pad: 'x'.repeat(BODY_LIMIT + pad) })), chunked, label: 'oversized', expect: 413,
    }));
    const get = fc.tuple(
      fc.constantFrom(['inventory', 'stock'], ['payment', 'accounts'], ['payment', 'payments'], ['shipping', 'shipments']),
      fc.oneof(goodId, badId),
      fc.constantFrom('GET', 'HEAD', 'DELETE', 'POST', 'PATCH', 'TRACE', 'OPTIONS'),
    ).map(([[server, resource], id, method]): FuzzRequest => ({
      server: server as ServerName, method, path: `/${resource}/${pathId(id)}`, headers: {}, label: `${method} ${resource}`,
      // A well-formed id: stock and accounts always answer (defaults), payments and shipments 404.
      expect: method === 'GET' && /^[A-Za-z0-9_-]{1,30}$/.test(id.text) ? (resource === 'stock' || resource === 'accounts' ? 200 : 404) : undefined,
    }));
    const misc = fc.tuple(
      fc.constantFrom<ServerName>('inventory', 'payment', 'shipping'),
      fc.constantFrom('/healthz', '/readyz', '/metrics', '/', '/nowhere', '/stock', '/stock/', '/accounts', '/payments/', '/%00', '/..', '/openapi.json'),
      fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'TRACE'),
    ).map(([server, path, method]): FuzzRequest => ({ server, method, path, headers: {}, label: 'participant route' }));
    const requests = fc.oneof(
      { weight: 4, arbitrary: put('inventory', 'stock', 'available') },
      { weight: 4, arbitrary: put('payment', 'accounts', 'balance') },
      { weight: 1, arbitrary: rawPut },
      { weight: 1, arbitrary: oversized },
      { weight: 4, arbitrary: get },
      { weight: 1, arbitrary: misc },
    );
    await fuzz(requests, 650, (r, res) => {
      // What was stored is what was sent.
      if (r.method === 'PUT' && res.status === 200 && r.expect === 200) {
        const sent = JSON.parse(r.body!.toString('utf8')) as Record<string, number>;
        const got = JSON.parse(res.body.toString('utf8')) as Record<string, number>;
        const field = r.server === 'inventory' ? 'available' : 'balance';
        expect(got[field], r.label).toBe(sent[field]! + 0);
      }
    });
  });

  it('an oversized chunked body is refused with 413 and the connection closed, so the next request on a reused connection is served', async () => {
    const one = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const roundTrip = (body: Buffer, chunked: boolean) =>
        new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
          const req = request(
            { host: '127.0.0.1', port: ports.orchestrator, method: 'POST', path: '/orders', agent: one, timeout: 3_000, headers: { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': String(body.length) }) } },
            (res) => {
              res.resume();
              res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
            },
          );
          req.on('error', reject);
          req.on('timeout', () => req.destroy(new Error('no answer within 3 s')));
          for (let i = 0; i < body.length; i += 16_384) req.write(body.subarray(i, i + 16_384));
          req.end();
        });
      const big = Buffer.from(JSON.stringify({ pad: 'x'.repeat(4 * BODY_LIMIT) }));
      for (const chunked of [true, false]) {
        expect(await roundTrip(big, chunked)).toEqual({ status: 413, connection: 'close' });
        expect((await roundTrip(Buffer.from('{}'), false)).status).toBe(400);
      }
    } finally {
      one.destroy();
    }
  });

  it('sent at least 2,000 requests, and every server still answers', async () => {
    await allHealthy();
    const ready = await exchange({ server: 'orchestrator', method: 'GET', path: '/readyz', headers: {}, label: 'readiness', expect: 200 });
    expect(JSON.parse(ready.body.toString('utf8'))).toMatchObject({ status: 'ok' });
    expect(sent).toBeGreaterThanOrEqual(2_000);
  });
});

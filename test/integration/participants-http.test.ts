import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type Koa from 'koa';
import { encodeCommand, type Command } from '../../src/contracts/index.ts';
import { carrying, type TestCommand as CommandBody } from '../support/order-commands.ts';
import { HEADER, commandSubject, connectNats, ensureStreams, sagaStreams, toNatsHeaders } from '../../src/messaging/index.ts';
import { closeDatabase, migrate, openDatabase, type Db } from '../../src/store/index.ts';
import {
  createInventoryParticipant,
  createParticipantApp,
  createPaymentParticipant,
  createShippingParticipant,
  startParticipant,
  type InventoryParticipant,
  type ParticipantRoutes,
  PARTICIPANTS,
  routesOf,
  type ParticipantRuntime,
  type PaymentParticipant,
  type ShippingParticipant,
} from '../../src/participants/index.ts';
import { createParticipantMetrics, type ParticipantMetrics } from '../../src/telemetry/participant-metrics.ts';
import { NatsServer, waitFor } from '../support/nats-server.ts';

const DEADLINE_MS = 10_000;
const ADMIN_TOKEN = 'test-admin-token.0123456789';
const BODY_LIMIT = 1_024;
const DEFAULT_STOCK = 5;
const DEFAULT_BALANCE = 100_000;
const address = { line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
}

/** Publishes a command envelope the way the orchestrator's outbox does (replies land in SAGA_REPLIES, unread). */
async function send(js: JetStreamClient, participant: string, body: CommandBody, commandId: string, msgID = commandId): Promise<void> {
  const command: Command = { sagaId: `saga-${commandId}`, commandId, attempt: 1, sagaType: 'test', replyTo: 'saga.reply.test', ...carrying(body) };
  await js.publish(commandSubject(participant, body.kind), encodeCommand(command), {
    msgID,
    headers: toNatsHeaders({ [HEADER.sagaId]: command.sagaId, [HEADER.commandId]: commandId }),
  });
}

async function problemOf(res: Response, status: number, code: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const text = await res.text();
  // Nothing from a stack trace or the file system leaves the process.
  expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  const problem = JSON.parse(text) as Problem;
  expect(problem).toMatchObject({ status, code, title: expect.any(String), type: expect.stringMatching(/^urn:saga:problem:/) });
  return problem;
}

function put(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('participants over HTTP', () => {
  let nats: NatsServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let dir: string;
  const dbs: Db[] = [];
  const servers: Server[] = [];
  const runtimes: ParticipantRuntime[] = [];
  let inventory: InventoryParticipant;
  let payment: PaymentParticipant;
  let shipping: ShippingParticipant;
  let metrics: Record<'inventory' | 'payment' | 'shipping', ParticipantMetrics>;
  let runtime: Record<'inventory' | 'payment' | 'shipping', ParticipantRuntime>;
  /** Base URLs: the open apps have no ADMIN_TOKEN, the guarded ones require it. */
  let url: { inventory: string; payment: string; shipping: string; guardedInventory: string; guardedPayment: string };

  function database(service: string, file = service): Db {
    const db = openDatabase(join(dir, `${file}.db`));
    migrate(db, service);
    dbs.push(db);
    return db;
  }

  async function serve(app: Koa): Promise<string> {
    const server = createServer(app.callback());
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  function app(name: 'inventory' | 'payment' | 'shipping', routes: ParticipantRoutes, adminToken?: string): Koa {
    return createParticipantApp({
      routes: [routes],
      checks: [{ name: 'database', check: () => true }],
      metrics: metrics[name],
      adminToken,
      bodyLimitBytes: BODY_LIMIT,
    });
  }

  beforeAll(async () => {
    nats = await NatsServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-participants-http-'));
    nc = await connectNats({ servers: nats.url, name: 'participants-http-test' });
    const jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, sagaStreams());
    js = jetstream(nc);

    const inventoryDb = database('inventory');
    const paymentDb = database('payment');
    const shippingDb = database('shipping');
    inventory = createInventoryParticipant(inventoryDb, { defaultStock: DEFAULT_STOCK });
    payment = createPaymentParticipant(paymentDb, { defaultBalance: DEFAULT_BALANCE });
    shipping = createShippingParticipant(shippingDb, { unservedCountries: ['AQ'] });
    // One registry each, as in three processes; process metrics off for two so the test does not triple them.
    metrics = {
      inventory: createParticipantMetrics('inventory'),
      payment: createParticipantMetrics('payment', { processMetrics: false }),
      shipping: createParticipantMetrics('shipping', { processMetrics: false }),
    };
    const start = async (name: 'inventory' | 'payment' | 'shipping', db: Db, handlers: typeof inventory.handlers | typeof payment.handlers | typeof shipping.handlers) => {
      const r = await startParticipant({ name, nc, db, handlers, workerPoolSize: 2, metrics: metrics[name] });
      runtimes.push(r);
      return r;
    };
    runtime = {
      inventory: await start('inventory', inventoryDb, inventory.handlers),
      payment: await start('payment', paymentDb, payment.handlers),
      shipping: await start('shipping', shippingDb, shipping.handlers),
    };

    url = {
      inventory: await serve(app('inventory', routesOf(PARTICIPANTS.inventory, inventory))),
      payment: await serve(app('payment', routesOf(PARTICIPANTS.payment, payment))),
      shipping: await serve(app('shipping', routesOf(PARTICIPANTS.shipping, shipping))),
      guardedInventory: await serve(app('inventory', routesOf(PARTICIPANTS.inventory, inventory), ADMIN_TOKEN)),
      guardedPayment: await serve(app('payment', routesOf(PARTICIPANTS.payment, payment), ADMIN_TOKEN)),
    };
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await Promise.all(runtimes.map((r) => r.stop()));
    await nc?.close();
    for (const db of dbs) closeDatabase(db);
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('inventory', () => {
    it('answers an unknown SKU with the default stock', async () => {
      const res = await fetch(`${url.inventory}/stock/NEVER-SEEN`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await res.json()).toEqual({ sku: 'NEVER-SEEN', available: DEFAULT_STOCK, reserved: 0 });
    });

    it('sets stock with PUT and shows reservations made by commands', async () => {
      const res = await put(`${url.inventory}/stock/BOOK-1`, { available: 10 });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ sku: 'BOOK-1', available: 10, reserved: 0 });

      const before = runtime.inventory.stats.replied;
      await send(js, 'inventory', { kind: 'reserveInventory', body: { orderId: 'o-stock', items: [{ sku: 'BOOK-1', quantity: 3, unitPriceMinor: 100 }] } }, 'o-stock:reserve');
      await waitFor(() => runtime.inventory.stats.replied > before, DEADLINE_MS, 'the reserve answered');
      expect(await (await fetch(`${url.inventory}/stock/BOOK-1`)).json()).toEqual({ sku: 'BOOK-1', available: 7, reserved: 3 });

      // Setting stock changes what is available, never what is reserved.
      expect(await (await put(`${url.inventory}/stock/BOOK-1`, { available: 0 })).json()).toEqual({ sku: 'BOOK-1', available: 0, reserved: 3 });
      expect(await (await put(`${url.inventory}/stock/BOOK-1`, { available: Number.MAX_SAFE_INTEGER })).json()).toMatchObject({
        available: Number.MAX_SAFE_INTEGER,
      });
    });

    it('takes SKUs with reserved URL characters, percent-encoded', async () => {
      const res = await put(`${url.inventory}/stock/${encodeURIComponent('A/B C%')}`, { available: 2 });
      expect(await res.json()).toEqual({ sku: 'A/B C%', available: 2, reserved: 0 });
      expect(inventory.getStock('A/B C%').available).toBe(2);
    });
  });

  describe('payment', () => {
    it('reads and sets a balance', async () => {
      expect(await (await fetch(`${url.payment}/accounts/carol`)).json()).toEqual({ customerId: 'carol', balance: DEFAULT_BALANCE });
      const res = await put(`${url.payment}/accounts/carol`, { balance: 250 });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ customerId: 'carol', balance: 250 });
      expect(await (await fetch(`${url.payment}/accounts/carol`)).json()).toEqual({ customerId: 'carol', balance: 250 });
    });

    it('answers 404 PAYMENT_NOT_FOUND for an order never charged, then the payment once a charge ran', async () => {
      const problem = await problemOf(await fetch(`${url.payment}/payments/o-pay`), 404, 'PAYMENT_NOT_FOUND');
      expect(problem).toMatchObject({ instance: '/payments/o-pay', detail: 'no payment for order o-pay' });

      const before = runtime.payment.stats.replied;
      await send(js, 'payment', { kind: 'chargePayment', body: { orderId: 'o-pay', customerId: 'dave', amount: { amountMinor: 1_500, currency: 'EUR' } } }, 'o-pay:charge');
      await send(js, 'payment', { kind: 'chargePayment', body: { orderId: 'o-poor', customerId: 'carol', amount: { amountMinor: 999_999, currency: 'EUR' } } }, 'o-poor:charge');
      await waitFor(() => runtime.payment.stats.replied >= before + 2, DEADLINE_MS, 'both charges answered');

      const res = await fetch(`${url.payment}/payments/o-pay`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ orderId: 'o-pay', status: 'charged', amount: 1_500, currency: 'EUR' });
      expect(await (await fetch(`${url.payment}/payments/o-poor`)).json()).toEqual({ orderId: 'o-poor', status: 'declined', amount: 999_999, currency: 'EUR' });
      expect(await (await fetch(`${url.payment}/accounts/dave`)).json()).toEqual({ customerId: 'dave', balance: DEFAULT_BALANCE - 1_500 });
    });
  });

  describe('shipping', () => {
    it('answers 404 SHIPMENT_NOT_FOUND, then the scheduled and the cancelled shipment', async () => {
      await problemOf(await fetch(`${url.shipping}/shipments/o-ship`), 404, 'SHIPMENT_NOT_FOUND');

      const before = runtime.shipping.stats.replied;
      const items = [{ sku: 'BOOK-1', quantity: 1, unitPriceMinor: 100 }];
      await send(js, 'shipping', { kind: 'scheduleShipment', body: { orderId: 'o-ship', address, items } }, 'o-ship:schedule');
      await waitFor(() => runtime.shipping.stats.replied > before, DEADLINE_MS, 'the schedule answered');
      const res = await fetch(`${url.shipping}/shipments/o-ship`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ orderId: 'o-ship', status: 'scheduled', address });

      await send(js, 'shipping', { kind: 'cancelShipment', body: { orderId: 'o-ship' } }, 'o-ship:cancel');
      await waitFor(() => runtime.shipping.stats.replied > before + 1, DEADLINE_MS, 'the cancel answered');
      expect(await (await fetch(`${url.shipping}/shipments/o-ship`)).json()).toEqual({ orderId: 'o-ship', status: 'cancelled', address });
    });

    it('has no write endpoints', async () => {
      const res = await put(`${url.shipping}/shipments/o-ship`, { status: 'scheduled' });
      const problem = await problemOf(res, 405, 'METHOD_NOT_ALLOWED');
      expect(res.headers.get('allow')).toContain('GET');
      expect(problem.detail).toBe('PUT is not allowed on /shipments/o-ship');
    });
  });

  describe('input validation', () => {
    it.each([
      ['an unknown field', { available: 1, reserved: 0 }, 'reserved: unknown field'],
      ['a negative number', { available: -1 }, 'available:'],
      ['a fraction', { available: 1.5 }, 'available:'],
      ['a string', { available: '3' }, 'available:'],
      ['a number past MAX_SAFE_INTEGER', { available: 2 ** 53 }, 'available:'],
      ['a missing field', {}, 'available:'],
      ['an array', [1], '(body):'],
      ['null', null, '(body):'],
    ])('refuses %s with 400 naming the field', async (_what, body, detail) => {
      const problem = await problemOf(await put(`${url.inventory}/stock/VALIDATED`, body), 400, 'INVALID_INPUT');
      expect(problem.detail.startsWith(detail)).toBe(true);
      expect(inventory.getStock('VALIDATED').available).toBe(DEFAULT_STOCK);
    });

    it('validates the balance body the same way', async () => {
      const problem = await problemOf(await put(`${url.payment}/accounts/erin`, { balance: -5 }), 400, 'INVALID_INPUT');
      expect(problem.detail).toMatch(/^balance:/);
      expect((await problemOf(await put(`${url.payment}/accounts/erin`, { balance: 5, currency: 'EUR' }), 400, 'INVALID_INPUT')).detail).toBe(
        'currency: unknown field',
      );
    });

    it('refuses malformed JSON with 400 INVALID_JSON', async () => {
      await problemOf(await put(`${url.inventory}/stock/X`, '{"available": '), 400, 'INVALID_JSON');
    });

    it('refuses a non-JSON content type with 415', async () => {
      const res = await fetch(`${url.inventory}/stock/X`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: '{"available":1}' });
      await problemOf(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      await problemOf(await fetch(`${url.payment}/accounts/x`, { method: 'PUT', body: '{"balance":1}' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses a body over the limit with 413', async () => {
      const res = await put(`${url.inventory}/stock/X`, { available: 1, padding: 'x'.repeat(BODY_LIMIT) });
      await problemOf(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it.each([
      ['over 200 characters', 'S'.repeat(201)],
      ['blank', '%20%20'],
      ['with a control character', 'A%00B'],
    ])('refuses a path id %s with 400 naming it', async (_what, sku) => {
      const problem = await problemOf(await fetch(`${url.inventory}/stock/${sku}`), 400, 'INVALID_INPUT');
      expect(problem.detail).toMatch(/^sku: /);
      expect((await problemOf(await fetch(`${url.shipping}/shipments/${sku}`), 400, 'INVALID_INPUT')).detail).toMatch(/^orderId: /);
      expect((await problemOf(await put(`${url.payment}/accounts/${sku}`, { balance: 1 }), 400, 'INVALID_INPUT')).detail).toMatch(/^customerId: /);
    });

    it('accepts a path id of exactly 200 characters', async () => {
      expect((await fetch(`${url.inventory}/stock/${'S'.repeat(200)}`)).status).toBe(200);
    });

    it('answers an unknown route with 404 problem+json', async () => {
      const problem = await problemOf(await fetch(`${url.inventory}/nope`), 404, 'NOT_FOUND');
      expect(problem).toMatchObject({ instance: '/nope', detail: 'no route for GET /nope' });
      // Each participant serves only its own resources.
      await problemOf(await fetch(`${url.shipping}/stock/X`), 404, 'NOT_FOUND');
      await problemOf(await fetch(`${url.inventory}/payments/o-pay`), 404, 'NOT_FOUND');
      await problemOf(await fetch(`${url.inventory}/stock/`), 404, 'NOT_FOUND');
    });

    it('answers a failing domain with 500 and no internals', async () => {
      const broken = await serve(
        createParticipantApp({
          routes: [
            routesOf(PARTICIPANTS.inventory, {
              ...inventory,
              getStock: () => {
                throw new Error('SECRET internal detail /var/lib/db');
              },
              setStock: () => {
                throw new TypeError('boom');
              },
            }),
          ],
          checks: [],
          metrics: metrics.inventory,
        }),
      );
      const problem = await problemOf(await fetch(`${broken}/stock/X`), 500, 'INTERNAL');
      expect(JSON.stringify(problem)).not.toContain('SECRET');
      expect(problem.detail).toBe('an internal error occurred; it was logged');
    });
  });

  describe('ADMIN_TOKEN', () => {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    it('without the token, PUT is 401 with a Bearer challenge and changes nothing', async () => {
      const res = await put(`${url.guardedInventory}/stock/GUARDED`, { available: 99 });
      const problem = await problemOf(res, 401, 'UNAUTHORIZED');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(problem).toMatchObject({ type: 'urn:saga:problem:unauthorized', instance: '/stock/GUARDED' });
      expect(inventory.getStock('GUARDED').available).toBe(DEFAULT_STOCK);
    });

    it.each([
      ['a wrong token', bearer('not-the-token')],
      ['a token that is a prefix of the right one', bearer(ADMIN_TOKEN.slice(0, -1))],
      ['the token under another scheme', { authorization: `Basic ${ADMIN_TOKEN}` }],
      ['the bare token', { authorization: ADMIN_TOKEN }],
    ])('with %s, PUT is 401', async (_what, headers) => {
      const res = await put(`${url.guardedPayment}/accounts/frank`, { balance: 1 }, headers);
      await problemOf(res, 401, 'UNAUTHORIZED');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      expect(payment.getAccount('frank').balance).toBe(DEFAULT_BALANCE);
    });

    it('checks the token before reading the body', async () => {
      const res = await fetch(`${url.guardedInventory}/stock/GUARDED`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'x' });
      await problemOf(res, 401, 'UNAUTHORIZED');
    });

    it('with the token, PUT works', async () => {
      const res = await put(`${url.guardedInventory}/stock/GUARDED`, { available: 99 }, bearer(ADMIN_TOKEN));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ sku: 'GUARDED', available: 99, reserved: 0 });
      const lowerCaseScheme = await put(`${url.guardedPayment}/accounts/frank`, { balance: 7 }, { authorization: `bearer ${ADMIN_TOKEN}` });
      expect(await lowerCaseScheme.json()).toEqual({ customerId: 'frank', balance: 7 });
    });

    it('leaves GETs and health open', async () => {
      expect((await fetch(`${url.guardedInventory}/stock/GUARDED`)).status).toBe(200);
      expect((await fetch(`${url.guardedPayment}/accounts/frank`)).status).toBe(200);
      expect((await fetch(`${url.guardedPayment}/healthz`)).status).toBe(200);
      expect((await fetch(`${url.guardedPayment}/readyz`)).status).toBe(200);
      expect((await fetch(`${url.guardedPayment}/metrics`)).status).toBe(200);
    });
  });

  describe('health and metrics', () => {
    it('serves /healthz and /readyz on every participant', async () => {
      for (const base of [url.inventory, url.payment, url.shipping]) {
        expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
        expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
      }
    });

    it('counts commands, duplicates and dead letters in Prometheus text', async () => {
      const before = runtime.inventory.stats.replied;
      const reserve: CommandBody = { kind: 'reserveInventory', body: { orderId: 'o-metrics', items: [{ sku: 'METRICS-1', quantity: 1, unitPriceMinor: 1 }] } };
      await send(js, 'inventory', reserve, 'o-metrics:reserve', 'first');
      // The same command id again, past JetStream's duplicate window (a new msgID): answered from the stored reply.
      await send(js, 'inventory', reserve, 'o-metrics:reserve', 'second');
      await send(js, 'inventory', { kind: 'reserveInventory', body: { orderId: 'o-short', items: [{ sku: 'METRICS-1', quantity: 1_000, unitPriceMinor: 1 }] } }, 'o-short:reserve');
      await js.publish(commandSubject('inventory', 'reserveInventory'), new Uint8Array([0xff, 0x00, 0x13]), { msgID: 'garbage' });
      await waitFor(() => runtime.inventory.stats.replied >= before + 3 && runtime.inventory.stats.deadLettered >= 1, DEADLINE_MS, 'commands answered and the garbage dead-lettered');

      const res = await fetch(`${url.inventory}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      // The first test's reserve, and this one twice (the repeat counted as a duplicate).
      expect(text).toContain('saga_participant_commands_total{participant="inventory",action="reserveInventory",outcome="OK"} 3');
      expect(text).toContain('saga_participant_commands_total{participant="inventory",action="reserveInventory",outcome="REJECTED"} 1');
      expect(text).toContain('saga_participant_duplicates_total{participant="inventory"} 1');
      expect(text).toContain('saga_participant_dead_letters_total{participant="inventory"} 1');
      expect(text).toContain('saga_participant_handler_duration_seconds_count{participant="inventory",action="reserveInventory"} 4');
      expect(text).toMatch(/saga_participant_handler_duration_seconds_bucket\{le="\+Inf",participant="inventory",action="reserveInventory"\} 4/);
      expect(text).toContain('# TYPE saga_participant_commands_total counter');
      expect(text).toContain('# TYPE saga_participant_handler_duration_seconds histogram');
      // Every answered command went through a group commit (the dead-lettered garbage did not).
      expect(Number(/^saga_db_commit_jobs_sum (\d+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(4);
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).toContain('nodejs_eventloop_lag_seconds');
    });

    it('answers commands normally when a metrics hook throws', async () => {
      const db = database('inventory', 'inventory-hooks');
      const hooks = await startParticipant({
        name: 'hooks',
        nc,
        db,
        handlers: createInventoryParticipant(db, { defaultStock: 1 }).handlers,
        workerPoolSize: 1,
        metrics: {
          onCommand() {
            throw new Error('metrics backend down');
          },
        },
      });
      runtimes.push(hooks);
      await send(js, 'hooks', { kind: 'reserveInventory', body: { orderId: 'o-hooks', items: [{ sku: 'H', quantity: 1, unitPriceMinor: 1 }] } }, 'o-hooks:reserve');
      await waitFor(() => hooks.stats.replied === 1, DEADLINE_MS, 'the command answered');
      expect(hooks.stats).toMatchObject({ errors: 0, deadLettered: 0, replyPublishFailures: 0 });
    });

    it('keeps each participant in its own registry', async () => {
      const text = await (await fetch(`${url.payment}/metrics`)).text();
      expect(text).toContain('saga_participant_commands_total{participant="payment",action="chargePayment",outcome="OK"} 1');
      expect(text).toContain('saga_participant_commands_total{participant="payment",action="chargePayment",outcome="REJECTED"} 1');
      expect(text).toContain('saga_participant_duplicates_total{participant="payment"} 0');
      expect(text).not.toContain('participant="inventory"');
      expect(text).not.toContain('process_cpu_user_seconds_total');
    });
  });
});

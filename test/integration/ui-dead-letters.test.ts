// The explorer's dead-letters page and the type page's retry policies and input schema, end to end:
// a real system (NATS, orchestrator, participants) dead-letters messages published by the test,
// Debian's Chromium (playwright-core) reads the pages. Checks decoded payloads, the fallback to
// base64, headers and reasons, paging, the 400 and 503 pages, escaping, no console errors or failed
// requests under the CSP, and axe's WCAG 2 A/AA rules in the light and dark schemes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChargePayment } from '../../sagas/order/contracts/index.ts';
import { createApi } from '../../src/api/index.ts';
import { encodeCommand, MESSAGE_TYPE } from '../../src/contracts/index.ts';
import { silentLogger } from '../../src/engine/index.ts';
import { TransientError } from '../../src/errors.ts';
import { HEADER, commandSubject, connectNats, protobufContentType, replySubject, toNatsHeaders } from '../../src/messaging/index.ts';
import { axeViolations, launchChromium, openPage as openBrowserPage, SCREENSHOTS } from '../support/browser.ts';
import { waitFor } from '../support/nats-server.ts';
import { TestSystem } from '../support/system.ts';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
/** Bytes no protobuf decoder accepts (field 31 with wire type 7). */
const GARBAGE = new Uint8Array([0xff, 0x01, 0x02]);

describe('saga explorer: dead letters and definitions', () => {
  let sys: TestSystem;
  let base: string;
  let browser: Browser;
  let poison: NatsConnection;
  let broken: Server | undefined;

  beforeAll(async () => {
    sys = await TestSystem.start({ defaultStock: 100 });
    base = await sys.serveApi();
    poison = await connectNats({ servers: sys.nats.url, name: 'poison' });
    const js = jetstream(poison);
    // A command the inventory participant does not handle (it only reserves and releases): dead-lettered
    // as UNSUPPORTED_COMMAND, with an envelope and a command body the explorer can decode.
    await js.publish(
      commandSubject('inventory', 'charge'),
      encodeCommand({
        sagaId: 'dlq-ui-saga',
        commandId: 'dlq-ui-saga:chargePayment',
        attempt: 2,
        sagaType: 'order',
        replyTo: replySubject('order', 'inventory'),
        commandType: ChargePayment.name,
        payload: ChargePayment.encode({ orderId: 'dlq-ui-order', customerId: 'dlq-ui-customer', amount: { amountMinor: 4242, currency: 'EUR' } }),
        businessKey: 'dlq-ui-order',
      }),
      {
        msgID: 'dlq-ui-decodable',
        headers: toNatsHeaders({ [HEADER.sagaId]: 'dlq-ui-saga', [HEADER.commandId]: 'dlq-ui-decodable', [HEADER.contentType]: protobufContentType(MESSAGE_TYPE.command), [HEADER.traceparent]: TRACEPARENT }),
      },
    );
    // A reply that is not protobuf at all: the orchestrator dead-letters it as UNDECODABLE_MESSAGE.
    // Its Command-Id carries markup, which the page must show as text.
    await js.publish(replySubject('order', 'inventory'), GARBAGE, {
      msgID: 'dlq-ui-garbage',
      headers: toNatsHeaders({ [HEADER.sagaId]: 'dlq-ui-saga', [HEADER.commandId]: '<b>dlq-ui-garbage</b>', [HEADER.contentType]: protobufContentType(MESSAGE_TYPE.reply) }),
    });
    await waitFor(async () => ((await (await fetch(`${base}/dead-letters?limit=10`)).json()) as { items: unknown[] }).items.length >= 2, 15_000, 'both messages dead-lettered');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (broken) await new Promise((r) => broken!.close(r));
    await poison?.drain();
    await sys?.dispose();
  });

  const openPage = (scheme: 'light' | 'dark' = 'light') => openBrowserPage(browser, { scheme });

  it('shows each dead letter with reason, headers and its payload decoded, or as base64 when it cannot be', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${base}/ui/sagas`);
    await Promise.all([page.waitForURL(/\/ui\/dead-letters$/), page.getByRole('link', { name: 'Dead letters' }).click()]);
    const letters = page.locator('main section.dead-letter');
    expect(await letters.count()).toBe(2);
    // Newest first: the garbage reply was published last.
    const seqs = (await page.locator('main section.dead-letter h2').allInnerTexts()).map((t) => Number(t.replace('Dead letter ', '')));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const [garbage, command] = [letters.nth(0), letters.nth(1)];

    const decoded = await command.innerText();
    expect(decoded).toMatch(/Reason\s+UNSUPPORTED_COMMAND: inventory does not handle order\.v1\.ChargePayment/);
    expect(decoded).toMatch(/Source\s+inventory/);
    expect(decoded).toMatch(/Subject\s+saga\.cmd\.inventory\.charge/);
    expect(decoded).toMatch(/Size\s+\d+ bytes/);
    expect(await command.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    const headers = Object.fromEntries((await command.locator('table tbody tr').allInnerTexts()).map((r) => r.split('\t') as [string, string]));
    expect(headers).toMatchObject({ [HEADER.sagaId]: 'dlq-ui-saga', [HEADER.commandId]: 'dlq-ui-decodable', [HEADER.traceparent]: TRACEPARENT, [HEADER.contentType]: protobufContentType(MESSAGE_TYPE.command) });
    expect(decoded).toContain('Decoded as saga.v1.CommandEnvelope');
    const [envelope, body] = await command.locator('pre').allInnerTexts();
    expect(JSON.parse(envelope!)).toMatchObject({ sagaId: 'dlq-ui-saga', commandId: 'dlq-ui-saga:chargePayment', attempt: 2, sagaType: 'order', commandType: 'order.v1.ChargePayment', businessKey: 'dlq-ui-order' });
    expect(await command.locator('h4').innerText()).toBe('Command order.v1.ChargePayment');
    expect(JSON.parse(body!)).toEqual({ orderId: 'dlq-ui-order', customerId: 'dlq-ui-customer', amount: { amountMinor: 4242, currency: 'EUR' } });

    const raw = await garbage.innerText();
    expect(raw).toMatch(/Reason\s+UNDECODABLE_MESSAGE/);
    expect(raw).toMatch(/Source\s+orchestrator/);
    expect(raw).toMatch(/Size\s+3 bytes/);
    expect(raw).toContain('Not decoded: it could not be decoded as saga.v1.Reply (');
    expect(raw).toContain('As base64 (3 bytes):');
    expect(await garbage.locator('pre').innerText()).toBe(Buffer.from(GARBAGE).toString('base64'));
    // Header values are text, never markup.
    expect(await page.locator('main b').count()).toBe(0);
    expect(await garbage.locator('table').innerText()).toContain('<b>dlq-ui-garbage</b>');

    await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-dead-letters.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pages with the Older link, keeping the limit, and back to the newest', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${base}/ui/dead-letters?limit=1`);
    const heading = page.locator('main section.dead-letter h2');
    expect(await heading.count()).toBe(1);
    const newest = await heading.innerText();
    expect(await page.getByRole('link', { name: 'Newest' }).count()).toBe(0);
    await Promise.all([page.waitForURL(/[?&]cursor=\d+/), page.getByRole('link', { name: 'Older' }).click()]);
    expect(new URL(page.url()).searchParams.get('limit')).toBe('1');
    expect(await heading.count()).toBe(1);
    const older = await heading.innerText();
    expect(Number(older.replace('Dead letter ', ''))).toBeLessThan(Number(newest.replace('Dead letter ', '')));
    expect(await page.locator('main').innerText()).toContain('UNSUPPORTED_COMMAND');
    // The oldest letter: no older page.
    expect(await page.getByRole('link', { name: 'Older' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/\/ui\/dead-letters$/), page.getByRole('link', { name: 'Newest' }).click()]);
    expect(await page.locator('main section.dead-letter h2').first().innerText()).toBe(newest);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers a bad query with a 400 page naming it, and an unreadable stream with a 503 page', async () => {
    for (const [query, message] of [['limit=0', 'Invalid query: limit: '], ['cursor=abc', 'Invalid query: cursor: not a cursor'], ['colour=red', 'Invalid query: ']] as const) {
      const res = await fetch(`${base}/ui/dead-letters?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type'), query).toMatch(/^text\/html/);
      const page = await res.text();
      expect(page, query).toContain('role="alert"');
      expect(page, query).toContain(message);
    }

    const app = createApi({
      engine: sys.orchestrator.engine,
      sagaTypes: sys.sagaTypes,
      logger: silentLogger,
      metrics: sys.metrics.registry,
      readiness: [],
      deadLetters: {
        list: () => Promise.reject(new TransientError('DEAD_LETTERS_UNAVAILABLE', 'the dead-letter stream cannot be read: connection closed')),
      },
    });
    broken = createServer(app.callback());
    await new Promise<void>((r) => broken!.listen(0, '127.0.0.1', r));
    const brokenBase = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    const res = await fetch(`${brokenBase}/ui/dead-letters`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await res.text();
    expect(body).toContain('<h1>Service unavailable</h1>');
    expect(body).toContain('the dead-letter stream cannot be read: connection closed');

    const { page } = await openPage('dark');
    await page.goto(`${brokenBase}/ui/dead-letters`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows each step's retry policy and the input schema on the type page", async () => {
    const { page, problems } = await openPage();
    await page.goto(`${base}/ui/types/order`);
    const policies = page.locator('table', { has: page.locator('caption', { hasText: 'Retry policy of each step of version 1' }) });
    expect(await policies.locator('thead th').allInnerTexts()).toEqual(['Step', 'Max attempts', 'Timeout per attempt', 'Queue budget', 'Backoff initial', 'Backoff multiplier', 'Backoff max', 'Jitter']);
    const rows = Object.fromEntries((await policies.locator('tbody tr').allInnerTexts()).map((r) => [r.split('\t')[0], r.split('\t').slice(1)]));
    // The test system's FAST_STEP and FAST_COMPENSATION policies.
    expect(rows.reserveInventory).toEqual(['3', '400 ms', '1 min 0 s', '50 ms', '×2', '200 ms', '±20 %']);
    expect(rows.releaseInventory).toEqual(['20', '400 ms', '1 min 0 s', '50 ms', '×2', '300 ms', '±20 %']);
    const order = sys.sagaTypes.find((t) => t.plugin.name === 'order')!;
    expect(Object.keys(rows).sort()).toEqual(order.definitions.find((d) => d.version === 1)!.steps.map((s) => s.name).sort());

    // The schema is the one GET /saga-types publishes.
    const types = (await (await fetch(`${base}/saga-types`)).json()) as { items: { type: string; versions: { version: number; inputSchema: unknown }[] }[] };
    const published = types.items.find((t) => t.type === 'order')!.versions.find((v) => v.version === 1)!.inputSchema;
    const schema = page.locator('section[aria-labelledby="v1"] pre.schema');
    expect(JSON.parse(await schema.innerText())).toEqual(published);
    expect(await schema.innerText()).toContain('"orderId"');

    await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-type-policies.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('meets WCAG 2 A/AA in the dark scheme too', async () => {
    const { page, problems } = await openPage('dark');
    for (const path of ['/ui/dead-letters', '/ui/dead-letters?limit=1', '/ui/types/order']) {
      await page.goto(`${base}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

// The saga explorer end to end: a real system (NATS, orchestrator, participants), the API served
// over HTTP, and Debian's Chromium driven by playwright-core. Checks what the on-call engineer
// relies on: the list and its filters, the saga page (reason first, compensations), the type page,
// escaping of saga data, no console errors or failed requests under the strict CSP, and axe's
// WCAG 2 A/AA rules in the light and dark schemes.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartLayout } from '../../src/ui/statechart.ts';
import { axeViolations, launchChromium, openPage as openBrowserPage, SCREENSHOTS } from '../support/browser.ts';
import { waitFor } from '../support/nats-server.ts';
import { TestSystem, orderBody } from '../support/system.ts';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

describe('saga explorer (/ui)', () => {
  let sys: TestSystem;
  let base: string;
  let browser: Browser;
  let completedId: string;
  let cancelledId: string;
  let xssId: string;

  beforeAll(async () => {
    sys = await TestSystem.start({ defaultStock: 100 });
    base = await sys.serveApi();
    completedId = sys.startOrder();
    cancelledId = sys.startOrder({ shippingAddress: { line1: '1 Ice Shelf', city: 'McMurdo', postalCode: '0000', country: 'AQ' } });
    xssId = sys.startOrder({ orderId: `<b>x</b>-${Date.now()}` });
    [browser] = await Promise.all([
      launchChromium(),
      sys.waitForStatus(completedId, ['completed']),
      sys.waitForStatus(cancelledId, ['cancelled']),
      sys.waitForStatus(xssId, ['completed']),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.dispose();
  });

  const openPage = (scheme: 'light' | 'dark' = 'light') => openBrowserPage(browser, { scheme });

  it('lists both sagas, filters by status through the form, opens the cancelled saga', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${base}/ui`);
    expect(new URL(page.url()).pathname).toBe('/ui/sagas');
    const rows = page.locator('main table tbody tr');
    const completed = (await sys.orchestrator.engine.get(completedId))!;
    const cancelled = (await sys.orchestrator.engine.get(cancelledId))!;
    await expect.poll(() => rows.count()).toBe(3);
    const text = await page.locator('main').innerText();
    expect(text).toContain(completed.businessKey);
    expect(text).toContain(cancelled.businessKey);
    expect(text).toContain('SHIPPING_UNAVAILABLE');
    // Status is text as well as a symbol: colour or the symbol alone never carries it.
    expect(await page.locator('main table').innerText()).toMatch(/✓ completed[\s\S]*✕ cancelled|✕ cancelled[\s\S]*✓ completed/);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-sagas.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Status').selectOption('cancelled');
    await Promise.all([page.waitForURL(/status=cancelled/), page.getByRole('button', { name: 'Filter' }).click()]);
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(cancelled.businessKey);
    expect(await page.getByLabel('Status').inputValue()).toBe('cancelled');

    // A time range that ends before the cancelled saga began hides it; the form keeps what was typed.
    await page.getByLabel('Created before (UTC)').fill(new Date(cancelled.createdAt).toISOString());
    await Promise.all([page.waitForURL(/createdTo=/), page.getByRole('button', { name: 'Filter' }).click()]);
    expect(await rows.count()).toBe(0);
    expect(await page.getByLabel('Created before (UTC)').inputValue()).toBe(new Date(cancelled.createdAt).toISOString());
    await page.getByLabel('Created from (UTC)').fill(new Date(cancelled.createdAt).toISOString());
    await page.getByLabel('Created before (UTC)').fill('');
    await Promise.all([page.waitForURL(/createdFrom=/), page.getByRole('button', { name: 'Filter' }).click()]);
    expect(await rows.count()).toBe(1);

    await Promise.all([page.waitForURL(/\/ui\/sagas\/[^?]+$/), rows.first().getByRole('link').click()]);
    const main = await page.locator('main').innerText();
    // Why it failed comes before everything else.
    expect(main.indexOf('SHIPPING_UNAVAILABLE')).toBeGreaterThan(-1);
    expect(main.indexOf('SHIPPING_UNAVAILABLE')).toBeLessThan(main.indexOf('Status'));
    const steps = await page.locator('table[aria-labelledby="steps"] tbody tr').allInnerTexts();
    expect(steps.map((r) => r.split('\t').slice(0, 3).join(' | '))).toEqual([
      'reserveInventory | forward | ✓ succeeded',
      'chargePayment | forward | ✓ succeeded',
      'scheduleShipment | forward | ✕ rejected',
      // The rejected shipment left nothing to undo: its compensation is shown as skipped, as the API does.
      'cancelShipment | compensation | – skipped',
      'refundPayment | compensation | ✓ succeeded',
      'releaseInventory | compensation | ✓ succeeded',
    ]);
    const history = await sys.orchestrator.engine.history(cancelledId);
    expect(await page.locator('ol.timeline > li').count()).toBe(history.length);
    expect(await page.locator('#event-1').innerText()).toContain('saga.cmd.inventory.reserve');
    expect(await page.locator(`a[href="/sagas/${cancelledId}/history"]`).count()).toBe(1);
    // The statechart, laid out on the server: where the saga is now and the path it took.
    const chart = page.locator('main svg[role="img"]');
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-labelledby')).toBe('sc-title');
    expect(await page.locator('main svg title').textContent()).toContain('Statechart of order version 1');
    expect(await page.locator('g.sc-node.current[data-key="cancelled"]').count()).toBe(1);
    expect(await page.locator('g.sc-node.current[data-key="cancelled"] text').textContent()).toBe('● cancelled');
    expect(await page.locator('g.sc-node.taken[data-key="scheduleShipment"]').count()).toBe(1);
    expect(await page.locator('g.sc-node.taken[data-key="refundPayment"]').count()).toBe(1);
    expect(await page.locator('g.sc-node.taken[data-state="order.completed"]').count()).toBe(0);
    // A finished saga owes nothing.
    expect(await page.locator('g.sc-node.owed').count()).toBe(0);
    expect(await page.locator('g.sc-edge').count()).toBeGreaterThan(10);
    expect(await page.locator('ul.sc-legend').innerText()).toContain('★ owed');
    const { layoutMs } = await chartLayout('order', sys.sagaTypes.find((t) => t.plugin.name === 'order')!.definitions[0]!);
    console.log(`statechart: first ELK layout of order@1 took ${layoutMs.toFixed(1)} ms`);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-saga.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(/\/ui\/types\/order$/), page.getByRole('link', { name: 'Type: order' }).click()]);
    const type = await page.locator('main').innerText();
    expect(type).toContain('Compensation map');
    expect(type).toContain('order.compensating.cancelShipment.awaiting');
    expect(type).toMatch(/order\.compensating\.cancelShipment\.awaiting\s+refundPayment, releaseInventory/);
    // The type page shows the chart without any saga's overlay.
    expect(await page.locator('main svg[role="img"]').count()).toBe(1);
    expect(await page.locator('g.sc-node[data-key="chargePayment"]').count()).toBe(1);
    expect(await page.locator('g.sc-node.taken, g.sc-node.current, g.sc-node.owed').count()).toBe(0);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-type.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('meets WCAG 2 A/AA in the dark scheme too', async () => {
    const { page, problems } = await openPage('dark');
    for (const path of ['/ui/sagas', `/ui/sagas/${cancelledId}`, '/ui/types/order']) {
      await page.goto(`${base}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders saga data as text, never as markup', async () => {
    const key = (await sys.orchestrator.engine.get(xssId))!.businessKey;
    const { page, problems } = await openPage();
    await page.goto(`${base}/ui/sagas?businessKey=${encodeURIComponent(key)}`);
    expect(await page.locator('main b').count()).toBe(0);
    expect(await page.locator('main table').innerText()).toContain(key);
    await page.goto(`${base}/ui/sagas/${xssId}`);
    expect(await page.locator('main b').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toContain('<b>x</b>');
    expect(problems).toEqual([]);
    await page.close();
    const body = await (await fetch(`${base}/ui/sagas/${xssId}`)).text();
    expect(body).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(body).not.toContain('<b>x</b>');
  });

  it('sends the security headers, a cacheable stylesheet, and HTML error pages', async () => {
    for (const path of ['/ui/sagas', `/ui/sagas/${completedId}`, '/ui/types/order', '/ui/assets/style.css', '/ui/assets/live.js', '/ui/sagas/no-such-saga']) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('content-security-policy'), path).toBe(CSP);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const css = await fetch(`${base}/ui/assets/style.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toContain('max-age=31536000');
    expect(await css.text()).toContain('prefers-color-scheme: dark');

    const redirect = await fetch(`${base}/ui`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, '/ui/sagas']);

    const missing = await fetch(`${base}/ui/sagas/no-such-saga`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await missing.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('No saga with id no-such-saga');
    expect((await fetch(`${base}/ui/types/nope`)).status).toBe(404);

    const bad = await fetch(`${base}/ui/sagas?status=exploded`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/Invalid filter: status: /);
    const badTime = await fetch(`${base}/ui/sagas?createdFrom=last+week`);
    expect(badTime.status).toBe(400);
    expect(await badTime.text()).toMatch(/Invalid filter: createdFrom: must be an ISO 8601 date/);
    // The API itself is unchanged: still problem+json.
    const api = await fetch(`${base}/sagas/no-such-saga`);
    expect([api.status, api.headers.get('content-type')]).toEqual([404, 'application/problem+json']);
  });

  it('marks the compensations a running saga owes on its statechart', async () => {
    await sys.stopParticipant('payment');
    try {
      const id = sys.startOrder();
      await sys.waitForState(id, 'chargePayment');
      const { page, problems } = await openPage();
      await page.goto(`${base}/ui/sagas/${id}`);
      expect(await page.locator('g.sc-node.current[data-key="chargePayment"]').count()).toBe(1);
      expect(await page.locator('g.sc-node.taken[data-key="reserveInventory"]').count()).toBe(1);
      expect(await page.locator('g.sc-node.owed[data-key="releaseInventory"]').count()).toBe(1);
      expect(await page.locator('g.sc-node.owed[data-key="refundPayment"]').count()).toBe(1);
      expect(await page.locator('g.sc-node.owed[data-key="cancelShipment"]').count()).toBe(0);
      expect(await page.locator('g.sc-node.owed[data-key="releaseInventory"] text').first().textContent()).toBe('★ releaseInventory');
      await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-saga-running.png'), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await sys.startParticipant('payment');
    }
  });

  it('lists a saga stuck behind a silent participant, in the API, the metrics and the page', async () => {
    // The saga of the test before finishes first, once payment is back.
    await waitFor(async () => (await sys.orchestrator.engine.list({ status: 'running', limit: 1 })).length === 0, 15_000, 'no saga running');
    await sys.stopParticipant('payment');
    let restarted = false;
    try {
      const id = sys.startOrder();
      // The payment step's budget on the test's policies is a few seconds; queued time does not use it up.
      await waitFor(async () => (await sys.orchestrator.engine.get(id))!.stuck !== null, 15_000, 'the saga to be stuck');
      const listed = (await (await fetch(`${base}/sagas?stuck=true`)).json()) as { items: { sagaId: string; status: string; stuck: { state: string; since: string } | null }[] };
      expect(listed.items.map((i) => i.sagaId)).toEqual([id]);
      expect(listed.items[0]).toMatchObject({ status: 'running', stuck: { state: 'chargePayment' } });
      expect(((await (await fetch(`${base}/sagas?stuck=false&limit=100`)).json()) as { items: unknown[] }).items.length).toBeGreaterThan(1);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/^saga_stuck\{type="order",state="chargePayment"\} 1$/m);

      const { page, problems } = await openPage();
      await page.goto(`${base}/ui/sagas`);
      await page.getByLabel('Stuck only').check();
      await Promise.all([page.waitForURL(/stuck=true/), page.getByRole('button', { name: 'Filter' }).click()]);
      const rows = page.locator('main table tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute('class')).toBe('stuck');
      expect(await rows.first().innerText()).toMatch(/running\s+◔ stuck in chargePayment for /);
      expect(await page.getByLabel('Stuck only').isChecked()).toBe(true);
      // Stuck sagas run or compensate: cancelling them is offered, retrying (parked sagas only) is not.
      expect(await page.getByRole('link', { name: 'Cancel all matching running sagas…' }).getAttribute('href')).toBe('/ui/bulk/cancel?stuck=true');
      expect(await page.getByRole('link', { name: 'Retry all matching parked sagas…' }).count()).toBe(0);
      await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-stuck.png'), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await Promise.all([page.waitForURL(/\/ui\/sagas\/[^?]+$/), rows.first().getByRole('link').click()]);
      expect(await page.locator('section.alert').innerText()).toMatch(/stuck in chargePayment for .*: in state chargePayment longer than its age limit/);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();

      await sys.startParticipant('payment');
      restarted = true;
      await sys.waitForStatus(id, ['completed']);
      expect(((await (await fetch(`${base}/sagas?stuck=true`)).json()) as { items: unknown[] }).items).toEqual([]);
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^saga_stuck\{type="order",state="chargePayment"\} 0$/m);
    } finally {
      if (!restarted) await sys.startParticipant('payment');
    }
  });

  it('updates a running saga page live over Server-Sent Events, without a reload', async () => {
    await sys.stopParticipant('payment');
    let restarted = false;
    try {
      const id = sys.startOrder();
      await sys.waitForState(id, 'chargePayment');
      const { page, problems } = await openPage();
      let navigations = 0;
      page.on('framenavigated', (f) => {
        if (f === page.mainFrame()) navigations++;
      });
      await page.goto(`${base}/ui/sagas/${id}`);
      expect(await page.locator('script[src^="/ui/assets/live.js"]').count()).toBe(1);
      // The first fact is the status.
      expect(await page.locator('dl.facts dd').first().innerText()).toMatch(/running$/);
      await expect.poll(() => page.locator('#live').innerText()).toBe('Live: updates as the saga moves');
      expect(await page.locator('#live').getAttribute('aria-live')).toBe('polite');
      expect(await axeViolations(page)).toEqual([]);
      const before = await page.locator('ol.timeline > li').count();
      await sys.startParticipant('payment');
      restarted = true;
      await expect.poll(() => page.locator('dl.facts dd').first().innerText(), { timeout: 10_000 }).toMatch(/completed$/);
      expect(await page.locator('ol.timeline > li').count()).toBeGreaterThan(before);
      expect(await page.locator('g.sc-node.current[data-state="order.completed"]').count()).toBe(1);
      await expect.poll(() => page.locator('#live').innerText()).toBe('Finished: no more updates');
      // The page was patched in place: one navigation (the goto), no reload.
      expect(navigations).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      if (!restarted) await sys.startParticipant('payment');
    }
  });

  it('shows new and changed sagas on the list live, without a reload', async () => {
    const { page, problems } = await openPage();
    let navigations = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations++;
    });
    await page.goto(`${base}/ui/sagas?type=order&limit=50`);
    await expect.poll(() => page.locator('#live').innerText()).toBe('Live: new and changed sagas appear');
    const rows = page.locator('#list-body tbody tr');
    const before = await rows.count();
    const id = sys.startOrder();
    const key = (await sys.orchestrator.engine.get(id))!.businessKey;
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(before + 1);
    expect(await rows.first().innerText()).toContain(key);
    await sys.waitForStatus(id, ['completed']);
    await expect.poll(() => rows.first().innerText(), { timeout: 10_000 }).toMatch(/✓ completed/);
    expect(navigations).toBe(1);
    // An older page does not follow new sagas.
    await page.goto(`${base}/ui/sagas?limit=1&cursor=${encodeURIComponent((await (await fetch(`${base}/sagas?limit=1`)).json() as { nextCursor: string }).nextCursor)}`);
    expect(await page.locator('#live').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('streams a saga\'s history as Server-Sent Events, resuming after Last-Event-ID', async () => {
    const res = await fetch(`${base}/ui/sagas/${completedId}/events`, { headers: { 'Last-Event-ID': '0' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // The saga is final: the stream ends by itself after `event: final`.
    const body = await res.text();
    const history = await sys.orchestrator.engine.history(completedId);
    expect(body).toContain('id: 1\n');
    expect(body).toContain(`id: ${history.at(-1)!.seq}\n`);
    const first = JSON.parse(/^id: 1\ndata: (.*)$/m.exec(body)![1]!);
    expect(first).toEqual({ seq: 1, type: history[0]!.event_type, status: history[0]!.status, at: history[0]!.at });
    expect(body.match(/^id: /gm)!.length).toBe(history.length);
    expect(body.trimEnd()).toMatch(/event: final\ndata: .*"completed".*$/);
    // Resuming after the last seq: nothing but `final`; without Last-Event-ID, only what is new (nothing here).
    const resumed = await (await fetch(`${base}/ui/sagas/${completedId}/events`, { headers: { 'Last-Event-ID': String(history.at(-1)!.seq) } })).text();
    expect(resumed).not.toMatch(/^id: /m);
    expect(resumed).toContain('event: final');
    const fresh = await (await fetch(`${base}/ui/sagas/${completedId}/events`)).text();
    expect(fresh).not.toMatch(/^id: /m);
    expect(fresh).toContain('event: final');
    const missing = await fetch(`${base}/ui/sagas/no-such-saga/events`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CSP);
  });

  it('pages older sagas through a cursor link', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${base}/ui/sagas?limit=1`);
    const first = await page.locator('main tbody tr').innerText();
    await Promise.all([page.waitForURL(/cursor=/), page.getByRole('link', { name: 'Older' }).click()]);
    expect(await page.locator('main tbody tr').count()).toBe(1);
    expect(await page.locator('main tbody tr').innerText()).not.toBe(first);
    expect(await page.getByRole('link', { name: 'Newest' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});

// The explorer's actions end to end, with ADMIN_TOKEN set: sign-in (HttpOnly, SameSite=Strict
// session cookie), cancel from the saga page through its confirmation, bulk retry of parked sagas
// with the exact selection shown first and a result per saga, and the refusals: an action without
// the operator token, a form with a wrong CSRF token, and a forged form posted from another site.
// Debian's Chromium (playwright-core) against a real system and nats-server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, openPage as openBrowserPage, SCREENSHOTS } from '../support/browser.ts';
import { FAST_STEP, TestSystem } from '../support/system.ts';

const TOKEN = 'operator-token-for-the-ui-test';
/** Refusals the test provokes on purpose: not problems of the page. */
const provoked = (_url: string, status: number | null) => status === 401 || status === 403 || status === 409;

describe('saga explorer actions (/ui, ADMIN_TOKEN set)', () => {
  let sys: TestSystem;
  let base: string;
  let browser: Browser;
  let evil: Server;
  let evilBase: string;
  let forgedTarget = '';
  let failReleases = false;

  beforeAll(async () => {
    // Compensations give up quickly when their participant is away, so sagas park in seconds.
    // While failReleases is set, inventory answers every release FAILED: the compensation exhausts
    // its attempts and the saga parks in needs_attention, where it stays until retried.
    sys = await TestSystem.start({
      defaultStock: 1_000,
      compensation: { ...FAST_STEP, maxAttempts: 2 },
      chaos: { inventory: { failureRate: 1, delayMs: 0, actions: ['releaseInventory'], random: () => (failReleases ? 0 : 1) } },
    });
    base = await sys.serveApi({ adminToken: TOKEN });
    // Another site (localhost, not 127.0.0.1) whose page posts a form to the explorer as soon as it loads.
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><form id="f" method="post" action="${forgedTarget}"><input name="csrf" value="guessed"></form><script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilBase = `http://localhost:${(evil.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => evil?.close(r));
    await sys?.dispose();
  });

  const openPage = async (context?: BrowserContext) => openBrowserPage(context ?? browser, { expected: provoked });

  async function signIn(page: Page, next = '/ui/sagas'): Promise<void> {
    await page.goto(`${base}/ui/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Operator token (ADMIN_TOKEN)').fill(TOKEN);
    await Promise.all([page.waitForURL(`${base}${next}`), page.getByRole('button', { name: 'Sign in' }).click()]);
  }

  /** Orders whose payment is declined and whose stock release then fails: parked in needs_attention. */
  async function parkOrders(n: number): Promise<string[]> {
    failReleases = true;
    const ids = Array.from({ length: n }, (_, i) => {
      sys.payment.domain.setBalance(`parker-${i}`, 1);
      return sys.startOrder({ customerId: `parker-${i}` });
    });
    for (const id of ids) await sys.waitForStatus(id, ['needs_attention'], 15_000);
    failReleases = false;
    return ids;
  }

  it('signs in with the operator token into an HttpOnly, SameSite=Strict session; a wrong token is refused', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${base}/ui/sagas`);
    expect(await page.getByRole('link', { name: 'Sign in to act' }).count()).toBe(1);
    await page.goto(`${base}/ui/sign-in`);
    await page.getByLabel('Operator token (ADMIN_TOKEN)').fill('not-the-token');
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/ui/sign-in') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
    expect(refused.status()).toBe(401);
    expect(await page.getByRole('alert').innerText()).toBe('That is not the operator token.');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-sign-in.png'), fullPage: true });
    expect((await context.cookies()).find((c) => c.name === 'saga_ui_session')).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);

    await signIn(page);
    const session = (await context.cookies()).find((c) => c.name === 'saga_ui_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/ui' });
    expect(session.value).not.toContain(TOKEN);
    const csrf = (await context.cookies()).find((c) => c.name === 'saga_ui_csrf')!;
    expect(csrf).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/ui' });
    expect(await page.locator('form.session').innerText()).toContain('Signed in as operator');
    await Promise.all([page.waitForURL(`${base}/ui/sagas`), page.getByRole('button', { name: 'Sign out' }).click()]);
    expect(await page.getByRole('link', { name: 'Sign in to act' }).count()).toBe(1);
    // After a sign-in, only a page of the explorer is a place to go next.
    await page.goto(`${base}/ui/sign-in?next=${encodeURIComponent('//evil.example/')}`);
    expect(await page.locator('input[name="next"]').getAttribute('value')).toBe('/ui/sagas');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('cancels a running saga from its page, after a confirmation naming the compensations it will run', async () => {
    await sys.stopParticipant('payment');
    let restarted = false;
    try {
      const id = sys.startOrder();
      await sys.waitForState(id, 'chargePayment');
      const { page, problems } = await openPage();
      await signIn(page, `/ui/sagas/${id}`);
      await Promise.all([page.waitForURL(`${base}/ui/sagas/${id}/cancel`), page.getByRole('link', { name: 'Cancel this saga…' }).click()]);
      expect(await page.locator('main').innerText()).toContain('These compensations will run, in this order: refundPayment, releaseInventory.');
      expect((await sys.orchestrator.engine.get(id))!.status).toBe('running');
      await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-cancel.png'), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await Promise.all([page.waitForURL(`${base}/ui/sagas/${id}?done=cancel`), page.getByRole('button', { name: 'Cancel this saga' }).click()]);
      expect(await page.getByRole('status').innerText()).toBe('Cancelled: the saga now undoes what it did.');
      expect((await sys.orchestrator.engine.get(id))!.status).toBe('compensating');
      expect(await page.getByRole('link', { name: 'Cancel this saga…' }).count()).toBe(0);
      await sys.startParticipant('payment');
      restarted = true;
      expect(await sys.waitForStatus(id, ['cancelled'])).toBe('cancelled');
      expect((await sys.orchestrator.engine.get(id))!.reason).toBe('CANCEL_REQUESTED');
      // Cancelling again: the confirmation page says why not.
      const again = await page.goto(`${base}/ui/sagas/${id}/cancel`);
      expect(again!.status()).toBe(409);
      expect(await page.getByRole('alert').innerText()).toMatch(/cancel applies to a saga that is running; this one is cancelled/);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      if (!restarted) await sys.startParticipant('payment');
    }
  });

  it('refuses an action without the operator token, with a wrong CSRF token, and a forged form from another site', async () => {
    await sys.stopParticipant('payment');
    try {
      const id = sys.startOrder();
      await sys.waitForState(id, 'chargePayment');

      // Not signed in: the confirmation offers a sign-in, not a form; a post with this browser's own CSRF token is 401.
      const anonymous = await browser.newContext();
      const { page: anon } = await openPage(anonymous);
      await anon.goto(`${base}/ui/sagas/${id}/cancel`);
      expect(await anon.locator('form.confirm').count()).toBe(0);
      expect(await anon.getByRole('alert').innerText()).toContain('Actions need the operator token.');
      expect(await axeViolations(anon)).toEqual([]);
      const csrf = (await anonymous.cookies()).find((c) => c.name === 'saga_ui_csrf')!.value;
      const post = (page: Page, body: string) =>
        page.evaluate(
          async ([url, b]) => {
            const r = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: b });
            return { status: r.status, text: await r.text() };
          },
          [`${base}/ui/sagas/${id}/cancel`, body],
        );
      const unsigned = await post(anon, `csrf=${csrf}`);
      expect(unsigned.status).toBe(401);
      expect(unsigned.text).toContain('sign in with the operator token');
      await anonymous.close();

      // Signed in, but the form's token is not this browser's.
      const operator = await browser.newContext();
      const { page } = await openPage(operator);
      await signIn(page);
      const wrong = await post(page, 'csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      expect(wrong.status).toBe(403);
      expect(wrong.text).toContain('CSRF token is missing or not this browser');
      // And a form on another site, posted by the signed-in browser.
      forgedTarget = `${base}/ui/sagas/${id}/cancel`;
      const [forged] = await Promise.all([page.waitForResponse((r) => r.url() === forgedTarget), page.goto(evilBase)]);
      expect(forged.status()).toBe(403);
      await page.waitForURL(forgedTarget);
      expect(await page.getByRole('alert').innerText()).toBe('a form posted from another site is refused');
      await operator.close();

      // Nothing happened to the saga.
      expect((await sys.orchestrator.engine.get(id))!.status).toBe('running');
      expect((await sys.orchestrator.engine.history(id)).map((h) => h.event_type)).not.toContain('CANCEL');
    } finally {
      await sys.startParticipant('payment');
    }
  });

  it('retries every parked saga of a filter: the exact selection first, then a result per saga, nothing else touched', async () => {
    const parked = await parkOrders(2);
    const { page, problems } = await openPage();
    await signIn(page, '/ui/sagas?status=needs_attention');
    await Promise.all([page.waitForURL(/\/ui\/bulk\/retry/), page.getByRole('link', { name: 'Retry all matching parked sagas…' }).click()]);
    expect(await page.locator('#bulk-count').innerText()).toMatch(/^2 sagas match now\./);
    expect(await page.locator('main dl.facts').innerText()).toMatch(/Status\s+needs attention/);
    const listed = await page.locator('main table tbody tr a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(listed.sort()).toEqual(parked.map((id) => `/ui/sagas/${id}`).sort());
    await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-bulk-retry.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // A saga parked after the selection was shown is not part of it.
    const [late] = await parkOrders(1);
    await Promise.all([page.waitForURL(`${base}/ui/bulk/retry`), page.getByRole('button', { name: 'Retry these 2 sagas' }).click()]);
    expect(await page.locator('#bulk-summary').innerText()).toBe('2 done, 0 not applicable, 0 failed, of 2.');
    expect((await page.locator('main table tbody tr').allInnerTexts()).map((r) => r.split('\t')[1])).toEqual(['✓ done', '✓ done']);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-bulk-result.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    for (const id of parked) expect(await sys.waitForStatus(id, ['cancelled'])).toBe('cancelled');
    expect((await sys.orchestrator.engine.get(late!))!.status).toBe('needs_attention');

    // The same through the API: a dry run shows the selection, acting on it reports each saga.
    const api = (body: object, token = TOKEN) =>
      fetch(`${base}/bulk-actions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await api({ action: 'retry', dryRun: true }, 'wrong')).status).toBe(401);
    const dry = (await (await api({ action: 'retry', filter: { type: 'order' }, dryRun: true })).json()) as { count: number; sagas: { sagaId: string }[]; results: null };
    expect(dry).toMatchObject({ count: 1, results: null });
    expect(dry.sagas.map((s) => s.sagaId)).toEqual([late]);
    const acted = (await (await api({ action: 'retry', filter: { type: 'order' }, sagaIds: [late, parked[0]] })).json()) as { results: { sagaId: string; result: string; code: string | null }[] };
    expect(acted.results).toEqual([
      { sagaId: late, businessKey: expect.any(String), result: 'done', code: null, detail: null },
      { sagaId: parked[0], businessKey: expect.any(String), result: 'not_applicable', code: 'NO_LONGER_MATCHES', detail: expect.stringContaining('it is') },
    ]);
    expect(await sys.waitForStatus(late!, ['cancelled'])).toBe('cancelled');
    const bad = await api({ action: 'cancel', filter: { status: 'completed' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/cancel applies to running sagas only/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

// The saga page's timeline end to end (issue 17): a real system, the API served over HTTP and
// Debian's Chromium. Each event shows its time, a duration bar (no inline styles) with the duration
// as text, what it sent, and the context change it made, replayed on the server; the saga and its
// history download as one JSON document. No console errors or failed requests under the strict CSP,
// and axe's WCAG 2 A/AA rules in the light and dark schemes, with a diff open.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextDiffs } from '../../src/ui/context-diff.ts';
import { axeViolations, launchChromium, openPage as openBrowserPage, SCREENSHOTS } from '../support/browser.ts';
import { TestSystem } from '../support/system.ts';

/** The export document: the API's saga body and history bodies. */
interface Export {
  saga: { sagaId: string; status: string; steps: { name: string; status: string }[] };
  history: { seq: number; type: string; status: string; ignored: boolean }[];
}

describe('saga page timeline (/ui/sagas/:id)', () => {
  let sys: TestSystem;
  let base: string;
  let browser: Browser;
  let completedId: string;

  beforeAll(async () => {
    sys = await TestSystem.start({ defaultStock: 100 });
    base = await sys.serveApi();
    completedId = sys.startOrder();
    [browser] = await Promise.all([
      launchChromium(),
      sys.waitForStatus(completedId, ['completed']),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.dispose();
  });

  const openPage = (scheme: 'light' | 'dark' = 'light') => openBrowserPage(browser, { scheme, acceptDownloads: true, expected: (url, status) => status === null && url.endsWith('/export.json') });

  it('shows each event with its time, a duration bar, what it sent, and its context diff', async () => {
    const history = await sys.orchestrator.engine.history(completedId);
    const saga = (await sys.orchestrator.engine.get(completedId))!;
    const def = sys.sagaTypes.find((t) => t.plugin.name === 'order')!.definitions.find((d) => d.version === saga.version)!;
    const diffs = contextDiffs(def, saga, history);
    // The event that saw the inventory reserved: its diff is what the page must show.
    const reserved = history.find((h) => diffs.get(h.seq)!.some((c) => c.path === 'steps.reserveInventory.status' && c.after === 'succeeded'))!;
    expect(reserved).toBeDefined();

    const { page, problems } = await openPage();
    await page.goto(`${base}/ui/sagas/${completedId}`);
    const events = page.locator('ol.timeline > li');
    expect(await events.count()).toBe(history.length);
    expect(await page.locator('.diff-unavailable').count()).toBe(0);
    // The CSP allows no inline styles, and the page uses none.
    expect(await page.locator('[style]').count()).toBe(0);

    for (const [i, h] of history.entries()) {
      const li = page.locator(`#event-${h.seq}`);
      expect(await li.locator(`a[href="#event-${h.seq}"]`).count()).toBe(1);
      expect(await li.locator('time').first().getAttribute('datetime')).toBe(new Date(h.at).toISOString());
      const next = history[i + 1];
      if (next) {
        // Each bar's width is its share of the longest gap, and the gap is written out too.
        const width = Number(await li.locator('svg.bar rect.fill').getAttribute('width'));
        expect(width).toBeGreaterThan(0);
        expect(width).toBeLessThanOrEqual(100);
        expect(await li.locator('svg.bar').getAttribute('aria-hidden')).toBe('true');
        expect(await li.locator('.took').innerText()).toMatch(new RegExp(`^\\d+(\\.\\d)? (ms|s|min \\d+ s) until #${next.seq}$`));
      } else {
        // The saga finished with its last event: nothing runs after it.
        expect(await li.locator('svg.bar').count()).toBe(0);
      }
    }
    const gaps = history.slice(0, -1).map((h, i) => history[i + 1]!.at - h.at);
    const longest = history[gaps.indexOf(Math.max(...gaps))]!;
    expect(await page.locator(`#event-${longest.seq} svg.bar rect.fill`).getAttribute('width')).toBe('100.00');

    expect(await page.locator('#event-1').innerText()).toContain('saga.cmd.inventory.reserve');
    const details = page.locator(`#event-${reserved.seq} details.diff`);
    const rows = details.locator('tbody tr');
    expect(await rows.first().isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.getAttribute('open')).not.toBeNull();
    expect(await rows.first().isVisible()).toBe(true);
    const cells = (await rows.allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()).join(' | '));
    expect(cells).toContain('steps.reserveInventory.status | "running" | "succeeded"');
    expect(cells).toContain('steps.chargePayment.status | "pending" | "running"');
    // Times read as times, not as epoch milliseconds.
    expect(cells.find((c) => c.startsWith('steps.reserveInventory.finishedAt'))).toMatch(/^steps\.reserveInventory\.finishedAt \| null \| 20\d\d-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC$/);
    expect(cells).toHaveLength(diffs.get(reserved.seq)!.length);
    expect(await details.locator('summary').innerText()).toBe(`Context change: ${cells.length} fields`);
    expect(await details.locator('thead').innerText()).toMatch(/Path\s+Before\s+After/);
    await page.locator(`#event-${reserved.seq}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(SCREENSHOTS, 'ui-timeline.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // Following an event's link lands on it.
    await page.locator(`#event-${reserved.seq} > a`).click();
    expect(new URL(page.url()).hash).toBe(`#event-${reserved.seq}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('meets WCAG 2 A/AA in the dark scheme, with a diff open', async () => {
    const { page, problems } = await openPage('dark');
    await page.goto(`${base}/ui/sagas/${completedId}`);
    await page.locator('details.diff summary').first().click();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('downloads the saga and all its history as one JSON document', async () => {
    const history = await sys.orchestrator.engine.history(completedId);
    const { page, problems } = await openPage();
    await page.goto(`${base}/ui/sagas/${completedId}`);
    const link = page.locator('dl.facts').getByRole('link', { name: 'download' });
    expect(await link.getAttribute('href')).toBe(`/ui/sagas/${completedId}/export.json`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`saga-${completedId}.json`);
    const doc = JSON.parse(readFileSync(await download.path(), 'utf8')) as Export;
    expect(doc.saga.sagaId).toBe(completedId);
    expect(doc.saga.status).toBe('completed');
    expect(doc.saga.steps.map((s) => `${s.name}:${s.status}`)).toEqual(['reserveInventory:succeeded', 'chargePayment:succeeded', 'scheduleShipment:succeeded']);
    expect(doc.history.map((h) => h.seq)).toEqual(history.map((h) => h.seq));
    expect(doc.history.map((h) => h.type)).toEqual(history.map((h) => h.event_type));
    // The same bodies as the API's own JSON.
    const api = (await (await fetch(`${base}/sagas/${completedId}/history`)).json()) as unknown;
    expect(JSON.stringify(api)).toContain(JSON.stringify(doc.history[0]));
    expect(problems).toEqual([]);
    await page.close();

    const res = await fetch(`${base}/ui/sagas/${completedId}/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="saga-${completedId}.json"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(((await res.json()) as Export).history).toHaveLength(history.length);
    expect((await fetch(`${base}/ui/sagas/no-such-saga/export.json`)).status).toBe(404);
  });
});

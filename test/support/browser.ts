// Debian's Chromium driven by playwright-core, for the explorer's browser tests: a page that
// records what went wrong on it, and axe-core's WCAG 2 A/AA rules. Never downloads a browser.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { waitFor } from './nats-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the tests write the screenshots the README shows. */
export const SCREENSHOTS = resolve(ROOT, 'docs/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const axeSource = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The part of axe.run's result the tests read. */
interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** Launches headless Chromium, waiting for the package if CI is still installing it alongside the suite. */
export async function launchChromium(): Promise<Browser> {
  await waitFor(() => existsSync(CHROMIUM), 20_000, `${CHROMIUM} to exist`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}

/**
 * A page that records console errors, page errors, failed requests and responses >= 400 in
 * `problems` (CSP violations show up as console errors). `expected` filters responses a test provokes.
 */
export async function openPage(
  browser: Pick<Browser, 'newPage'>,
  options: { scheme?: 'light' | 'dark'; acceptDownloads?: boolean; expected?: (url: string, status: number | null) => boolean } = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ colorScheme: options.scheme ?? 'light', viewport: { width: 1280, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
  const expected = options.expected ?? (() => false);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium also logs each response >= 400 to the console: expected ones are not problems there either.
    const status = /server responded with a status of (\d{3})/.exec(m.text())?.[1];
    if (status !== undefined && expected(m.location().url, Number(status))) return;
    problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Leaving a page aborts its live-update stream, and its favicon fetch if that had not finished: not failures.
    if (r.failure()?.errorText === 'net::ERR_ABORTED' && /\/ui\/(assets\/favicon\.svg|(sagas\/[^/?]+\/|sagas\/)events)(\?|$)/.test(new URL(r.url()).pathname + '?')) return;
    if (!expected(r.url(), null)) problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !expected(r.url(), r.status())) problems.push(`${r.status()}: ${r.url()}`);
  });
  return { page, problems };
}

/** Runs axe's WCAG 2 A and AA rules on the page; evaluating the source over CDP is not subject to the page's CSP. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(o: object): Promise<AxeResults> } }).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }),
  );
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

import { Router } from '@koa/router';

/** One readiness condition; false or a throw means not ready (the throw's message is the detail). */
export interface ReadinessCheck {
  name: string;
  check: () => boolean | Promise<boolean>;
}

/** How long one readiness check may take by default: all run at once, so /readyz answers well inside 1 s. */
export const READINESS_TIMEOUT_MS = 800;

export interface HealthOptions {
  /** Deadline of each readiness check; one that has not settled by then fails with `timed out after N ms`. */
  checkTimeoutMs?: number;
}

/**
 * Runs one check under its deadline. A check that loses the race is left to settle on its own:
 * the race holds its handlers, so a late rejection is not unhandled. A check that blocks the event
 * loop synchronously cannot be bounded this way.
 */
async function run(c: ReadinessCheck, timeoutMs: number): Promise<{ name: string; ok: boolean; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return { name: c.name, ok: await Promise.race([c.check(), deadline]) };
  } catch (err) {
    return { name: c.name, ok: false, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /healthz (the process answers) and GET /readyz (every check passes; otherwise 503
 * application/problem+json naming the failing checks). Shared by all four processes. The checks run
 * concurrently, each bounded by `checkTimeoutMs` (default READINESS_TIMEOUT_MS), so a frozen
 * dependency gives a 503 naming it instead of a hanging request.
 */
export function healthRoutes(checks: readonly ReadinessCheck[], options: HealthOptions = {}): Router {
  const timeoutMs = options.checkTimeoutMs ?? READINESS_TIMEOUT_MS;
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const results = await Promise.all(checks.map((c) => run(c, timeoutMs)));
    const failing = results.filter((r) => !r.ok);
    const summary = Object.fromEntries(results.map((r) => [r.name, r.ok ? 'ok' : 'failing']));
    if (failing.length === 0) {
      ctx.body = { status: 'ok', checks: summary };
      return;
    }
    ctx.status = 503;
    ctx.type = 'application/problem+json';
    ctx.body = {
      type: 'urn:saga:problem:not-ready',
      title: 'NOT_READY',
      status: 503,
      code: 'NOT_READY',
      detail: `not ready: ${failing.map((f) => (f.detail ? `${f.name} (${f.detail})` : f.name)).join(', ')}`,
      checks: summary,
    };
  });
  return router;
}

import { Router } from '@koa/router';

/** One readiness condition; false or a throw means not ready (the throw's message is the detail). */
export interface ReadinessCheck {
  name: string;
  check: () => boolean | Promise<boolean>;
}

async function run(c: ReadinessCheck): Promise<{ name: string; ok: boolean; detail?: string }> {
  try {
    return { name: c.name, ok: await c.check() };
  } catch (err) {
    return { name: c.name, ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * GET /healthz (the process answers) and GET /readyz (every check passes; otherwise 503
 * application/problem+json naming the failing checks). Shared by all four processes.
 */
export function healthRoutes(checks: readonly ReadinessCheck[]): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const results = await Promise.all(checks.map(run));
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

import Koa from 'koa';
import { healthRoutes, type ReadinessCheck } from '../http/health.ts';

export type { ReadinessCheck };

/** The participant's HTTP surface: liveness and readiness. */
export function createHealthApp(checks: readonly ReadinessCheck[]): Koa {
  const router = healthRoutes(checks);
  const app = new Koa();
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

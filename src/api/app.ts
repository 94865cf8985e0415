import Router from '@koa/router';
import Koa from 'koa';
import type { SagaEngine, SagaView, Logger } from '../engine/index.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { healthRoutes, type ReadinessCheck } from '../http/health.ts';
import { problemMiddleware } from '../http/problem.ts';
import { readJsonBody } from '../http/json-body.ts';


export interface ApiOptions {
  engine: SagaEngine;
  logger: Logger;
  readiness: readonly ReadinessCheck[];
  bodyLimitBytes?: number;
}

const IDEMPOTENCY_KEY_MAX = 200;

function sagaBody(s: SagaView) {
  return {
    sagaId: s.id,
    type: s.type,
    version: s.version,
    status: s.status,
    reason: s.reason,
    order: s.input,
    state: s.state,
    steps: s.steps.filter((st) => !st.compensation).map(stepBody),
    compensations: s.steps.filter((st) => st.compensation && st.status !== 'pending').map(stepBody),
    createdAt: new Date(s.createdAt).toISOString(),
    updatedAt: new Date(s.updatedAt).toISOString(),
    finishedAt: s.finishedAt === null ? null : new Date(s.finishedAt).toISOString(),
  };
}

function stepBody(st: SagaView['steps'][number]) {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return { name: st.name, status: st.status, attempts: st.attempts, lastError: st.lastError, startedAt: iso(st.startedAt), finishedAt: iso(st.finishedAt) };
}

/** The orchestrator's HTTP API: thin routes that validate, call one engine use case, map errors centrally. */
export function createApi(options: ApiOptions): Koa {
  const { engine, logger } = options;
  const app = new Koa();
  app.proxy = false;
  const router = new Router();

  router.post('/orders', async (ctx) => {
    const body = await readJsonBody(ctx, options.bodyLimitBytes);
    const key = ctx.get('idempotency-key') || undefined;
    if (key !== undefined && key.length > IDEMPOTENCY_KEY_MAX) {
      throw new InvalidInputError('INVALID_INPUT', `Idempotency-Key: at most ${IDEMPOTENCY_KEY_MAX} characters`);
    }
    const { saga, created } = engine.start('order', body, { idempotencyKey: key, trace: traceOf(ctx) });
    ctx.status = created ? 202 : 200;
    ctx.set('Location', `/sagas/${saga.id}`);
    ctx.body = { sagaId: saga.id, orderId: saga.businessKey, status: saga.status };
  });

  router.get('/sagas/:id', (ctx) => {
    const saga = engine.get(ctx.params.id!);
    if (!saga) return notFound(ctx.params.id!);
    ctx.body = sagaBody(saga);
  });

  router.get('/sagas/:id/history', (ctx) => {
    const saga = engine.get(ctx.params.id!);
    if (!saga) return notFound(ctx.params.id!);
    ctx.body = {
      sagaId: saga.id,
      events: engine.history(saga.id).map((h) => ({
        seq: h.seq,
        at: new Date(h.at).toISOString(),
        event: JSON.parse(h.event) as unknown,
        state: JSON.parse(h.state) as unknown,
        status: h.status,
        sent: JSON.parse(h.effects) as unknown,
        ignored: h.ignored === 1,
      })),
    };
  });

  router.post('/sagas/:id/cancel', (ctx) => {
    ctx.status = 202;
    ctx.body = sagaBody(engine.cancel(ctx.params.id!));
  });

  router.post('/sagas/:id/retry', (ctx) => {
    ctx.status = 202;
    ctx.body = sagaBody(engine.retry(ctx.params.id!));
  });

  app.use(problemMiddleware(logger));
  const health = healthRoutes(options.readiness);
  app.use(health.routes());
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

function notFound(id: string): never {
  throw new NotFoundError('SAGA_NOT_FOUND', `no saga ${id}`);
}

function traceOf(ctx: Koa.Context): { traceparent?: string; tracestate?: string } {
  const traceparent = ctx.get('traceparent');
  const tracestate = ctx.get('tracestate');
  return {
    ...(/^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/.test(traceparent) ? { traceparent } : {}),
    ...(tracestate && tracestate.length < 512 ? { tracestate } : {}),
  };
}

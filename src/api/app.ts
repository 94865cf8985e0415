import Router from '@koa/router';
import Koa from 'koa';
import type { Registry } from 'prom-client';
import type { SagaEngine, Logger } from '../engine/index.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { requireBearer } from '../http/auth.ts';
import { tracingMiddleware, type TracedState } from '../http/tracing.ts';
import { noSpans, type Spans } from '../telemetry/spans.ts';
import { healthRoutes, type ReadinessCheck } from '../http/health.ts';
import { problemMiddleware } from '../http/problem.ts';
import { readJsonBody } from '../http/json-body.ts';
import type { DeadLettersReader } from '../messaging/index.ts';
import { encodeCursor, parseDeadLetterQuery, parseListQuery } from './list-query.ts';
import { openApiDocument } from './openapi.ts';
import { historyBody, sagaBody, summaryBody } from './presenters.ts';

export interface ApiOptions {
  engine: SagaEngine;
  logger: Logger;
  readiness: readonly ReadinessCheck[];
  /** Prometheus registry served at GET /metrics. */
  metrics: Registry;
  /** A server span per request; none by default. */
  spans?: Spans;
  /** When set, operator actions (cancel, retry) need `Authorization: Bearer <token>`. */
  adminToken?: string;
  bodyLimitBytes?: number;
  /** Serves GET /dead-letters (the SAGA_DLQ stream, newest first); the route is absent without it. */
  deadLetters?: Pick<DeadLettersReader, 'list'>;
}

const IDEMPOTENCY_KEY_MAX = 200;

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
    const trace = (ctx.state as TracedState).trace;
    const { saga, created } = await engine.submit((e) => e.start('order', body, { idempotencyKey: key, trace }));
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
    ctx.body = { sagaId: saga.id, events: engine.history(saga.id).map(historyBody) };
  });

  router.get('/metrics', async (ctx) => {
    ctx.type = options.metrics.contentType;
    ctx.body = await options.metrics.metrics();
  });

  const openapi = openApiDocument();
  router.get('/openapi.json', (ctx) => {
    ctx.body = openapi;
  });

  router.get('/sagas', (ctx) => {
    const q = parseListQuery(ctx.query);
    // One extra row tells whether another page exists without a count query.
    const rows = engine.list({ ...q, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    ctx.body = {
      items: page.map(summaryBody),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  });

  const { deadLetters } = options;
  if (deadLetters) {
    router.get('/dead-letters', async (ctx) => {
      const q = parseDeadLetterQuery(ctx.query);
      const page = await deadLetters.list(q.limit, q.beforeSeq);
      ctx.body = { items: page.items, nextCursor: page.nextCursor === null ? null : String(page.nextCursor) };
    });
  }

  const operator = requireBearer(options.adminToken);
  router.post('/sagas/:id/cancel', operator, async (ctx) => {
    const trace = (ctx.state as TracedState).trace;
    const saga = await engine.submit((e) => e.cancel(ctx.params.id!, trace));
    ctx.status = 202;
    ctx.body = sagaBody(saga);
  });

  router.post('/sagas/:id/retry', operator, async (ctx) => {
    const trace = (ctx.state as TracedState).trace;
    const saga = await engine.submit((e) => e.retry(ctx.params.id!, trace));
    ctx.status = 202;
    ctx.body = sagaBody(saga);
  });

  app.use(tracingMiddleware(options.spans ?? noSpans));
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

import Router from '@koa/router';
import Koa, { type Context } from 'koa';
import type { Registry } from 'prom-client';
import type { RegisteredSagaType } from '../../sagas/kit/index.ts';
import { runBulk, selectForBulk, type SagaEngine, type SagaView, type Logger } from '../engine/index.ts';
import { ConflictError, InvalidInputError, NotFoundError, SagaError } from '../errors.ts';
import { requireBearer } from '../http/auth.ts';
import { tracingMiddleware, type TracedState } from '../http/tracing.ts';
import { noSpans, type Spans } from '../telemetry/spans.ts';
import { healthRoutes, type ReadinessCheck } from '../http/health.ts';
import { problemMiddleware } from '../http/problem.ts';
import { readJsonBody } from '../http/body.ts';
import type { DeadLettersReader } from '../messaging/index.ts';
import { parseBulkBody } from './bulk-body.ts';
import { encodeCursor, parseDeadLetterQuery, parseListQuery } from './list-query.ts';
import { openApiDocument } from './openapi.ts';
import { historyBody, sagaBody, sagaTypeBody, summaryBody, type SagaAlias } from './presenters.ts';
import { uiRoutes } from '../ui/routes.ts';
import { uiAccess } from '../ui/access.ts';

export interface ApiOptions {
  engine: SagaEngine;
  /** The types POST /sagas/{type} starts, GET /saga-types lists and the OpenAPI document describes (sagas/registry.ts). */
  sagaTypes: readonly RegisteredSagaType[];
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

/** First path segments the API serves itself: no alias may take them. */
const OWN_PATHS = ['sagas', 'saga-types', 'dead-letters', 'bulk-actions', 'metrics', 'openapi.json', 'healthz', 'readyz', 'ui'];
/** Fields every saga view has: an alias field of the same name would overwrite one. */
const VIEW_FIELDS = ['sagaId', 'type', 'version', 'status', 'reason', 'businessKey', 'input', 'state', 'steps', 'compensations', 'createdAt', 'updatedAt', 'finishedAt'];

/** The orchestrator's HTTP API: thin routes that validate, call one engine use case, map errors centrally. */
export function createApi(options: ApiOptions): Koa {
  const { engine, logger, sagaTypes } = options;
  const types = new Map(sagaTypes.map((t) => [t.plugin.name, t]));
  const aliases = aliasesOf(sagaTypes);
  const aliasOf = (s: { type: string }) => aliases.get(s.type);
  const app = new Koa();
  app.proxy = false;
  const router = new Router();

  /** Starts a saga of `type` from the request: 202 when created, 200 when an earlier request with this Idempotency-Key did. */
  async function start(ctx: Context, type: string): Promise<SagaView> {
    const body = await readJsonBody(ctx, options.bodyLimitBytes);
    const key = ctx.get('idempotency-key') || undefined;
    if (key !== undefined && key.length > IDEMPOTENCY_KEY_MAX) {
      throw new InvalidInputError('INVALID_INPUT', `Idempotency-Key: at most ${IDEMPOTENCY_KEY_MAX} characters`);
    }
    const trace = (ctx.state as TracedState).trace;
    const { saga, created } = await engine.startSaga(type, body, { idempotencyKey: key, trace });
    // Keys are unique across types and the stored request hash covers the body only: the same key
    // and body sent for another type is a different request.
    if (!created && saga.type !== type) throw new ConflictError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request');
    ctx.status = created ? 202 : 200;
    ctx.set('Location', `/sagas/${saga.id}`);
    return saga;
  }

  router.post('/sagas/:type', async (ctx) => {
    const type = ctx.params.type!;
    if (!types.has(type)) {
      throw new NotFoundError('UNKNOWN_SAGA_TYPE', `no saga type ${JSON.stringify(type.slice(0, 100))}; known types: ${[...types.keys()].join(', ')}`);
    }
    const saga = await start(ctx, type);
    ctx.body = { sagaId: saga.id, type: saga.type, businessKey: saga.businessKey, status: saga.status };
  });

  for (const [type, alias] of aliases) {
    router.post(`/${alias.path}`, async (ctx) => {
      const saga = await start(ctx, type);
      ctx.body = { sagaId: saga.id, [alias.businessKeyField]: saga.businessKey, status: saga.status };
    });
  }

  const sagaTypesBody = { items: sagaTypes.map(sagaTypeBody) };
  router.get('/saga-types', (ctx) => {
    ctx.body = sagaTypesBody;
  });

  router.get('/sagas/:id', async (ctx) => {
    const saga = await engine.get(ctx.params.id!);
    if (!saga) return notFound(ctx.params.id!);
    ctx.body = sagaBody(saga, aliasOf(saga));
  });

  router.get('/sagas/:id/history', async (ctx) => {
    const saga = await engine.get(ctx.params.id!);
    if (!saga) return notFound(ctx.params.id!);
    ctx.body = { sagaId: saga.id, events: (await engine.history(saga.id)).map(historyBody) };
  });

  router.get('/metrics', async (ctx) => {
    ctx.type = options.metrics.contentType;
    ctx.body = await options.metrics.metrics();
  });

  const openapi = openApiDocument(sagaTypes);
  router.get('/openapi.json', (ctx) => {
    ctx.body = openapi;
  });

  router.get('/sagas', async (ctx) => {
    const q = parseListQuery(ctx.query);
    // One extra row tells whether another page exists without a count query.
    const rows = await engine.list({ ...q, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    ctx.body = {
      items: page.map((s) => summaryBody(s, aliasOf(s))),
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
    const saga = await engine.submit((e) => e.cancel(ctx.params.id!, trace), { sagaIds: [ctx.params.id!] });
    ctx.status = 202;
    ctx.body = sagaBody(saga, aliasOf(saga));
  });

  router.post('/sagas/:id/retry', operator, async (ctx) => {
    const trace = (ctx.state as TracedState).trace;
    const saga = await engine.submit((e) => e.retry(ctx.params.id!, trace), { sagaIds: [ctx.params.id!] });
    ctx.status = 202;
    ctx.body = sagaBody(saga, aliasOf(saga));
  });

  // Cancel or retry every saga a filter selects. A dry run lists the selection (the exact ids); sending
  // those ids back acts on them only, one by one, with a result per saga.
  router.post('/bulk-actions', operator, async (ctx) => {
    const req = parseBulkBody(await readJsonBody(ctx, options.bodyLimitBytes));
    const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
    const base = { action: req.action, filter: { ...req.filter, createdFrom: iso(req.filter.createdFrom), createdTo: iso(req.filter.createdTo) }, dryRun: req.dryRun };
    if (req.dryRun) {
      const sagas = await selectForBulk(engine, req.action, req.filter);
      ctx.body = { ...base, count: sagas.length, sagas: sagas.map((s) => summaryBody(s, aliasOf(s))), results: null };
      return;
    }
    const ids = req.sagaIds ?? (await selectForBulk(engine, req.action, req.filter)).map((s) => s.id);
    const results = await runBulk(engine, req.action, req.filter, ids, { logger, trace: (ctx.state as TracedState).trace });
    ctx.body = { ...base, count: results.length, sagas: null, results };
  });

  app.use(tracingMiddleware(options.spans ?? noSpans));
  app.use(problemMiddleware(logger));
  const health = healthRoutes(options.readiness);
  app.use(health.routes());
  // The saga explorer (HTML pages under /ui): it renders its own errors as HTML pages.
  app.use(uiRoutes({ engine, sagaTypes, logger, deadLetters: options.deadLetters, access: uiAccess(options.adminToken) }).routes());
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

function notFound(id: string): never {
  throw new NotFoundError('SAGA_NOT_FOUND', `no saga ${id}`);
}

/**
 * Each aliased type's alias, refused at startup if it would shadow a route of the API or another
 * alias, or overwrite a field of the saga views.
 */
function aliasesOf(sagaTypes: readonly RegisteredSagaType[]): Map<string, SagaAlias> {
  const out = new Map<string, SagaAlias>();
  const paths = new Set(OWN_PATHS);
  for (const { plugin } of sagaTypes) {
    const alias = plugin.alias;
    if (!alias) continue;
    const wrong = (what: string) => new SagaError('bug', 'INVALID_SAGA_ALIAS', `saga type "${plugin.name}": alias ${what}`);
    if (!/^[a-z][a-z0-9-]*$/.test(alias.path) || paths.has(alias.path)) throw wrong(`path "${alias.path}" is not a free single path segment`);
    for (const field of [alias.businessKeyField, alias.inputField]) {
      if (VIEW_FIELDS.includes(field)) throw wrong(`field "${field}" is already a field of every saga view`);
    }
    paths.add(alias.path);
    out.set(plugin.name, alias);
  }
  return out;
}

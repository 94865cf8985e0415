import { Router } from '@koa/router';
import Koa from 'koa';
import { z } from 'zod';
import type { Context, Middleware } from 'koa';
import { InvalidInputError } from '../../errors.ts';
import { requireBearer } from '../../http/auth.ts';
import { healthRoutes, type ReadinessCheck } from '../../http/health.ts';
import { DEFAULT_BODY_LIMIT_BYTES, readJsonBody } from '../../http/body.ts';
import { problemMiddleware } from '../../http/problem.ts';
import { silentLogger, type Logger } from '../../logger.ts';
import { tracingMiddleware } from '../../http/tracing.ts';
import { noSpans, type Spans } from '../../telemetry/spans.ts';

export type { ReadinessCheck };

/** Where GET /metrics reads from; kept to this shape so the HTTP layer does not depend on a metrics library. */
export interface MetricsSource {
  readonly contentType: string;
  render(): Promise<string>;
}

/** What a participant's routes get from the kit: the admin guard, checked input, and durable writes. */
export interface RouteKit {
  /** Middleware that requires `Authorization: Bearer <ADMIN_TOKEN>` when one is configured: put it on writes. */
  guard: Middleware;
  /** A path parameter, checked: not blank, at most 200 characters, no control characters (else 400). */
  pathParam(ctx: { params: Record<string, string | undefined> }, name: string): string;
  /** The JSON body, size-limited and validated by `schema` (else 400/413 naming the field). */
  body<T>(ctx: Context, schema: z.ZodType<T>): Promise<T>;
  /** Resolves once the database's commits are on disk: answer a write only then. */
  durable(): Promise<void>;
}

/** Adds one participant's routes to the app's router. */
export type ParticipantRoutes = (router: Router, kit: RouteKit) => void;

export interface ParticipantAppOptions {
  /** Each participant's read (and admin write) routes. */
  routes: readonly ParticipantRoutes[];
  /** Readiness checks for GET /readyz. */
  checks: readonly ReadinessCheck[];
  metrics: MetricsSource;
  /** When set, write endpoints require `Authorization: Bearer <adminToken>`; reads stay open. */
  adminToken?: string | undefined;
  logger?: Logger;
  /** Largest accepted request body (413 above); default 64 KiB. */
  bodyLimitBytes?: number;
  /** A server span per request; none by default. */
  spans?: Spans;
  /** Resolves once the database's commits are on disk: a write is answered only then. None by default. */
  durable?: () => Promise<void>;
}

/** Ids in paths are stored as-is, so they get the same bound as other free-text keys in the system. */
const PARAM_MAX_LENGTH = 200;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A path parameter, checked: not blank, at most 200 characters, no control characters. */
export function pathParam(params: Record<string, string | undefined>, name: string): string {
  const value = params[name] ?? '';
  if (value.trim() === '' || value.length > PARAM_MAX_LENGTH || CONTROL_CHARACTERS.test(value)) {
    throw new InvalidInputError(
      'INVALID_INPUT',
      `${name}: must be 1 to ${PARAM_MAX_LENGTH} characters, not blank, without control characters`,
    );
  }
  return value;
}

/** Validates a parsed JSON body; the error names the first offending field (unknown fields by name). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const fields = issue.keys.map((k) => [...issue.path, k].join('.'));
    throw new InvalidInputError('INVALID_INPUT', `${fields.join(', ')}: unknown field`);
  }
  const field = issue?.path.join('.') || '(body)';
  throw new InvalidInputError('INVALID_INPUT', `${field}: ${issue?.message ?? 'invalid'}`);
}

/**
 * A participant's HTTP surface: /healthz, /readyz, /metrics, and thin routes over its domain that
 * validate, call one domain function, and leave every error to the problem+json middleware.
 */
export function createParticipantApp(options: ParticipantAppOptions): Koa {
  const logger = options.logger ?? silentLogger;
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const kit: RouteKit = {
    guard: requireBearer(options.adminToken),
    pathParam: (ctx, name) => pathParam(ctx.params, name),
    body: async (ctx, schema) => parseBody(schema, await readJsonBody(ctx, bodyLimitBytes)),
    durable: options.durable ?? (() => Promise.resolve()),
  };
  const router = new Router();
  router.get('/metrics', async (ctx) => {
    const text = await options.metrics.render();
    ctx.type = options.metrics.contentType;
    ctx.body = text;
  });
  for (const add of options.routes) add(router, kit);

  const app = new Koa();
  app.proxy = false;
  app.use(tracingMiddleware(options.spans ?? noSpans));
  app.use(problemMiddleware(logger));
  const health = healthRoutes(options.checks);
  app.use(health.routes());
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

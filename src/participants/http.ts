import { Router } from '@koa/router';
import Koa from 'koa';
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { requireBearer } from '../http/auth.ts';
import { healthRoutes, type ReadinessCheck } from '../http/health.ts';
import { DEFAULT_BODY_LIMIT_BYTES, readJsonBody } from '../http/json-body.ts';
import { problemMiddleware } from '../http/problem.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { InventoryParticipant } from './inventory/domain.ts';
import type { PaymentParticipant } from './payment/domain.ts';
import type { ShippingParticipant } from './shipping/domain.ts';
import { tracingMiddleware } from '../http/tracing.ts';
import { noSpans, type Spans } from '../telemetry/spans.ts';

export type { ReadinessCheck };

/** Where GET /metrics reads from; kept to this shape so the HTTP layer does not depend on a metrics library. */
export interface MetricsSource {
  readonly contentType: string;
  render(): Promise<string>;
}

/** The domain a participant's HTTP routes read and write: only the operations the routes call. */
export type ParticipantDomain =
  | { name: 'inventory'; inventory: Pick<InventoryParticipant, 'getStock' | 'setStock'> }
  | { name: 'payment'; payment: Pick<PaymentParticipant, 'getAccount' | 'setBalance' | 'getPayment'> }
  | { name: 'shipping'; shipping: Pick<ShippingParticipant, 'getShipment'> };

export interface ParticipantAppOptions {
  domain: ParticipantDomain;
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

/** Minor units or units of stock: what SQLite stores exactly and JSON round-trips without loss. */
const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const stockBody = z.strictObject({ available: amount });
const balanceBody = z.strictObject({ balance: amount });

/** A path parameter, checked: not blank, at most 200 characters, no control characters. */
function pathParam(params: Record<string, string | undefined>, name: string): string {
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
function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
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

interface RouteDeps {
  guard: ReturnType<typeof requireBearer>;
  bodyLimitBytes: number;
  durable: () => Promise<void>;
}

function inventoryRoutes(router: Router, inventory: Pick<InventoryParticipant, 'getStock' | 'setStock'>, deps: RouteDeps): void {
  router.get('/stock/:sku', (ctx) => {
    // An unknown SKU answers with the default stock: that is what a reserve would find.
    ctx.body = inventory.getStock(pathParam(ctx.params, 'sku'));
  });
  router.put('/stock/:sku', deps.guard, async (ctx) => {
    const sku = pathParam(ctx.params, 'sku');
    const { available } = parseBody(stockBody, await readJsonBody(ctx, deps.bodyLimitBytes));
    const stock = inventory.setStock(sku, available);
    await deps.durable();
    ctx.body = stock;
  });
}

function paymentRoutes(
  router: Router,
  payment: Pick<PaymentParticipant, 'getAccount' | 'setBalance' | 'getPayment'>,
  deps: RouteDeps,
): void {
  router.get('/accounts/:customerId', (ctx) => {
    ctx.body = payment.getAccount(pathParam(ctx.params, 'customerId'));
  });
  router.put('/accounts/:customerId', deps.guard, async (ctx) => {
    const customerId = pathParam(ctx.params, 'customerId');
    const { balance } = parseBody(balanceBody, await readJsonBody(ctx, deps.bodyLimitBytes));
    const account = payment.setBalance(customerId, balance);
    await deps.durable();
    ctx.body = account;
  });
  router.get('/payments/:orderId', (ctx) => {
    const orderId = pathParam(ctx.params, 'orderId');
    const record = payment.getPayment(orderId);
    if (!record) throw new NotFoundError('PAYMENT_NOT_FOUND', `no payment for order ${orderId}`);
    ctx.body = { orderId: record.orderId, status: record.status, amount: record.amount, currency: record.currency };
  });
}

function shippingRoutes(router: Router, shipping: Pick<ShippingParticipant, 'getShipment'>): void {
  router.get('/shipments/:orderId', (ctx) => {
    const orderId = pathParam(ctx.params, 'orderId');
    const shipment = shipping.getShipment(orderId);
    if (!shipment) throw new NotFoundError('SHIPMENT_NOT_FOUND', `no shipment for order ${orderId}`);
    ctx.body = shipment;
  });
}

/**
 * A participant's HTTP surface: /healthz, /readyz, /metrics, and thin routes over its domain that
 * validate, call one domain function, and leave every error to the problem+json middleware.
 */
export function createParticipantApp(options: ParticipantAppOptions): Koa {
  const logger = options.logger ?? silentLogger;
  const deps: RouteDeps = {
    guard: requireBearer(options.adminToken),
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    durable: options.durable ?? (() => Promise.resolve()),
  };
  const router = new Router();
  router.get('/metrics', async (ctx) => {
    const text = await options.metrics.render();
    ctx.type = options.metrics.contentType;
    ctx.body = text;
  });
  const { domain } = options;
  switch (domain.name) {
    case 'inventory':
      inventoryRoutes(router, domain.inventory, deps);
      break;
    case 'payment':
      paymentRoutes(router, domain.payment, deps);
      break;
    case 'shipping':
      shippingRoutes(router, domain.shipping);
      break;
  }

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

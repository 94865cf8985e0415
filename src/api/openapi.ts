import { z } from 'zod';
import { orderInputSchema } from '../../sagas/index.ts';
import { MAX_PAGE, SAGA_STATUSES } from './list-query.ts';

const { $schema: _drop, ...orderRequest } = z.toJSONSchema(orderInputSchema) as Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };
const sagaIdParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 200 } };
/** The keyset-pagination query parameters every listing takes. */
const pageParams = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 20 } },
  { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
];
/** A page of `item`s as every listing answers it. */
const pageOf = (item: string) => ({
  type: 'object',
  required: ['items', 'nextCursor'],
  additionalProperties: false,
  properties: { items: { type: 'array', items: ref(item) }, nextCursor: { type: ['string', 'null'] } },
});

const STEP_STATUSES = ['pending', 'running', 'queued', 'backoff', 'succeeded', 'rejected', 'failed', 'skipped', 'parked'];

/** The OpenAPI 3.1 document of the orchestrator's HTTP API, served at GET /openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Saga orchestrator',
      version: '1.0.0',
      description: 'Starts and follows order sagas run over NATS JetStream. Errors are RFC 9457 problem+json.',
    },
    paths: {
      '/orders': {
        post: {
          summary: 'Start an order saga',
          parameters: [
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Same key and body return the existing saga; a different body is 409.' },
            { name: 'traceparent', in: 'header', required: false, schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: json(ref('OrderRequest')) },
          responses: {
            '202': { description: 'Saga started', headers: { Location: { schema: { type: 'string' } } }, content: json(ref('StartResponse')) },
            '200': { description: 'The saga an earlier request with this Idempotency-Key started', headers: { Location: { schema: { type: 'string' } } }, content: json(ref('StartResponse')) },
            '400': problem('Invalid body; detail names the field'),
            '401': problem('ADMIN_TOKEN is set and the bearer token is missing or wrong'),
            '409': problem('Idempotency-Key reused with a different body, or the orderId already has a saga'),
            '413': problem('Body over the size limit'),
            '415': problem('Body is not application/json'),
            '503': problem('Storage unavailable'),
          },
        },
      },
      '/sagas': {
        get: {
          summary: 'List sagas, newest first',
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: SAGA_STATUSES } },
            { name: 'type', in: 'query', schema: { type: 'string' } },
            ...pageParams,
          ],
          responses: { '200': { description: 'A page of sagas', content: json(ref('SagaList')) }, '400': problem('Invalid query parameter') },
        },
      },
      '/sagas/{id}': {
        get: {
          summary: 'A saga with its steps and compensations',
          parameters: [sagaIdParam],
          responses: { '200': { description: 'The saga', content: json(ref('Saga')) }, '404': problem('Unknown saga') },
        },
      },
      '/sagas/{id}/history': {
        get: {
          summary: 'The events applied to a saga, in order',
          parameters: [sagaIdParam],
          responses: { '200': { description: 'The history', content: json(ref('History')) }, '404': problem('Unknown saga') },
        },
      },
      '/sagas/{id}/cancel': {
        post: {
          summary: 'Cancel a running saga: it compensates what it did',
          parameters: [sagaIdParam],
          responses: {
            '202': { description: 'Compensation started', content: json(ref('Saga')) },
            '401': problem('ADMIN_TOKEN is set and the bearer token is missing or wrong'),
            '404': problem('Unknown saga'),
            '409': problem('The saga is not running'),
          },
        },
      },
      '/sagas/{id}/retry': {
        post: {
          summary: 'Resume the compensation of a saga in needs_attention',
          parameters: [sagaIdParam],
          responses: {
            '202': { description: 'Compensation resumed', content: json(ref('Saga')) },
            '401': problem('ADMIN_TOKEN is set and the bearer token is missing or wrong'),
            '404': problem('Unknown saga'),
            '409': problem('The saga is not in needs_attention'),
          },
        },
      },
      '/dead-letters': {
        get: {
          summary: 'Messages moved to the dead-letter stream (SAGA_DLQ), newest first',
          description:
            'Commands and replies that could not be processed (undecodable, unknown command, missing saga or command id, reply for an unknown saga), with the reason and the original headers and bytes.',
          parameters: pageParams,
          responses: {
            '200': { description: 'A page of dead letters', content: json(ref('DeadLetterList')) },
            '400': problem('Invalid query parameter'),
            '503': problem('The dead-letter stream cannot be read (NATS unavailable)'),
          },
        },
      },
      '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'Alive', content: json(ref('Health')) } } } },
      '/readyz': {
        get: {
          summary: 'Readiness: NATS connected, streams exist, database writable',
          responses: { '200': { description: 'Ready', content: json(ref('Health')) }, '503': problem('Not ready; detail names the failing check') },
        },
      },
      '/metrics': {
        get: { summary: 'Prometheus metrics', responses: { '200': { description: 'Text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } } } },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
    },
    components: {
      schemas: {
        OrderRequest: orderRequest,
        StartResponse: {
          type: 'object',
          required: ['sagaId', 'orderId', 'status'],
          additionalProperties: false,
          properties: { sagaId: { type: 'string' }, orderId: { type: 'string' }, status: { type: 'string', enum: SAGA_STATUSES } },
        },
        Step: {
          type: 'object',
          required: ['name', 'status', 'attempts', 'lastError', 'queuedAt', 'queueReason', 'startedAt', 'finishedAt'],
          additionalProperties: false,
          properties: {
            name: { type: 'string' },
            status: { type: 'string', enum: STEP_STATUSES },
            attempts: { type: 'integer', minimum: 0 },
            lastError: { type: ['string', 'null'] },
            queuedAt: { ...nullableDateTime, description: 'While queued: since when the command waits for an available participant' },
            queueReason: { type: ['string', 'null'], enum: ['NOT_DELIVERED', 'PARTICIPANT_UNAVAILABLE', 'BROKER_UNREACHABLE', 'REPLY_PENDING', null] },
            startedAt: nullableDateTime,
            finishedAt: nullableDateTime,
          },
        },
        Saga: {
          type: 'object',
          required: ['sagaId', 'type', 'version', 'status', 'reason', 'order', 'state', 'steps', 'compensations', 'createdAt', 'updatedAt', 'finishedAt'],
          additionalProperties: false,
          properties: {
            sagaId: { type: 'string' },
            type: { type: 'string' },
            version: { type: 'integer' },
            status: { type: 'string', enum: SAGA_STATUSES },
            reason: { type: ['string', 'null'] },
            order: {
              type: 'object',
              required: ['orderId', 'customerId', 'items', 'total', 'shippingAddress'],
              properties: {
                orderId: { type: 'string' },
                customerId: { type: 'string' },
                items: { type: 'array', items: { type: 'object', required: ['sku', 'quantity', 'unitPriceMinor'] } },
                total: { type: 'object', required: ['amountMinor', 'currency'], properties: { amountMinor: { type: 'integer' }, currency: { type: 'string' } } },
                shippingAddress: { type: 'object' },
              },
            },
            state: { description: 'The machine state value', type: ['string', 'object'] },
            steps: { type: 'array', items: ref('Step') },
            compensations: { type: 'array', items: ref('Step') },
            createdAt: dateTime,
            updatedAt: dateTime,
            finishedAt: nullableDateTime,
          },
        },
        SagaSummary: {
          type: 'object',
          required: ['sagaId', 'type', 'version', 'status', 'reason', 'orderId', 'createdAt', 'updatedAt', 'finishedAt'],
          additionalProperties: false,
          properties: {
            sagaId: { type: 'string' },
            type: { type: 'string' },
            version: { type: 'integer' },
            status: { type: 'string', enum: SAGA_STATUSES },
            reason: { type: ['string', 'null'] },
            orderId: { type: 'string' },
            createdAt: dateTime,
            updatedAt: dateTime,
            finishedAt: nullableDateTime,
          },
        },
        SagaList: pageOf('SagaSummary'),
        HistoryEvent: {
          type: 'object',
          required: ['seq', 'at', 'type', 'event', 'state', 'status', 'sent', 'ignored'],
          additionalProperties: false,
          properties: {
            seq: { type: 'integer', minimum: 1 },
            at: dateTime,
            type: { type: 'string', description: 'START, REPLY, CANCEL, RETRY or a timer event' },
            event: { type: 'object' },
            state: { type: ['string', 'object'] },
            status: { type: 'string', enum: SAGA_STATUSES },
            sent: { type: 'array', items: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['command', 'event', 'timer'] } } } },
            ignored: { type: 'boolean', description: 'true for a duplicate or stale event that changed nothing' },
          },
        },
        History: {
          type: 'object',
          required: ['sagaId', 'events'],
          additionalProperties: false,
          properties: { sagaId: { type: 'string' }, events: { type: 'array', items: ref('HistoryEvent') } },
        },
        DeadLetter: {
          type: 'object',
          required: ['seq', 'source', 'subject', 'reason', 'headers', 'payloadBase64', 'size', 'at'],
          additionalProperties: false,
          properties: {
            seq: { type: 'integer', minimum: 1, description: 'Sequence in SAGA_DLQ' },
            source: { type: 'string', description: 'Who dead-lettered it: the consumer of saga.dlq.<source> (orchestrator, inventory, payment, shipping)' },
            subject: { type: 'string', description: 'The subject the message was published on (Dead-Letter-Subject)' },
            reason: { type: 'string', description: 'Why it could not be processed (Dead-Letter-Reason), e.g. "UNDECODABLE_MESSAGE: …"' },
            headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'The original headers (Saga-Id, Command-Id, Content-Type, traceparent…)' },
            payloadBase64: { type: 'string', contentEncoding: 'base64', description: 'The original bytes' },
            size: { type: 'integer', minimum: 0, description: 'Bytes of the original payload' },
            at: dateTime,
          },
        },
        DeadLetterList: pageOf('DeadLetter'),
        Health: {
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string' }, checks: { type: 'object', additionalProperties: { type: 'string', enum: ['ok', 'failing'] } } },
        },
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            checks: { type: 'object' },
          },
        },
      },
    },
  };
}

import type { RegisteredSagaType } from '../../sagas/kit/index.ts';
import { BUSINESS_KEY_MAX, MAX_PAGE, SAGA_STATUSES } from './list-query.ts';
import { BULK_ACTIONS, MAX_BULK } from '../engine/index.ts';
import { inputJsonSchema, latestDefinition, type SagaAlias } from './presenters.ts';

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

/** "car-rental" gives "CarRental": a saga type as it appears in component names. */
function pascalCase(type: string): string {
  return type.replace(/(?:^|[-_])([a-z0-9])/g, (_m: string, c: string) => c.toUpperCase());
}

/**
 * Moves a standalone JSON Schema under `pointer` of the document: its own references (`#`,
 * `#/$defs/...`, as zod writes them for recursive or shared schemas) would otherwise resolve
 * against the OpenAPI document's root.
 */
function relocate(schema: Record<string, unknown>, pointer: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#"', `"$ref":"${pointer}"`).replaceAll('"$ref":"#/', `"$ref":"${pointer}/`)) as Record<string, unknown>;
}

/** The headers every start operation reads. */
const startParams = [
  { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Same key and body return the existing saga; a different body is 409.' },
  { name: 'traceparent', in: 'header', required: false, schema: { type: 'string' } },
];

/** The answers of a start operation whose success body is the component `started`. */
const startResponses = (started: string) => ({
  '202': { description: 'Saga started', headers: { Location: { schema: { type: 'string' } } }, content: json(ref(started)) },
  '200': { description: 'The saga an earlier request with this Idempotency-Key started', headers: { Location: { schema: { type: 'string' } } }, content: json(ref(started)) },
  '400': problem('Invalid body; detail names the field'),
});

/** POST /<alias.path>: the route a type kept for clients older than POST /sagas/{type}, unchanged. */
function aliasPath(name: string, alias: SagaAlias) {
  const P = pascalCase(name);
  return {
    post: {
      summary: `Start a ${name} saga (same as POST /sagas/${name}, answered with ${alias.businessKeyField})`,
      parameters: startParams,
      requestBody: { required: true, content: json(ref(`${P}Request`)) },
      responses: {
        ...startResponses(`${P}StartResponse`),
        '401': problem('ADMIN_TOKEN is set and the bearer token is missing or wrong'),
        '409': problem(`Idempotency-Key reused with a different body, or the ${alias.businessKeyField} already has a saga`),
        '413': problem('Body over the size limit'),
        '415': problem('Body is not application/json'),
        '503': problem('Storage unavailable'),
      },
    },
  };
}

/** The components of each type: its latest input and, with an alias, its legacy request and answer. */
function typeComponents(t: RegisteredSagaType): Record<string, object> {
  const name = t.plugin.name;
  const P = pascalCase(name);
  const latest = latestDefinition(t);
  const out: Record<string, object> = {
    [`${P}Input`]: { description: `Body of POST /sagas/${name} (version ${latest.version})`, ...relocate(inputJsonSchema(latest), `#/components/schemas/${P}Input`) },
  };
  const alias = t.plugin.alias;
  if (alias) {
    out[`${P}Request`] = { ...ref(`${P}Input`), description: `Body of POST /${alias.path}` };
    out[`${P}StartResponse`] = {
      type: 'object',
      required: ['sagaId', alias.businessKeyField, 'status'],
      additionalProperties: false,
      properties: { sagaId: { type: 'string' }, [alias.businessKeyField]: { type: 'string' }, status: { type: 'string', enum: SAGA_STATUSES } },
    };
  }
  return out;
}

/**
 * The legacy fields of the views of aliased types, each a copy of `holds`: declared once per field
 * name, required on the sagas of the types that have it and absent on the others.
 */
function legacyFields(sagaTypes: readonly RegisteredSagaType[], field: (a: SagaAlias) => string, holds: string, schema: object) {
  const byField = new Map<string, string[]>();
  for (const t of sagaTypes) {
    const alias = t.plugin.alias;
    if (alias) byField.set(field(alias), [...(byField.get(field(alias)) ?? []), t.plugin.name]);
  }
  const properties: Record<string, object> = {};
  const rules: object[] = [];
  for (const [name, types] of byField) {
    properties[name] = { ...schema, description: `Same as ${holds}, on ${types.join(', ')} sagas only (kept for clients of their legacy routes)` };
    rules.push({ if: { required: ['type'], properties: { type: { enum: types } } }, then: { required: [name] }, else: { not: { required: [name] } } });
  }
  return { properties, rules };
}

/** The OpenAPI 3.1 document of the orchestrator's HTTP API for the registered saga types, served at GET /openapi.json. */
export function openApiDocument(sagaTypes: readonly RegisteredSagaType[]): Record<string, unknown> {
  const names = sagaTypes.map((t) => t.plugin.name);
  const inputs = names.map((name) => ref(`${pascalCase(name)}Input`));
  const legacyInput = legacyFields(sagaTypes, (a) => a.inputField, 'input', { type: 'object' });
  const legacyKey = legacyFields(sagaTypes, (a) => a.businessKeyField, 'businessKey', { type: 'string' });
  const aliasPaths = Object.fromEntries(sagaTypes.flatMap((t) => (t.plugin.alias ? [[`/${t.plugin.alias.path}`, aliasPath(t.plugin.name, t.plugin.alias)]] : [])));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Saga orchestrator',
      version: '1.0.0',
      description: `Starts and follows sagas (${names.join(', ')}) run over NATS JetStream. Errors are RFC 9457 problem+json.`,
    },
    paths: {
      '/sagas/{type}': {
        post: {
          summary: 'Start a saga of a registered type',
          description: 'The body is the input of the type named in the path: its JSON Schema is in GET /saga-types and under components/schemas/<Type>Input.',
          parameters: [{ name: 'type', in: 'path', required: true, schema: { type: 'string', enum: names } }, ...startParams],
          requestBody: { required: true, content: json(inputs.length === 1 ? inputs[0]! : { oneOf: inputs }) },
          responses: {
            ...startResponses('SagaStartResponse'),
            '404': problem('Unknown saga type; detail names the known types'),
            '409': problem('Idempotency-Key reused with a different request, or the business key already has a saga of this type'),
            '413': problem('Body over the size limit'),
            '415': problem('Body is not application/json'),
            '503': problem('Storage unavailable'),
          },
        },
      },
      ...aliasPaths,
      '/saga-types': {
        get: {
          summary: 'The registered saga types: every loadable version with its steps and input schema',
          responses: { '200': { description: 'The saga types', content: json(ref('SagaTypeList')) } },
        },
      },
      '/sagas': {
        get: {
          summary: 'List sagas, newest first',
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: SAGA_STATUSES } },
            { name: 'type', in: 'query', schema: { type: 'string' } },
            { name: 'businessKey', in: 'query', schema: { type: 'string', minLength: 1, maxLength: BUSINESS_KEY_MAX }, description: 'Exact business key (the order id, the trip id), no control characters' },
            { name: 'createdFrom', in: 'query', schema: { type: 'string' }, description: 'Created at or after: an ISO 8601 date or date-time (no zone is UTC)' },
            { name: 'createdTo', in: 'query', schema: { type: 'string' }, description: 'Created before: an ISO 8601 date or date-time (no zone is UTC)' },
            { name: 'stuck', in: 'query', schema: { type: 'string', enum: ['true', 'false'] }, description: 'true: only sagas stuck now (running or compensating, in a state past its age limit)' },
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
      '/bulk-actions': {
        post: {
          summary: 'Cancel or retry every saga a filter selects, one by one, with a result per saga',
          description:
            `The filter is the saga list's (type, businessKey, stuck); cancel applies to running sagas, retry to needs_attention ones. With dryRun the selection is listed and nothing is done. Sending its sagaIds back acts on exactly those: a saga that no longer matches the filter is not_applicable, and nothing outside them is touched. At most ${MAX_BULK} sagas per action.`,
          requestBody: { required: true, content: json(ref('BulkActionRequest')) },
          responses: {
            '200': { description: 'The selection (dry run) or a result per saga', content: json(ref('BulkActionResponse')) },
            '400': problem('Invalid body, or a filter status the action does not apply to'),
            '401': problem('ADMIN_TOKEN is set and the bearer token is missing or wrong'),
            '422': problem(`More than ${MAX_BULK} sagas match (BULK_SELECTION_TOO_LARGE)`),
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
        ...Object.assign({}, ...sagaTypes.map(typeComponents)),
        SagaStartResponse: {
          type: 'object',
          required: ['sagaId', 'type', 'businessKey', 'status'],
          additionalProperties: false,
          properties: { sagaId: { type: 'string' }, type: { type: 'string' }, businessKey: { type: 'string' }, status: { type: 'string', enum: SAGA_STATUSES } },
        },
        StepInfo: {
          type: 'object',
          required: ['name', 'participant', 'action', 'compensation', 'compensates', 'parallelGroup'],
          additionalProperties: false,
          properties: {
            name: { type: 'string' },
            participant: { type: 'string' },
            action: { type: 'string' },
            compensation: { type: 'boolean' },
            compensates: { type: ['string', 'null'], description: 'Compensations: the forward step they undo' },
            parallelGroup: { type: ['string', 'null'], description: 'Forward steps of the same group run in parallel' },
          },
        },
        SagaTypeVersion: {
          type: 'object',
          required: ['version', 'steps', 'inputSchema', 'compensationMap'],
          additionalProperties: false,
          properties: {
            version: { type: 'integer' },
            steps: { type: 'array', items: ref('StepInfo'), description: 'Forward steps in the order they run, then the compensations' },
            inputSchema: { type: 'object', description: 'JSON Schema (2020-12) of the body POST /sagas/{type} accepts on this version' },
            compensationMap: {
              type: ['object', 'null'],
              additionalProperties: { type: 'array', items: { type: 'string' } },
              description: 'For each configuration at rest (atomic state ids joined by +): the compensations that may still be owed if the saga aborted there; verified by npm run check:sagas',
            },
          },
        },
        SagaType: {
          type: 'object',
          required: ['type', 'description', 'latestVersion', 'versions'],
          additionalProperties: false,
          properties: {
            type: { type: 'string' },
            description: { type: 'string' },
            latestVersion: { type: 'integer', description: 'The version new sagas start on; older ones still finish on theirs' },
            versions: { type: 'array', items: ref('SagaTypeVersion'), description: 'Every loadable version, oldest first' },
          },
        },
        SagaTypeList: {
          type: 'object',
          required: ['items'],
          additionalProperties: false,
          properties: { items: { type: 'array', items: ref('SagaType') } },
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
          required: ['sagaId', 'type', 'version', 'status', 'reason', 'businessKey', 'input', 'state', 'steps', 'compensations', 'createdAt', 'updatedAt', 'finishedAt', 'stuck'],
          additionalProperties: false,
          ...(legacyInput.rules.length ? { allOf: legacyInput.rules } : {}),
          properties: {
            sagaId: { type: 'string' },
            type: { type: 'string' },
            version: { type: 'integer' },
            status: { type: 'string', enum: SAGA_STATUSES },
            reason: { type: ['string', 'null'] },
            businessKey: { type: 'string', description: 'The order id, the trip id: unique per type' },
            input: { type: 'object', description: "The input the saga runs on, as the type's definition read it (defaults filled in)" },
            ...legacyInput.properties,
            state: { description: 'The machine state value', type: ['string', 'object'] },
            steps: { type: 'array', items: ref('Step') },
            compensations: { type: 'array', items: ref('Step') },
            createdAt: dateTime,
            updatedAt: dateTime,
            finishedAt: nullableDateTime,
            stuck: ref('Stuck'),
          },
        },
        SagaSummary: {
          type: 'object',
          required: ['sagaId', 'type', 'version', 'status', 'reason', 'businessKey', 'createdAt', 'updatedAt', 'finishedAt', 'stuck'],
          additionalProperties: false,
          ...(legacyKey.rules.length ? { allOf: legacyKey.rules } : {}),
          properties: {
            sagaId: { type: 'string' },
            type: { type: 'string' },
            version: { type: 'integer' },
            status: { type: 'string', enum: SAGA_STATUSES },
            reason: { type: ['string', 'null'] },
            businessKey: { type: 'string', description: 'The order id, the trip id: unique per type' },
            ...legacyKey.properties,
            createdAt: dateTime,
            updatedAt: dateTime,
            finishedAt: nullableDateTime,
            stuck: ref('Stuck'),
          },
        },
        SagaList: pageOf('SagaSummary'),
        BulkFilter: {
          type: 'object',
          additionalProperties: false,
          properties: {
            type: { type: 'string' },
            status: { type: 'string', enum: SAGA_STATUSES, description: 'Optional: must be the status the action applies to' },
            businessKey: { type: 'string', minLength: 1, maxLength: BUSINESS_KEY_MAX },
            stuck: { type: 'boolean' },
            createdFrom: { ...dateTime, description: 'Created at or after' },
            createdTo: { ...dateTime, description: 'Created before' },
          },
        },
        BulkActionRequest: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: [...BULK_ACTIONS] },
            filter: ref('BulkFilter'),
            sagaIds: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: MAX_BULK, description: 'Act on exactly these (from a dry run); absent: whatever matches now' },
            dryRun: { type: 'boolean', default: false },
          },
        },
        BulkActionResponse: {
          type: 'object',
          required: ['action', 'filter', 'dryRun', 'count', 'sagas', 'results'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: [...BULK_ACTIONS] },
            filter: ref('BulkFilter'),
            dryRun: { type: 'boolean' },
            count: { type: 'integer', minimum: 0, description: 'Sagas selected (dry run) or acted on' },
            sagas: { type: ['array', 'null'], items: ref('SagaSummary'), description: 'Dry run: the selection, newest first' },
            results: {
              type: ['array', 'null'],
              items: {
                type: 'object',
                required: ['sagaId', 'businessKey', 'result', 'code', 'detail'],
                additionalProperties: false,
                properties: {
                  sagaId: { type: 'string' },
                  businessKey: { type: ['string', 'null'] },
                  result: { type: 'string', enum: ['done', 'not_applicable', 'failed'] },
                  code: { type: ['string', 'null'], description: 'Why not applicable or failed, e.g. NO_LONGER_MATCHES, SAGA_NOT_RUNNING' },
                  detail: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
        Stuck: {
          type: ['object', 'null'],
          description: 'Set while the saga is stuck: running or compensating, and in `state` longer than its age limit (by default the step\'s whole retry budget)',
          required: ['state', 'since'],
          additionalProperties: false,
          properties: { state: { type: 'string', description: 'The state node that ran out (a step name)' }, since: dateTime },
        },
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

/**
 * Every span attribute name the system sets, in one table, so dashboards and queries can rely on
 * them. Messaging names follow the OpenTelemetry messaging semantic conventions.
 */
export const ATTR = {
  sagaId: 'saga.id',
  sagaType: 'saga.type',
  sagaStep: 'saga.step',
  sagaAttempt: 'saga.attempt',
  sagaCompensation: 'saga.compensation',
  sagaEvent: 'saga.event',
  sagaStatus: 'saga.status',
  businessKey: 'saga.business_key',
  replyOutcome: 'saga.reply.outcome',
  replyReason: 'saga.reply.reason_code',
  participant: 'saga.participant',
  messagingSystem: 'messaging.system',
  messagingDestination: 'messaging.destination.name',
  messagingOperationType: 'messaging.operation.type',
  messagingOperationName: 'messaging.operation.name',
  messagingMessageId: 'messaging.message.id',
  httpMethod: 'http.request.method',
  httpRoute: 'http.route',
  httpStatus: 'http.response.status_code',
  urlPath: 'url.path',
} as const;

/** messaging.system for every message span. */
export const MESSAGING_SYSTEM = 'nats';

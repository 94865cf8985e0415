import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';

/** Header names carried on every saga message. */
export const HEADER = {
  msgId: 'Nats-Msg-Id',
  sagaId: 'Saga-Id',
  commandId: 'Command-Id',
  sagaType: 'Saga-Type',
  /** Step, attempt and compensation flag of a command: for tracing and debugging, never for routing. */
  sagaStep: 'Saga-Step',
  sagaAttempt: 'Saga-Attempt',
  sagaCompensation: 'Saga-Compensation',
  contentType: 'Content-Type',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  deadLetterReason: 'Dead-Letter-Reason',
  deadLetterSubject: 'Dead-Letter-Subject',
} as const;

/** Content type naming the protobuf message type, e.g. application/x-protobuf; messageType=saga.v1.Reply. */
export function protobufContentType(messageType: string): string {
  return `application/x-protobuf; messageType=${messageType}`;
}

/** Builds NATS headers from a plain record (empty values are left out). */
export function toNatsHeaders(values: Record<string, string | undefined>): MsgHdrs {
  const h = natsHeaders();
  for (const [k, v] of Object.entries(values)) if (v) h.set(k, v);
  return h;
}

/** Copies NATS headers into a plain record (first value of each key). */
export function fromNatsHeaders(h: MsgHdrs | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  for (const k of h.keys()) out[k] = h.get(k);
  return out;
}

/** Stream names. Commands and replies are work queues; ORDERS and the dead letters keep history. */
export const STREAM = {
  commands: 'SAGA_COMMANDS',
  replies: 'SAGA_REPLIES',
  orders: 'ORDERS',
  deadLetters: 'SAGA_DLQ',
} as const;

/** Subject a participant consumes one action on: saga.cmd.<participant>.<action>. */
export function commandSubject(participant: string, action: string): string {
  return `saga.cmd.${participant}.${action}`;
}

/** Filter covering every command of one participant. */
export function commandFilter(participant: string): string {
  return `saga.cmd.${participant}.>`;
}

/** Parses saga.cmd.<participant>.<action>; null for anything else. */
export function parseCommandSubject(subject: string): { participant: string; action: string } | null {
  const parts = subject.split('.');
  if (parts.length !== 4 || parts[0] !== 'saga' || parts[1] !== 'cmd') return null;
  return { participant: parts[2]!, action: parts[3]! };
}

/** Subject replies for one saga type arrive on: saga.reply.<saga-type>. */
export function replySubject(sagaType: string): string {
  return `saga.reply.${sagaType}`;
}

/** Subject a dead letter from one source (a consumer name) is kept under. */
export function deadLetterSubject(source: string): string {
  return `saga.dlq.${source}`;
}

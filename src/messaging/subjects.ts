/** Stream names. Commands and replies are work queues; the dead letters keep history (as do the saga types' event streams). */
export const STREAM = {
  commands: 'SAGA_COMMANDS',
  replies: 'SAGA_REPLIES',
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

/**
 * Subject one participant's replies for one saga type go to: saga.reply.<saga-type>.<participant>.
 * The sender is part of the subject so that NATS permissions can authenticate it (a participant
 * may publish only to saga.reply.*.<itself>); the orchestrator takes the sender from the subject,
 * not from the body. Without `participant` it is the prefix of a saga type's replies (or `>` for all).
 */
export function replySubject(sagaType: string, participant?: string): string {
  return participant === undefined ? `saga.reply.${sagaType}` : `saga.reply.${sagaType}.${participant}`;
}

/** The participant a reply subject names (saga.reply.<saga-type>.<participant>); null for any other shape. */
export function replySender(subject: string): string | null {
  const parts = subject.split('.');
  if (parts.length !== 4 || parts[0] !== 'saga' || parts[1] !== 'reply' || !parts[2] || !parts[3]) return null;
  return parts[3];
}

/** Subject a dead letter from one source (a consumer name) is kept under. */
export function deadLetterSubject(source: string): string {
  return `saga.dlq.${source}`;
}

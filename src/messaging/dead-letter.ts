import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { HEADER, toNatsHeaders, fromNatsHeaders } from './headers.ts';
import { publishWithRetry } from './publish.ts';
import { deadLetterSubject } from './subjects.ts';

/**
 * Moves a message that can never be processed to the dead-letter stream, keeping its headers and
 * body, with the reason and original subject, then terminates it so it is not redelivered. If the
 * dead-letter publish fails the message is nak'ed instead: it is never dropped silently.
 */
export async function deadLetter(js: JetStreamClient, msg: JsMsg, source: string, reason: string): Promise<void> {
  const original = fromNatsHeaders(msg.headers);
  delete original[HEADER.msgId];
  const headers = toNatsHeaders({
    ...original,
    [HEADER.deadLetterReason]: reason,
    [HEADER.deadLetterSubject]: msg.subject,
  });
  try {
    await publishWithRetry(js, deadLetterSubject(source), msg.data, {
      msgID: `dlq:${source}:${msg.info.stream}:${msg.seq}`,
      headers,
    });
  } catch (err) {
    msg.nak(5_000);
    throw err;
  }
  // No reason argument: nats-server before 2.10.4 does not parse "+TERM <reason>", ignores the
  // ack and redelivers the message after ack_wait (checked on 2.9.10). The reason is in the
  // dead letter's header instead.
  msg.term();
}

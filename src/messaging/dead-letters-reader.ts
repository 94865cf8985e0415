import { JetStreamApiCodes, JetStreamApiError, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import { TransientError } from '../errors.ts';
import { HEADER, fromNatsHeaders } from './headers.ts';
import { STREAM, deadLetterSubject } from './subjects.ts';

/** One message of the dead-letter stream, as operators see it. */
export interface DeadLetter {
  /** Sequence in the dead-letter stream; pages are cut by it. */
  seq: number;
  /** Who dead-lettered it: the <source> of saga.dlq.<source> (a consumer name). */
  source: string;
  /** The subject the message was first published on (Dead-Letter-Subject). */
  subject: string;
  /** Why it could not be processed (Dead-Letter-Reason). */
  reason: string;
  /** The original headers (Saga-Id, Command-Id, Content-Type, traceparent…), first value of each. */
  headers: Record<string, string>;
  /** The original bytes, base64. */
  payloadBase64: string;
  /** Bytes of the original payload. */
  size: number;
  /** When it was dead-lettered, ISO 8601. */
  at: string;
}

/** A page of dead letters, newest first; pass nextCursor back as beforeSeq for the next (older) page. */
export interface DeadLetterPage {
  items: DeadLetter[];
  nextCursor: number | null;
}

/** Reads the dead-letter stream newest first. */
export interface DeadLettersReader {
  /** Up to `limit` dead letters with a sequence below `beforeSeq` (all when absent), newest first. */
  list(limit: number, beforeSeq?: number): Promise<DeadLetterPage>;
}

export interface DeadLettersReaderOptions {
  /** Stream to read; SAGA_DLQ by default. */
  stream?: string;
  /**
   * Sequences probed per page beyond `limit` before the page is returned short (with a cursor):
   * deleted or expired sequences cost a probe each, and a page must stay bounded.
   */
  maxExtraProbes?: number;
}

const SUBJECT_PREFIX = deadLetterSubject('');
const STREAM_NOT_FOUND = 10059;

function unavailable(err: unknown): TransientError {
  const why = err instanceof Error ? err.message : String(err);
  return new TransientError('DEAD_LETTERS_UNAVAILABLE', `the dead-letter stream cannot be read: ${why}`, { cause: err });
}

function toDeadLetter(m: StoredMsg): DeadLetter {
  const headers = fromNatsHeaders(m.header);
  const reason = headers[HEADER.deadLetterReason] ?? '';
  const subject = headers[HEADER.deadLetterSubject] ?? '';
  delete headers[HEADER.deadLetterReason];
  delete headers[HEADER.deadLetterSubject];
  return {
    seq: m.seq,
    source: m.subject.startsWith(SUBJECT_PREFIX) ? m.subject.slice(SUBJECT_PREFIX.length) : m.subject,
    subject,
    reason,
    headers,
    payloadBase64: Buffer.from(m.data).toString('base64'),
    size: m.data.length,
    at: m.time.toISOString(),
  };
}

/**
 * Reads dead letters by sequence with the stream message-get API (works on nats-server 2.9, which
 * has no batched direct get), walking back from the last sequence and skipping deleted or expired
 * ones. Knows nothing of what the messages mean.
 */
export function createDeadLettersReader(jsm: JetStreamManager, options: DeadLettersReaderOptions = {}): DeadLettersReader {
  const stream = options.stream ?? STREAM.deadLetters;
  const maxExtraProbes = options.maxExtraProbes ?? 1_000;

  const get = async (seq: number): Promise<StoredMsg | null> => {
    try {
      return await jsm.streams.getMessage(stream, { seq });
    } catch (err) {
      // Deleted between the info and the get (expired, purged): nothing there.
      if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.NoMessageFound) return null;
      throw unavailable(err);
    }
  };

  return {
    async list(limit, beforeSeq) {
      if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
      let state: { first_seq: number; last_seq: number; messages: number };
      try {
        state = (await jsm.streams.info(stream)).state;
      } catch (err) {
        if (err instanceof JetStreamApiError && err.code === STREAM_NOT_FOUND) return { items: [], nextCursor: null };
        throw unavailable(err);
      }
      const items: DeadLetter[] = [];
      if (state.messages === 0) return { items, nextCursor: null };
      let next = beforeSeq === undefined ? state.last_seq : Math.min(state.last_seq, beforeSeq - 1);
      let probesLeft = limit + maxExtraProbes;
      // Newest first, a window of sequences at a time; a missing one is a deleted or expired message.
      while (items.length < limit && next >= state.first_seq && probesLeft > 0) {
        const count = Math.min(limit - items.length, next - state.first_seq + 1, probesLeft);
        const seqs = Array.from({ length: count }, (_, i) => next - i);
        const got = await Promise.all(seqs.map(get));
        for (const m of got) if (m) items.push(toDeadLetter(m));
        next -= count;
        probesLeft -= count;
      }
      // Older sequences may remain: point at the last one probed (an exclusive bound).
      const stoppedAt = next + 1;
      return { items, nextCursor: stoppedAt > state.first_seq ? stoppedAt : null };
    },
  };
}

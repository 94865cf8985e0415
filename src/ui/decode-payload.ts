// Turns a dead letter's bytes back into something an operator can read. A dead letter is, by
// definition, a message something could not process, so nothing here may throw: whatever cannot be
// decoded is reported as such, with (a bounded part of) its bytes as base64.
import '../contracts/protobuf-runtime.ts';
import { saga } from '../contracts/generated/saga.v1.js';
import { MESSAGE_TYPE, type MessageCatalog } from '../contracts/index.ts';
import { SagaError } from '../errors.ts';
import { HEADER } from '../messaging/headers.ts';
import { parseCommandSubject, replySender } from '../messaging/subjects.ts';

/** Base64 characters shown of a payload that could not be decoded: enough to recognise it, bounded for huge ones. */
export const BASE64_PREVIEW_CHARS = 1_024;

/** A payload read as its message type, or why it could not be, with its bytes as base64. */
export type DecodedPayload =
  | {
      decoded: true;
      messageType: string;
      /** The message as plain JSON-able data (bytes fields as base64). */
      value: Record<string, unknown>;
      /** Of a command envelope: the command it carries, decoded on its own. */
      command?: DecodedPayload;
    }
  | {
      decoded: false;
      /** The type it was read as, null when nothing said which it is. */
      messageType: string | null;
      /** Why it is not decoded, in words. */
      problem: string;
      /** The first BASE64_PREVIEW_CHARS characters of its base64. */
      base64: string;
      /** Whether `base64` is cut short. */
      truncated: boolean;
      /** Bytes of the payload. */
      size: number;
    };

/** What the decoder needs of a dead letter (src/messaging/dead-letters-reader.ts DeadLetter fits). */
export interface PayloadSource {
  subject: string;
  headers: Readonly<Record<string, string>>;
  payloadBase64: string;
}

const CONTENT_TYPE = new RegExp(`^${HEADER.contentType}$`, 'i');

/**
 * The protobuf type a message was published as: the messageType of its Content-Type, else the
 * shared type its subject carries (commands and replies), else null.
 */
export function messageTypeOf(subject: string, headers: Readonly<Record<string, string>>): string | null {
  const contentType = Object.entries(headers).find(([k]) => CONTENT_TYPE.test(k))?.[1] ?? '';
  const named = /;\s*messageType=([A-Za-z0-9_.]+)/.exec(contentType)?.[1];
  if (named) return named;
  // Foreign publishers may leave the header out; the subject still says what the message is.
  if (parseCommandSubject(subject)) return MESSAGE_TYPE.command;
  if (replySender(subject) !== null) return MESSAGE_TYPE.reply;
  return null;
}

/** Decodes a dead letter's payload with the type its headers or subject name; never throws. */
export function decodeDeadLetter(letter: PayloadSource, catalogs: readonly MessageCatalog[]): DecodedPayload {
  const bytes = new Uint8Array(Buffer.from(letter.payloadBase64, 'base64'));
  return decodePayload(messageTypeOf(letter.subject, letter.headers), bytes, catalogs);
}

/**
 * Decodes `bytes` as `messageType`: the shared saga.v1 envelope and reply without validation (a dead
 * letter is often one that failed it, and the operator wants to see why), the saga types' own
 * messages with the first catalog that lists them. Never throws.
 */
export function decodePayload(messageType: string | null, bytes: Uint8Array, catalogs: readonly MessageCatalog[]): DecodedPayload {
  if (messageType === null) return raw(null, 'the message type is unknown (no Content-Type messageType, and not a command or reply subject)', bytes);
  try {
    if (messageType === MESSAGE_TYPE.command) return decodeEnvelope(bytes, catalogs);
    if (messageType === MESSAGE_TYPE.reply) {
      const value = saga.v1.Reply.toObject(saga.v1.Reply.decode(bytes), { longs: Number, enums: String, bytes: String, defaults: true });
      return { decoded: true, messageType, value: plain(value) };
    }
    const type = catalogs.find((c) => c.get(messageType))?.get(messageType);
    if (!type) return raw(messageType, `no registered contract defines ${messageType}`, bytes);
    return { decoded: true, messageType, value: plain(type.decode(bytes)) };
  } catch (err) {
    // The contracts' errors carry a code (UNDECODABLE_MESSAGE, MALFORMED_MESSAGE) worth showing.
    const why = err instanceof SagaError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
    return raw(messageType, `it could not be decoded as ${messageType} (${why})`, bytes);
  }
}

/** The envelope's fields, with the command it carries decoded separately (by its command_type). */
function decodeEnvelope(bytes: Uint8Array, catalogs: readonly MessageCatalog[]): DecodedPayload {
  const envelope = saga.v1.CommandEnvelope.decode(bytes);
  const { command: _bytes, ...fields } = saga.v1.CommandEnvelope.toObject(envelope, { longs: Number, bytes: String, defaults: true });
  const commandBytes = envelope.command ?? new Uint8Array();
  const command = envelope.commandType
    ? decodePayload(envelope.commandType, commandBytes, catalogs)
    : raw(null, 'the envelope names no command_type', commandBytes);
  return { decoded: true, messageType: MESSAGE_TYPE.command, value: plain(fields), command };
}

function raw(messageType: string | null, problem: string, bytes: Uint8Array): DecodedPayload {
  const base64 = Buffer.from(bytes).toString('base64');
  return { decoded: false, messageType, problem, base64: base64.slice(0, BASE64_PREVIEW_CHARS), truncated: base64.length > BASE64_PREVIEW_CHARS, size: bytes.length };
}

/** A decoded body as JSON-able data: bytes become base64 (Buffer's own toJSON would list every byte). */
function plain(value: unknown): Record<string, unknown> {
  const json = jsonable(value);
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : { value: json };
}

function jsonable(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(jsonable);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonable(x)]));
  return typeof v === 'bigint' ? v.toString() : v;
}

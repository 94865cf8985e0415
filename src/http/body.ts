import type { Context } from 'koa';
import { InvalidInputError, SagaError } from '../errors.ts';

/** Default largest accepted request body. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * 413, and the connection closes after the answer: the rest of the body is left unread, so the
 * connection cannot carry another request (a chunked one left half-read would hang the next
 * request on it until the keep-alive timeout, then reset it).
 */
function tooLarge(ctx: Context, limitBytes: number): SagaError {
  ctx.set('Connection', 'close');
  return new SagaError('invalid', 'PAYLOAD_TOO_LARGE', `the body exceeds ${limitBytes} bytes`);
}

/** Reads a request body of media type `type` as UTF-8 text: 415 for another type, 413 over the limit. */
export async function readBodyText(ctx: Context, type: string, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<string> {
  if (!ctx.is(type)) throw new SagaError('invalid', 'UNSUPPORTED_MEDIA_TYPE', `the body must be ${type}`);
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limitBytes) throw tooLarge(ctx, limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw tooLarge(ctx, limitBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON request body: 415 unless application/json, 413 over the limit, 400 if unparsable. */
export async function readJsonBody(ctx: Context, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<unknown> {
  const text = await readBodyText(ctx, 'application/json', limitBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new InvalidInputError('INVALID_JSON', 'the body is not valid JSON', { cause: err });
  }
}

/** Reads an HTML form post (application/x-www-form-urlencoded): 415 for another type, 413 over the limit. */
export async function readFormBody(ctx: Context, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<URLSearchParams> {
  return new URLSearchParams(await readBodyText(ctx, 'application/x-www-form-urlencoded', limitBytes));
}

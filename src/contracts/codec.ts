import './protobuf-runtime.ts';
import { z } from 'zod';
import { saga } from './generated/saga.v1.js';
import { InvalidInputError } from '../errors.ts';
import type { Command, Outcome, Reply } from './types.ts';

const pb = saga.v1;

/** Fully-qualified protobuf type names of the shared messages, used in the Content-Type header. */
export const MESSAGE_TYPE = {
  command: 'saga.v1.CommandEnvelope',
  reply: 'saga.v1.Reply',
} as const;

/** saga.v1.Money as a decoded body must hold it: a safe, non-negative integer and a currency. */
export const moneySchema = z.object({
  amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  currency: z.string().min(1, 'is missing'),
});

const OUTCOME_TO_WIRE: Record<Outcome, number> = { OK: pb.Outcome.OK, REJECTED: pb.Outcome.REJECTED, FAILED: pb.Outcome.FAILED };
const OUTCOME_FROM_WIRE = new Map<number, Outcome>(Object.entries(OUTCOME_TO_WIRE).map(([k, v]) => [v, k as Outcome]));

function malformed(what: string, why: string): InvalidInputError {
  return new InvalidInputError('MALFORMED_MESSAGE', `${what}: ${why}`);
}

function decodeWith<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    throw new InvalidInputError('UNDECODABLE_MESSAGE', `${what}: not a valid protobuf message`, { cause: err });
  }
}

function text(value: string | null | undefined, field: string, what: string): string {
  if (!value) throw malformed(what, `${field} is missing`);
  return value;
}

/** Encodes a command envelope for saga.cmd.<participant>.<action>. */
export function encodeCommand(command: Command): Uint8Array {
  const { payload, ...envelope } = command;
  return pb.CommandEnvelope.encode({ ...envelope, command: payload }).finish();
}

/** Decodes and validates a command envelope (not the command inside); throws InvalidInputError for anything unusable. */
export function decodeCommand(data: Uint8Array): Command {
  const what = MESSAGE_TYPE.command;
  const m = decodeWith(what, () => pb.CommandEnvelope.decode(data));
  return {
    sagaId: text(m.sagaId, 'sagaId', what),
    commandId: text(m.commandId, 'commandId', what),
    attempt: m.attempt || 1,
    sagaType: text(m.sagaType, 'sagaType', what),
    replyTo: text(m.replyTo, 'replyTo', what),
    commandType: text(m.commandType, 'commandType (no command in envelope)', what),
    payload: m.command ?? new Uint8Array(),
    businessKey: m.businessKey ?? '',
  };
}

/** Encodes a participant's reply. */
export function encodeReply(reply: Reply): Uint8Array {
  return pb.Reply.encode({ ...reply, outcome: OUTCOME_TO_WIRE[reply.outcome] }).finish();
}

/** Decodes and validates a reply; throws InvalidInputError for anything unusable. */
export function decodeReply(data: Uint8Array): Reply {
  const what = MESSAGE_TYPE.reply;
  const m = decodeWith(what, () => pb.Reply.decode(data));
  const outcome = OUTCOME_FROM_WIRE.get(m.outcome);
  if (!outcome) throw malformed(what, `unknown outcome ${m.outcome}`);
  return {
    sagaId: text(m.sagaId, 'sagaId', what),
    commandId: text(m.commandId, 'commandId', what),
    attempt: m.attempt || 1,
    outcome,
    reasonCode: m.reasonCode ?? '',
    detail: m.detail ?? '',
    participant: m.participant ?? '',
  };
}

import type { CommandBodies, CommandKind } from '../contracts/index.ts';

/** Reason codes participants answer with; the saga maps rejections to its own statuses. */
export const REASON = {
  outOfStock: 'OUT_OF_STOCK',
  paymentDeclined: 'PAYMENT_DECLINED',
  shippingUnavailable: 'SHIPPING_UNAVAILABLE',
  /** The compensation for this order arrived first; the late original is refused. */
  alreadyCompensated: 'ALREADY_COMPENSATED',
  /** A transient failure (injected by chaos, or a busy database): the saga retries. */
  transient: 'TRANSIENT',
} as const;

/** The final answer to a command: the only outcomes stored and replayed for a repeat. */
export interface HandlerResult {
  outcome: 'OK' | 'REJECTED';
  /** Empty for OK; a REASON code for REJECTED. */
  reasonCode: string;
  detail: string;
}

/**
 * Domain work for one command kind: synchronous SQLite only, run inside the runtime's transaction,
 * so the effect and the stored reply commit together.
 */
export type CommandHandler<K extends CommandKind> = (body: CommandBodies[K]) => HandlerResult;

/** The command kinds one participant serves; a kind not listed here is dead-lettered. */
export type CommandHandlers = { readonly [K in CommandKind]?: CommandHandler<K> };

/** Milliseconds since the epoch; injected so tests control time. */
export type Clock = () => number;

/** A successful result. */
export function ok(detail: string): HandlerResult {
  return { outcome: 'OK', reasonCode: '', detail };
}

/** A business refusal with its reason code. */
export function rejected(reasonCode: string, detail: string): HandlerResult {
  return { outcome: 'REJECTED', reasonCode, detail };
}

/**
 * Short, so commands held by an instance that died come back to its replacement within seconds (a
 * slow handler keeps its delivery with in-progress acks every third of it). At most the step
 * timeout (5 s by default): a stranded command then returns before the saga's next attempt of it
 * could time out.
 */
export const DEFAULT_ACK_WAIT_MS = 5_000;

import type { MessageType } from '../../contracts/index.ts';
import type { Db } from '../../store/index.ts';

/** Reason codes the kit itself answers with; each participant adds its own business reasons. */
export const REASON = {
  /** The compensation for this command's saga arrived first; the late original is refused. */
  alreadyCompensated: 'ALREADY_COMPENSATED',
  /** A transient failure (injected by chaos, or a busy database): the saga retries. */
  transient: 'TRANSIENT',
} as const;

/** The final answer to a command: the only outcomes stored and replayed for a repeat. */
export interface HandlerResult {
  outcome: 'OK' | 'REJECTED';
  /** Empty for OK; a reason code (OUT_OF_STOCK, ALREADY_COMPENSATED...) for REJECTED. */
  reasonCode: string;
  detail: string;
}

/**
 * What a handler gets besides the command: the participant's database, inside the transaction that
 * also stores the answer (so the effect and the stored reply commit together), and the command's ids.
 */
export interface HandlerContext {
  db: Db;
  sagaId: string;
  sagaType: string;
  commandId: string;
  attempt: number;
  /** The saga's business key (e.g. the order id); may be empty. */
  businessKey: string;
  /** Milliseconds since the epoch, read once per command. */
  now: number;
}

/**
 * Domain work for one command type: synchronous SQLite only. Return ok() or rejected(); throw a
 * TransientError (or let SQLITE_BUSY escape) to answer FAILED, which is never stored, so a retry
 * does the work. Any other exception is a bug: the command is redelivered later.
 */
export type CommandHandler<B> = (body: B, tx: HandlerContext) => HandlerResult;

/**
 * Statements on PostgreSQL: inside a handler, the command's transaction; in routes, the pool. Rows
 * come back with BIGINT columns as numbers, as SQLite gives them.
 */
export interface Sql {
  query<R extends object = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<R[]>;
}

/**
 * What a handler on PostgreSQL gets: the transaction that also stores the answer, and the
 * command's ids. The kit holds a lock on the saga for the whole transaction, so the commands of one
 * saga never run at once on two instances (a compensation and the original it overtook included);
 * rows other sagas share (stock, balances) need the handler's own row locks.
 */
export interface PgHandlerContext extends Omit<HandlerContext, 'db'> {
  sql: Sql;
}

/** Domain work for one command type on PostgreSQL: the same contract as CommandHandler, asynchronous. */
export type PgCommandHandler<B> = (body: B, tx: PgHandlerContext) => Promise<HandlerResult>;

/** One command type a participant serves on PostgreSQL and its handler. */
export interface PgHandlerEntry<B = never> {
  type: MessageType<B>;
  handle: PgCommandHandler<B>;
}

/** Pairs a command type with its PostgreSQL handler. */
export function handlesPg<B>(type: MessageType<B>, handle: PgCommandHandler<B>): PgHandlerEntry<B> {
  return { type, handle };
}

/** A PostgreSQL handler entry of any body type. */
export interface AnyPgHandlerEntry {
  type: { readonly name: string; decode(bytes: Uint8Array): unknown };
  handle: (body: never, tx: PgHandlerContext) => Promise<HandlerResult>;
}

/** The command types one participant serves on PostgreSQL. */
export type PgCommandHandlers = readonly AnyPgHandlerEntry[];

/** One command type a participant serves and its handler. */
export interface HandlerEntry<B = never> {
  type: MessageType<B>;
  handle: CommandHandler<B>;
}

/** Pairs a command type with its handler (the body type follows from the message type). */
export function handles<B>(type: MessageType<B>, handle: CommandHandler<B>): HandlerEntry<B> {
  return { type, handle };
}

/** A handler entry of any body type: what a participant's list holds (each entry pairs its own types). */
export interface AnyHandlerEntry {
  type: { readonly name: string; decode(bytes: Uint8Array): unknown };
  handle: (body: never, tx: HandlerContext) => HandlerResult;
}

/** The command types one participant serves; a type not listed here is dead-lettered. */
export type CommandHandlers = readonly AnyHandlerEntry[];

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

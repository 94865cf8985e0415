// Runs a participant's command on PostgreSQL exactly as the kit's runtime does (answerOnPostgres:
// one transaction holding the saga's lock, the answer stored per command id), after the body went
// over the wire and back (encoded and decoded by its message type).
import type pg from 'pg';
import type { MessageType } from '../../src/contracts/index.ts';
import type { HandlerResult, PgCommandHandlers } from '../../src/participants/kit/index.ts';
import { answerOnPostgres } from '../../src/participants/kit/postgres.ts';

/** The ids a command carries; the saga type, attempt and business key default to what the tests do not look at. */
export interface CommandIds {
  sagaId: string;
  commandId: string;
  sagaType?: string;
  attempt?: number;
  businessKey?: string;
}

/** Answers one command of `type` with `handlers` on `pool`; `now` is the time the kit stamps its answer with. */
export function answerCommand<B>(pool: pg.Pool, handlers: PgCommandHandlers, type: MessageType<B>, body: B, ids: CommandIds, now: () => number = Date.now): Promise<{ result: HandlerResult; duplicate: boolean }> {
  const entry = handlers.find((h) => h.type.name === type.name);
  if (!entry) throw new Error(`no handler for ${type.name}`);
  const decoded = type.decode(type.encode(body));
  return answerOnPostgres(
    pool,
    {
      kind: type.name,
      context: { sagaId: ids.sagaId, commandId: ids.commandId, sagaType: ids.sagaType ?? type.name.split('.')[0]!, attempt: ids.attempt ?? 1, businessKey: ids.businessKey ?? '' },
      handle: (tx) => entry.handle(decoded as never, tx),
    },
    now,
  );
}

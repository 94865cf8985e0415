import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, migrate, openDatabase, type Db } from '../../../src/store/index.ts';
import type { CommandHandlers, HandlerResult } from '../../../src/participants/kit/index.ts';

/** A migrated participant database in its own temp dir; dispose() closes and deletes it. */
export function tempParticipantDb(service: string): { db: Db; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `saga-${service}-`));
  const db = openDatabase(join(dir, `${service}.db`));
  migrate(db, service);
  return {
    db,
    dispose() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The handler of one command type (e.g. order.v1.ReserveInventory), called as the kit would, outside a saga. */
export function handlerOf(handlers: CommandHandlers, type: string, db?: Db): (body: unknown) => HandlerResult {
  const entry = handlers.find((h) => h.type.name === type);
  if (!entry) throw new Error(`no handler for ${type}`);
  return (body) =>
    entry.handle(body as never, { db: db as Db, sagaId: 'saga-test', sagaType: type.split('.')[0]!, commandId: `saga-test:${type}`, attempt: 1, businessKey: '', now: Date.now() });
}

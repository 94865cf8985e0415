import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, migrate, openDatabase, type Db } from '../../../src/store/index.ts';

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

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, migrate, MIGRATIONS_ROOT, openDatabase, SagaStore, type Db } from '../../src/store/index.ts';

describe('migration 005: the outbox becomes a queue', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saga-migration-'));
    // A database as the previous release left it: migrations 001-004 only.
    const old = join(dir, 'migrations', 'orchestrator');
    mkdirSync(old, { recursive: true });
    for (const f of readdirSync(join(MIGRATIONS_ROOT, 'orchestrator')).filter((f) => /^00[1-4]_/.test(f))) copyFileSync(join(MIGRATIONS_ROOT, 'orchestrator', f), join(old, f));
    db = openDatabase(join(dir, 'orchestrator.db'));
    migrate(db, 'orchestrator', join(dir, 'migrations'));
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the unpublished rows, drops the published ones, and never reuses an id', () => {
    const insert = db.prepare('INSERT INTO outbox (saga_id, subject, msg_id, headers, payload, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= 6; i++) insert.run('s-1', `subject.${i}`, `s-1:${i}:0`, '{}', Buffer.from([i]), i, i === 3 ? null : i);
    expect(migrate(db, 'orchestrator')).toEqual([5, 6, 7]);

    const store = new SagaStore(db);
    expect(store.unsentOutbox(0, 100).map((r) => [r.id, r.subject])).toEqual([[3, 'subject.3']]);
    store.markPublished(3, []);
    expect(store.countUnsent()).toBe(0);
    // The table is empty, yet the next id continues after the highest one ever used.
    store.insertOutbox({ saga_id: 's-2', subject: 'subject.7', msg_id: 's-2:1:0', headers: '{}', payload: Buffer.from([7]), created_at: 7 });
    expect(store.unsentOutbox(0, 100).map((r) => r.id)).toEqual([7]);
    expect(db.prepare("SELECT count(*) FROM sqlite_sequence WHERE name = 'outbox'").pluck().get()).toBe(1);
  });
});

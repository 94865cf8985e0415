import Database from 'better-sqlite3';

/** A saga as its database recorded it, with its whole history (JSON columns as stored). */
export interface RecordedSagaRow {
  id: string;
  type: string;
  version: number;
  createdAt: number;
  input: string;
  history: { seq: number; at: number; eventType: string; event: string; status: string; effects: string; ignored: boolean }[];
}

/**
 * Reads sagas and their histories from an orchestrator database, opened read-only (a copy, or the
 * live file: SQLite's WAL lets a reader run beside the orchestrator). Oldest first.
 */
export function readRecordedSagas(path: string, filter: { type?: string; limit?: number } = {}): RecordedSagaRow[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const sagas = db
      .prepare<{ type: string | null; limit: number }, { id: string; type: string; version: number; created_at: number; input: string }>(
        'SELECT id, type, version, created_at, input FROM sagas WHERE (@type IS NULL OR type = @type) ORDER BY created_at, id LIMIT @limit',
      )
      .all({ type: filter.type ?? null, limit: filter.limit ?? -1 });
    const history = db.prepare<[string], { seq: number; at: number; event_type: string; event: string; status: string; effects: string; ignored: number }>(
      'SELECT seq, at, event_type, event, status, effects, ignored FROM saga_history WHERE saga_id = ? ORDER BY seq',
    );
    return sagas.map((s) => ({
      id: s.id,
      type: s.type,
      version: s.version,
      createdAt: s.created_at,
      input: s.input,
      history: history.all(s.id).map((h) => ({ seq: h.seq, at: h.at, eventType: h.event_type, event: h.event, status: h.status, effects: h.effects, ignored: h.ignored === 1 })),
    }));
  } finally {
    db.close();
  }
}

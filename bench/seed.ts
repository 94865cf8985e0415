import type Database from 'better-sqlite3';

/**
 * Inserts `count` finished order sagas (with a four-event history each) into an orchestrator
 * database, spread over the last 30 days, as a long-running system would have accumulated.
 * Returns how many sagas the database holds.
 */
export function seedFinishedSagas(db: Database.Database, count: number): number {
  const insertSaga = db.prepare(`INSERT INTO sagas (id, type, version, status, reason, business_key, snapshot, input, idempotency_key,
    request_hash, trace_context, seq, created_at, updated_at, finished_at) VALUES (?, 'order', 1, ?, ?, ?, ?, ?, NULL, NULL, NULL, 4, ?, ?, ?)`);
  const insertHistory = db.prepare(`INSERT INTO saga_history (saga_id, seq, at, event_type, event, state, status, effects, ignored)
    VALUES (?, ?, ?, ?, '{}', '"completed"', ?, '[]', 0)`);
  const snapshot = JSON.stringify({ status: 'done', value: 'completed', context: {} });
  const input = JSON.stringify({ orderId: 'seed', customerId: 'seed', items: [], total: { amountMinor: 100, currency: 'EUR' } });
  const now = Date.now();
  const batch = 20_000;
  for (let start = 0; start < count; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(count, start + batch); i++) {
        const id = `seed-${i.toString(36).padStart(8, '0')}`;
        const created = now - 30 * 86_400_000 + Math.floor((i / count) * 29 * 86_400_000);
        const cancelled = i % 10 === 0;
        insertSaga.run(id, cancelled ? 'cancelled' : 'completed', cancelled ? 'PAYMENT_DECLINED' : null, `seed-order-${i}`, snapshot, input, created, created + 50, created + 50);
        for (let seq = 1; seq <= 4; seq++) insertHistory.run(id, seq, created + seq * 10, seq === 1 ? 'START' : 'REPLY', cancelled ? 'cancelled' : 'completed');
      }
    })();
  }
  const total = db.prepare('SELECT count(*) FROM sagas').pluck().get() as number;
  db.close();
  return total;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NatsServer, waitFor } from '../support/nats-server.ts';
import { startProcesses, type ProcessSystem, type ServiceProcess } from '../support/processes.ts';
import { orderBody } from '../support/system.ts';

const ORDERS = 120;
const BALANCE = 10_000_000;

describe('SIGTERM restarts under load', () => {
  let nats: NatsServer;
  let dir: string;
  let system: ProcessSystem;
  let orchestrator: ServiceProcess;

  beforeAll(async () => {
    nats = await NatsServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-graceful-'));
    system = await startProcesses(nats.url, dir, {
      orchestrator: { STEP_TIMEOUT_MS: '2000', STEP_MAX_ATTEMPTS: '10', STEP_INITIAL_BACKOFF_MS: '50', STEP_MAX_BACKOFF_MS: '500' },
      participants: { CHAOS_DELAY_MS: '10' },
      inventory: { INVENTORY_DEFAULT_STOCK: '100000' },
      payment: { PAYMENT_DEFAULT_BALANCE: String(BALANCE) },
    });
    orchestrator = system.orchestrator;
  });

  afterAll(async () => {
    await system?.killAll();
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('no saga is lost or stuck, and every order is charged once', async () => {
    const url = () => `http://127.0.0.1:${orchestrator.env.HTTP_PORT}`;
    const accepted = new Map<string, { orderId: string }>();

    /** Places one order, retrying with the same Idempotency-Key while the orchestrator restarts. */
    async function place(i: number): Promise<void> {
      const body = orderBody({ customerId: `graceful-${i % 7}` });
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          const res = await fetch(`${url()}/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `graceful-${i}` },
            body: JSON.stringify(body),
          });
          if (res.status === 202 || res.status === 200) {
            const json = (await res.json()) as { sagaId: string; orderId: string };
            accepted.set(json.sagaId, { orderId: json.orderId });
            return;
          }
        } catch {
          // connection refused while the orchestrator restarts: try again
        }
        if (Date.now() > deadline) throw new Error(`order ${i} never accepted`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    const load = (async () => {
      for (let i = 0; i < ORDERS; i += 4) await Promise.all([0, 1, 2, 3].map((k) => place(i + k)));
    })();
    await waitFor(() => accepted.size >= 30, 20_000, 'load under way');
    expect(await orchestrator.stop('SIGTERM')).toBe(0);
    await orchestrator.start();
    await waitFor(() => accepted.size >= 60, 20_000, 'load continues');
    const payment = system.payment;
    expect(await payment.stop('SIGTERM')).toBe(0);
    await payment.start();
    await waitFor(() => accepted.size >= 90, 20_000, 'load continues after the participant restart');
    const inventory = system.inventory;
    expect(await inventory.stop('SIGTERM')).toBe(0);
    await inventory.start();
    await load;
    expect(accepted.size).toBe(ORDERS);

    await waitFor(async () => {
      const res = await fetch(`${url()}/sagas?status=running&limit=1`);
      const comp = await fetch(`${url()}/sagas?status=compensating&limit=1`);
      return ((await res.json()) as { items: unknown[] }).items.length === 0 && ((await comp.json()) as { items: unknown[] }).items.length === 0;
    }, 60_000, 'no saga running');
    let completed = 0;
    for (const sagaId of accepted.keys()) {
      const saga = (await (await fetch(`${url()}/sagas/${sagaId}`)).json()) as { status: string };
      expect(saga.status).toBe('completed');
      completed++;
    }
    expect(completed).toBe(ORDERS);

    const db = new Database(join(dir, 'payment.db'), { readonly: true });
    try {
      const charged = db.prepare("SELECT count(*) FROM payments WHERE status = 'charged'").pluck().get();
      expect(charged).toBe(ORDERS);
      const total = db.prepare('SELECT sum(balance) FROM accounts').pluck().get() as number;
      expect(total).toBe(7 * BALANCE - ORDERS * 2_500);
    } finally {
      db.close();
    }
    // Requests that hit the restart window were retried with the same key: none made a second saga.
    const orch = new Database(join(dir, 'orchestrator.db'), { readonly: true });
    try {
      expect(orch.prepare('SELECT count(*) FROM sagas').pluck().get()).toBe(ORDERS);
    } finally {
      orch.close();
    }
  }, 120_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NatsServer, waitFor } from '../support/nats-server.ts';
import { startProcesses, type ProcessSystem, type ServiceProcess } from '../support/processes.ts';
import { orderBody } from '../support/system.ts';

const SAGAS = 40;
const BALANCE = 1_000_000;

describe('orchestrator killed with SIGKILL while sagas are in flight', () => {
  let nats: NatsServer;
  let dir: string;
  let system: ProcessSystem;
  let orchestrator: ServiceProcess;

  beforeAll(async () => {
    nats = await NatsServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-crash-'));
    system = await startProcesses(nats.url, dir, {
      orchestrator: {
        STEP_TIMEOUT_MS: '1500',
        STEP_MAX_ATTEMPTS: '5',
        STEP_INITIAL_BACKOFF_MS: '50',
        STEP_MAX_BACKOFF_MS: '500',
        COMPENSATION_TIMEOUT_MS: '1500',
      },
      participants: { CHAOS_DELAY_MS: '20' },
      inventory: { INVENTORY_DEFAULT_STOCK: '100000' },
      payment: { PAYMENT_DEFAULT_BALANCE: String(BALANCE) },
      shipping: { SHIPPING_UNSERVED_COUNTRIES: 'AQ' },
    });
    orchestrator = system.orchestrator;
  });

  afterAll(async () => {
    await system?.killAll();
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every saga reaches a final status after restart, and nobody is charged twice', async () => {
    const base = () => `http://127.0.0.1:${orchestrator.env.HTTP_PORT}`;
    const ids: { sagaId: string; orderId: string; customerId: string; declined: boolean }[] = [];
    for (let i = 0; i < SAGAS; i++) {
      // Every fourth order ships to an unserved country: charge, then refund.
      const declined = i % 4 === 3;
      const body = orderBody({
        customerId: `crash-customer-${i % 5}`,
        ...(declined ? { shippingAddress: { line1: 'x', city: 'y', postalCode: '1', country: 'AQ' } } : {}),
      });
      const res = await fetch(`${base()}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(202);
      const json = (await res.json()) as { sagaId: string; orderId: string };
      ids.push({ sagaId: json.sagaId, orderId: json.orderId, customerId: body.customerId as string, declined });
      if (i === SAGAS / 2) {
        // Kill mid-stream: some sagas are mid-step, some replies are unacked, some outbox rows unsent.
        expect(await orchestrator.stop('SIGKILL')).not.toBe(0);
        await orchestrator.start();
      }
    }
    // The newest saga cannot have finished yet (three steps, 20 ms each): the kill lands mid-saga.
    const newest = (await (await fetch(`${base()}/sagas/${ids.at(-1)!.sagaId}`)).json()) as { status: string };
    expect(newest.status).toBe('running');
    await orchestrator.stop('SIGKILL');
    await orchestrator.start();

    const statuses = new Map<string, string>();
    await waitFor(async () => {
      for (const { sagaId } of ids) {
        if (statuses.get(sagaId) === 'completed' || statuses.get(sagaId) === 'cancelled') continue;
        const res = await fetch(`${base()}/sagas/${sagaId}`);
        statuses.set(sagaId, ((await res.json()) as { status: string }).status);
      }
      return [...statuses.values()].every((s) => s === 'completed' || s === 'cancelled') && statuses.size === ids.length;
    }, 60_000, 'all sagas final');

    for (const id of ids) expect(statuses.get(id.sagaId)).toBe(id.declined ? 'cancelled' : 'completed');

    const payments = new Database(join(dir, 'payment.db'), { readonly: true });
    const shipping = new Database(join(dir, 'shipping.db'), { readonly: true });
    try {
      for (const id of ids) {
        const p = payments.prepare('SELECT status, amount_minor FROM payments WHERE order_id = ?').get(id.orderId) as { status: string; amount_minor: number } | undefined;
        expect(p?.status).toBe(id.declined ? 'refunded' : 'charged');
        const s = shipping.prepare('SELECT status FROM shipments WHERE order_id = ?').get(id.orderId) as { status: string } | undefined;
        expect(s?.status).toBe(id.declined ? undefined : 'scheduled');
      }
      // Charged exactly once: each balance is the start balance minus that customer's completed orders.
      const completedTotal = new Map<string, number>();
      for (const id of ids.filter((x) => !x.declined)) completedTotal.set(id.customerId, (completedTotal.get(id.customerId) ?? 0) + 2 * 1_250);
      for (const [customer, total] of completedTotal) {
        const balance = payments.prepare('SELECT balance FROM accounts WHERE customer_id = ?').pluck().get(customer);
        expect(balance).toBe(BALANCE - total);
      }
    } finally {
      payments.close();
      shipping.close();
    }
  }, 120_000);
});

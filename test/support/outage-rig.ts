// The real system (nats-server and the four processes, default settings unless told) plus what an
// outage test needs: orders placed over HTTP as a client would, waiting until every saga is final,
// and the invariants every outage must keep (each order completed once, stock and money exact,
// nothing dead-lettered, nothing left unpublished).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { expect } from 'vitest';
import { STREAM, connectNats } from '../../src/messaging/index.ts';
import { NatsServer, waitFor } from './nats-server.ts';
import { startProcesses, type ProcessSystem, type ServiceProcess } from './processes.ts';

type Env = Record<string, string>;

/** One order a test places, and the saga that took it. */
export interface PlacedOrder {
  orderId: string;
  customerId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  country: string;
  sagaId?: string;
  /** When the API accepted it. */
  acceptedAt?: number;
}

interface StepBody {
  name: string;
  status: string;
  attempts: number;
  lastError: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** GET /sagas/{id}, as far as the tests read it. */
export interface SagaBody {
  sagaId: string;
  status: string;
  reason: string | null;
  steps: StepBody[];
  compensations: StepBody[];
  createdAt: string;
  finishedAt: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const CONSUMERS = [[STREAM.commands, 'inventory'], [STREAM.commands, 'payment'], [STREAM.commands, 'shipping'], [STREAM.replies, 'orchestrator']] as const;

export class OutageRig {
  readonly nats: NatsServer;
  readonly system: ProcessSystem;
  private readonly dir: string;
  private observer: { nc: NatsConnection; jsm: JetStreamManager } | undefined;
  private counter = 0;

  private constructor(nats: NatsServer, dir: string, system: ProcessSystem) {
    this.nats = nats;
    this.dir = dir;
    this.system = system;
  }

  /** Starts nats-server and the four processes; `env` adds to their defaults (the tests mostly keep the defaults). */
  static async start(env: Parameters<typeof startProcesses>[2] = {}): Promise<OutageRig> {
    const nats = await NatsServer.start();
    const dir = mkdtempSync(join(tmpdir(), 'saga-outage-'));
    const system = await startProcesses(nats.url, dir, env);
    return new OutageRig(nats, dir, system);
  }

  url(p: ServiceProcess, path: string): string {
    return `http://127.0.0.1:${p.env.HTTP_PORT}${path}`;
  }

  async getJson<T>(p: ServiceProcess, path: string): Promise<T> {
    const res = await fetch(this.url(p, path), { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`GET ${path} on ${p.entry}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async put(p: ServiceProcess, path: string, body: unknown): Promise<void> {
    const res = await fetch(this.url(p, path), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, `PUT ${path}`).toBe(200);
  }

  /** One series of a process's Prometheus text; NaN when the process does not answer. */
  async metric(p: ServiceProcess, series: string): Promise<number> {
    try {
      const text = await (await fetch(this.url(p, '/metrics'), { signal: AbortSignal.timeout(2_000) })).text();
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    } catch {
      return Number.NaN;
    }
  }

  /** Sets a SKU's stock and a customer's balance (through the participants' APIs). */
  async seed(sku: string, stock: number, customerId: string, balance: number): Promise<void> {
    await this.put(this.system.inventory, `/stock/${sku}`, { available: stock });
    await this.put(this.system.payment, `/accounts/${customerId}`, { balance });
  }

  /** `n` orders of 1–3 units of `sku` by `customerId`, each with its own order id. */
  plan(prefix: string, n: number, sku: string, customerId: string, country = 'DE'): PlacedOrder[] {
    return Array.from({ length: n }, (_, i) => ({
      orderId: `${prefix}-${process.pid}-${++this.counter}`,
      customerId,
      sku,
      quantity: 1 + (i % 3),
      unitPrice: 100 + (i % 7) * 10,
      country,
    }));
  }

  /** Places one order with its own Idempotency-Key; retried on a refused connection or a 503, as a client would. */
  async place(o: PlacedOrder): Promise<void> {
    const body = JSON.stringify({
      orderId: o.orderId,
      customerId: o.customerId,
      currency: 'EUR',
      items: [{ sku: o.sku, quantity: o.quantity, unitPrice: o.unitPrice }],
      shippingAddress: { line1: '1 Outage Road', city: 'Testville', postalCode: '12345', country: o.country },
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const res = await fetch(this.url(this.system.orchestrator, '/orders'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': o.orderId },
          body,
          signal: AbortSignal.timeout(5_000),
        });
        if (res.status === 202 || res.status === 200) {
          o.sagaId = ((await res.json()) as { sagaId: string }).sagaId;
          o.acceptedAt = Date.now();
          return;
        }
        if (res.status !== 503) throw new Error(`order ${o.orderId}: ${res.status} ${await res.text()}`);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith(`order ${o.orderId}:`)) throw err;
      }
      if (Date.now() > deadline) throw new Error(`order ${o.orderId} was never accepted`);
      await sleep(100);
    }
  }

  /** Places the orders evenly over `spreadMs`, a few at a time. */
  async placeSpread(orders: PlacedOrder[], spreadMs: number): Promise<void> {
    const t0 = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let k = next++; k < orders.length; k = next++) {
          await sleep(t0 + (k * spreadMs) / orders.length - Date.now());
          await this.place(orders[k]!);
        }
      }),
    );
  }

  /** Waits until every order's saga is completed or cancelled; returns when that was. */
  async waitFinal(orders: readonly PlacedOrder[], timeoutMs: number): Promise<number> {
    let open = orders.length;
    await waitFor(async () => {
      try {
        const views = await this.views(orders);
        open = views.filter((v) => v.status !== 'completed' && v.status !== 'cancelled').length;
      } catch {
        return false;
      }
      return open === 0;
    }, timeoutMs, `every saga to end (still open: ${open})`);
    return Date.now();
  }

  /** The sagas of the orders, a few requests at a time. */
  async views(orders: readonly PlacedOrder[]): Promise<SagaBody[]> {
    const out: SagaBody[] = new Array(orders.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let k = next++; k < orders.length; k = next++) out[k] = await this.getJson<SagaBody>(this.system.orchestrator, `/sagas/${orders[k]!.sagaId}`);
      }),
    );
    return out;
  }

  /** How many of the sagas' histories record a step found queued (COMMAND_QUEUED). */
  async queuedEvents(orders: readonly PlacedOrder[]): Promise<number> {
    let n = 0;
    for (const o of orders) {
      const { events } = await this.getJson<{ events: { type: string }[] }>(this.system.orchestrator, `/sagas/${o.sagaId}/history`);
      n += events.filter((e) => e.type === 'COMMAND_QUEUED').length;
    }
    return n;
  }

  /**
   * Every order completed exactly once: one saga each, no STEP_FAILED, the SKU's stock reduced by
   * exactly what was ordered (and held as reserved), the customer charged exactly the orders'
   * totals, one charge and one scheduled shipment per order.
   */
  async expectAllCompleted(orders: readonly PlacedOrder[], before: { stock: number; balance: number }): Promise<void> {
    const views = await this.views(orders);
    const outcomes = new Map<string, number>();
    for (const v of views) outcomes.set(`${v.status}${v.reason ? `/${v.reason}` : ''}`, (outcomes.get(`${v.status}${v.reason ? `/${v.reason}` : ''}`) ?? 0) + 1);
    expect(Object.fromEntries(outcomes)).toEqual({ completed: orders.length });
    const { sku, customerId } = orders[0]!;
    const units = orders.reduce((sum, o) => sum + o.quantity, 0);
    const spent = orders.reduce((sum, o) => sum + o.quantity * o.unitPrice, 0);
    expect(await this.getJson(this.system.inventory, `/stock/${sku}`)).toEqual({ sku, available: before.stock - units, reserved: units });
    expect(await this.getJson(this.system.payment, `/accounts/${customerId}`)).toEqual({ customerId, balance: before.balance - spent });
    for (const o of orders) {
      expect(await this.getJson(this.system.payment, `/payments/${o.orderId}`), o.orderId).toMatchObject({ status: 'charged', amount: o.quantity * o.unitPrice });
      expect(await this.getJson(this.system.shipping, `/shipments/${o.orderId}`), o.orderId).toMatchObject({ status: 'scheduled' });
    }
  }

  /**
   * Nothing dead-lettered, every outbox row published, and (unless `drainMs` is 0: a participant
   * that never answers keeps what it took) every delivery acknowledged, redeliveries included.
   */
  async expectClean(drainMs = 60_000): Promise<void> {
    expect((await this.getJson<{ items: { reason: string }[] }>(this.system.orchestrator, '/dead-letters?limit=10')).items.map((l) => l.reason)).toEqual([]);
    await waitFor(async () => (await this.metric(this.system.orchestrator, 'saga_outbox_unpublished')) === 0, 15_000, 'outbox drained');
    if (drainMs === 0) return;
    const jsm = await this.jsm();
    await waitFor(async () => {
      for (const [stream, durable] of CONSUMERS) {
        const info = await jsm.consumers.info(stream, durable);
        if (info.num_ack_pending > 0 || info.num_pending > 0) return false;
      }
      return true;
    }, drainMs, 'every delivery acknowledged');
  }

  private async jsm(): Promise<JetStreamManager> {
    if (!this.observer) {
      const nc = await connectNats({ servers: this.nats.url, name: 'outage-observer' });
      this.observer = { nc, jsm: await jetstreamManager(nc) };
    }
    return this.observer.jsm;
  }

  /** Stops everything (resuming anything frozen first) and removes the data. */
  async dispose(): Promise<void> {
    for (const p of [this.system.orchestrator, this.system.inventory, this.system.payment, this.system.shipping]) p.resume();
    this.nats.resume();
    await this.system.killAll();
    await this.observer?.nc.close().catch(() => {});
    await this.nats.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Milliseconds as seconds with one decimal, for the reports. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export type { Env };

import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Agent, request } from 'node:http';
import { OrderCancelled, OrderCompleted } from '../sagas/order/contracts/index.ts';
import { connectNats } from '../src/messaging/index.ts';

/** Watches order.completed / order.cancelled and resolves a waiter per order id. */
export class CompletionWatcher {
  private nc!: NatsConnection;
  private subs: Subscription[] = [];
  private readonly waiters = new Map<string, (status: 'completed' | 'cancelled') => void>();
  private readonly early = new Map<string, 'completed' | 'cancelled'>();
  completed = 0;
  cancelled = 0;

  /** Subscribes (core NATS: the events are published on these subjects whatever stream keeps them). */
  async start(natsUrl: string): Promise<void> {
    this.nc = await connectNats({ servers: natsUrl, name: 'bench-watcher' });
    for (const [subject, status] of [
      ['order.completed', 'completed'],
      ['order.cancelled', 'cancelled'],
    ] as const) {
      const sub = this.nc.subscribe(subject);
      this.subs.push(sub);
      void (async () => {
        for await (const m of sub) {
          const orderId = (status === 'completed' ? OrderCompleted : OrderCancelled).decode(m.data).orderId;
          if (status === 'completed') this.completed++;
          else this.cancelled++;
          const waiter = this.waiters.get(orderId);
          if (waiter) {
            this.waiters.delete(orderId);
            waiter(status);
          } else this.early.set(orderId, status);
        }
      })();
    }
    await this.nc.flush();
  }

  /** Resolves when the order's saga finished (or already had). */
  wait(orderId: string): Promise<'completed' | 'cancelled'> {
    const done = this.early.get(orderId);
    if (done) {
      this.early.delete(orderId);
      return Promise.resolve(done);
    }
    return new Promise((resolve) => this.waiters.set(orderId, resolve));
  }

  async stop(): Promise<void> {
    for (const s of this.subs) s.unsubscribe();
    await this.nc.close();
  }
}

let sequence = 0;

/** A valid order request for the benchmark; customers and SKUs spread so rows do not contend. */
export function benchOrder(run: string): { orderId: string; body: string } {
  sequence++;
  const orderId = `${run}-${sequence}`;
  return {
    orderId,
    body: JSON.stringify({
      orderId,
      customerId: `bench-customer-${sequence % 97}`,
      currency: 'EUR',
      items: [{ sku: `BENCH-${sequence % 31}`, quantity: 1, unitPrice: 100 }],
      shippingAddress: { line1: '1 Bench St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    }),
  };
}

// node:http with a keep-alive pool: the load driver shares the machine's two cores with the
// system under test, and costs noticeably less CPU per request than fetch.
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

/** POSTs one order; throws unless the API accepted it. */
export function placeOrder(apiUrl: string, body: string): Promise<void> {
  const url = new URL('/orders', apiUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 202) resolve();
          else reject(new Error(`POST /orders answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface LoadResult {
  sagas: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

/** Closed loop: `concurrency` clients, each starting the next saga when its last one finished. */
export async function closedLoop(apiUrl: string | readonly string[], watcher: CompletionWatcher, opts: { concurrency: number; durationMs: number; maxSagas: number; run: string }): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + opts.durationMs;
  let issued = 0;
  // Several APIs (instances sharing one database): each client keeps to one, spread evenly.
  const apis = typeof apiUrl === 'string' ? [apiUrl] : apiUrl;
  const client = async (_: unknown, i: number) => {
    const apiUrl = apis[i % apis.length]!;
    while (performance.now() < deadline && issued < opts.maxSagas) {
      issued++;
      const { orderId, body } = benchOrder(opts.run);
      const t0 = performance.now();
      const done = watcher.wait(orderId);
      await placeOrder(apiUrl, body);
      await done;
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return { sagas: latencies.length, seconds, perSecond: latencies.length / seconds, latenciesMs: latencies };
}

/** Open loop: start sagas at a fixed rate regardless of completions; wait (bounded) for all to finish. */
export async function openLoop(apiUrl: string, watcher: CompletionWatcher, opts: { rate: number; durationMs: number; run: string; settleMs: number }): Promise<LoadResult & { unfinished: number }> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const total = Math.floor((opts.rate * opts.durationMs) / 1000);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const { orderId, body } = benchOrder(opts.run);
    const t0 = performance.now();
    const done = watcher.wait(orderId);
    pending.push(
      placeOrder(apiUrl, body)
        .then(() => done)
        .then(() => {
          latencies.push(performance.now() - t0);
        }),
    );
  }
  const settled = await Promise.race([Promise.all(pending).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), opts.settleMs))]);
  const seconds = (performance.now() - started) / 1000;
  return { sagas: latencies.length, seconds, perSecond: latencies.length / seconds, latenciesMs: latencies, unfinished: settled ? 0 : total - latencies.length };
}

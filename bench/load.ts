import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Agent, request } from 'node:http';
import { OrderCancelled, OrderCompleted } from '../sagas/order/contracts/index.ts';
import { TripBooked, TripCancelled } from '../sagas/trip/contracts/index.ts';
import { connectNats } from '../src/messaging/index.ts';

/** The events that end a saga of each type the benchmark drives, and the business key they carry. */
const FINAL_EVENTS = [
  { subject: 'order.completed', status: 'completed', key: (data: Uint8Array) => OrderCompleted.decode(data).orderId },
  { subject: 'order.cancelled', status: 'cancelled', key: (data: Uint8Array) => OrderCancelled.decode(data).orderId },
  { subject: 'trip.booked', status: 'completed', key: (data: Uint8Array) => TripBooked.decode(data).tripId },
  { subject: 'trip.cancelled', status: 'cancelled', key: (data: Uint8Array) => TripCancelled.decode(data).tripId },
] as const;

/** Watches the order and trip sagas' final events and resolves a waiter per order or trip id. */
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
    for (const { subject, status, key } of FINAL_EVENTS) {
      const sub = this.nc.subscribe(subject);
      this.subs.push(sub);
      void (async () => {
        for await (const m of sub) {
          const id = key(m.data);
          if (status === 'completed') this.completed++;
          else this.cancelled++;
          const waiter = this.waiters.get(id);
          if (waiter) {
            this.waiters.delete(id);
            waiter(status);
          } else this.early.set(id, status);
        }
      })();
    }
    await this.nc.flush();
  }

  /** Resolves when the order's or trip's saga finished (or already had). */
  wait(id: string): Promise<'completed' | 'cancelled'> {
    const done = this.early.get(id);
    if (done) {
      this.early.delete(id);
      return Promise.resolve(done);
    }
    return new Promise((resolve) => this.waiters.set(id, resolve));
  }

  async stop(): Promise<void> {
    for (const s of this.subs) s.unsubscribe();
    await this.nc.close();
  }
}

let sequence = 0;

/** A valid order input for the benchmark; customers and SKUs spread so rows do not contend. */
export function benchOrderInput(run: string): { orderId: string; input: Record<string, unknown> } {
  sequence++;
  const orderId = `${run}-${sequence}`;
  return {
    orderId,
    input: {
      orderId,
      customerId: `bench-customer-${sequence % 97}`,
      currency: 'EUR',
      items: [{ sku: `BENCH-${sequence % 31}`, quantity: 1, unitPrice: 100 }],
      shippingAddress: { line1: '1 Bench St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    },
  };
}

/** benchOrderInput as a request body. */
export function benchOrder(run: string): { orderId: string; body: string } {
  const { orderId, input } = benchOrderInput(run);
  return { orderId, body: JSON.stringify(input) };
}

/** Flights and hotels the trip workload books; the benchmark gives them room for every run. */
const BENCH_FLIGHTS = ['BENCH-F1', 'BENCH-F2', 'BENCH-F3'];
const BENCH_HOTELS = ['BENCH-H1', 'BENCH-H2', 'BENCH-H3'];

/** A valid trip request (a flight, a hotel and a car, booked in parallel, then the payment). */
export function benchTrip(run: string): { tripId: string; body: string } {
  sequence++;
  const tripId = `trip-${run}-${sequence}`;
  return {
    tripId,
    body: JSON.stringify({
      tripId,
      customerId: `bench-customer-${sequence % 97}`,
      traveller: `Traveller ${sequence}`,
      currency: 'EUR',
      flight: { number: BENCH_FLIGHTS[sequence % BENCH_FLIGHTS.length], date: '2027-06-01', seats: 1, pricePerSeat: 100 },
      hotel: { name: BENCH_HOTELS[sequence % BENCH_HOTELS.length], checkIn: '2027-06-01', nights: 1, rooms: 1, pricePerNight: 100 },
      car: { city: 'Berlin', pickUp: '2027-06-01', days: 1, pricePerDay: 100 },
    }),
  };
}

/** The saga types the loops can drive: where each starts and what a request looks like. */
export const WORKLOADS = {
  order: { path: '/orders', next: (run: string) => { const o = benchOrder(run); return { id: o.orderId, body: o.body }; } },
  trip: { path: '/sagas/trip', next: (run: string) => { const t = benchTrip(run); return { id: t.tripId, body: t.body }; } },
} as const;
export type Workload = keyof typeof WORKLOADS;

// node:http with a keep-alive pool: the load driver shares the machine's two cores with the
// system under test, and costs noticeably less CPU per request than fetch.
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

/** POSTs one order (or, with `path`, another saga's start); throws unless the API accepted it. */
export function placeOrder(apiUrl: string, body: string, path = '/orders'): Promise<void> {
  const url = new URL(path, apiUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 202) resolve();
          else reject(new Error(`POST ${path} answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`));
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
export async function closedLoop(apiUrl: string | readonly string[], watcher: CompletionWatcher, opts: { concurrency: number; durationMs: number; maxSagas: number; run: string; workload?: Workload }): Promise<LoadResult> {
  const workload = WORKLOADS[opts.workload ?? 'order'];
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
      const { id, body } = workload.next(opts.run);
      const t0 = performance.now();
      const done = watcher.wait(id);
      await placeOrder(apiUrl, body, workload.path);
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

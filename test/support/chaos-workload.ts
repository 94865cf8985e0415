// The chaos workload both chaos suites share (SQLite: test/chaos/chaos.test.ts; PostgreSQL with
// several instances: test/chaos/chaos-postgres.test.ts): seeded orders and trips of every kind, the
// ledgers they run against, how they are started, and the checks of what they must end as.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { expect } from 'vitest';
import { openPostgresPool } from '../../src/store/postgres/connect.ts';

export const SKUS = ['CH-A', 'CH-B', 'CH-C', 'CH-D'];
export const OOS_SKU = 'CH-OOS';
export const STOCK = 1_000_000;
export const RICH = Array.from({ length: 8 }, (_, i) => `rich-${i}`);
export const POOR = ['poor-0', 'poor-1'];
export const RICH_BALANCE = 1_000_000_000_000;
export const FLIGHTS = ['CH-F1', 'CH-F2'];
export const SOLD_OUT_FLIGHT = 'CH-SOLD';
export const HOTELS = ['CH-H1', 'CH-H2'];
export const FULL_HOTEL = 'CH-FULL';
export const CAPACITY = 1_000_000;

export type Kind = 'normal' | 'declined' | 'outOfStock' | 'unserved';
export const EXPECTED_REASON: Record<Kind, string | null> = {
  normal: null,
  declined: 'PAYMENT_DECLINED',
  outOfStock: 'OUT_OF_STOCK',
  unserved: 'SHIPPING_UNAVAILABLE',
};

export type TripKind = 'normal' | 'declined' | 'soldOut' | 'noRooms' | 'unservedCity';
export const TRIP_REASON: Record<TripKind, string | null> = {
  normal: null,
  declined: 'PAYMENT_DECLINED',
  soldOut: 'FLIGHT_SOLD_OUT',
  noRooms: 'NO_ROOMS',
  unservedCity: 'CITY_NOT_SERVED',
};
export interface PlannedTrip {
  i: number;
  kind: TripKind;
  tripId: string;
  customerId: string;
  flight: { number: string; date: string; seats: number; pricePerSeat: number };
  hotel: { name: string; checkIn: string; nights: number; rooms: number; pricePerNight: number };
  car: { city: string; pickUp: string; days: number; pricePerDay: number };
  total: number;
  sagaId?: string;
}

export interface Item {
  sku: string;
  quantity: number;
  unitPrice: number;
}
export interface PlannedOrder {
  i: number;
  kind: Kind;
  orderId: string;
  customerId: string;
  items: Item[];
  country: string;
  total: number;
  sagaId?: string;
}

/** mulberry32: a small seeded PRNG, so the orders and the fault moments are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` orders of every kind, reproducible from `random`; ids carry `seed`. */
export function planOrders(random: () => number, count: number, seed: number): PlannedOrder[] {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i): PlannedOrder => {
    const r = random();
    const kind: Kind = r < 0.6 ? 'normal' : r < 0.75 ? 'declined' : r < 0.87 ? 'unserved' : 'outOfStock';
    const lines = 1 + Math.floor(random() * 3);
    const items: Item[] = Array.from({ length: lines }, () => ({ sku: pick(SKUS), quantity: 1 + Math.floor(random() * 5), unitPrice: 100 + Math.floor(random() * 5_000) }));
    if (kind === 'outOfStock') items.push({ sku: OOS_SKU, quantity: 1, unitPrice: 100 });
    return {
      i,
      kind,
      orderId: `chaos-${seed}-${i}`,
      customerId: kind === 'declined' ? pick(POOR) : pick(RICH),
      items,
      country: kind === 'unserved' ? 'AQ' : pick(['DE', 'FR', 'IT', 'ES']),
      total: items.reduce((sum, it) => sum + it.quantity * it.unitPrice, 0),
    };
  });
}

/** `count` trips of every kind, reproducible from `random`; ids carry `seed`. */
export function planTrips(random: () => number, count: number, seed: number): PlannedTrip[] {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i): PlannedTrip => {
    const r = random();
    const kind: TripKind = r < 0.6 ? 'normal' : r < 0.7 ? 'declined' : r < 0.8 ? 'soldOut' : r < 0.9 ? 'noRooms' : 'unservedCity';
    const flight = { number: kind === 'soldOut' ? SOLD_OUT_FLIGHT : pick(FLIGHTS), date: '2027-06-01', seats: 1 + Math.floor(random() * 3), pricePerSeat: 100 + Math.floor(random() * 5_000) };
    const hotel = { name: kind === 'noRooms' ? FULL_HOTEL : pick(HOTELS), checkIn: '2027-06-01', nights: 1 + Math.floor(random() * 4), rooms: 1 + Math.floor(random() * 2), pricePerNight: 100 + Math.floor(random() * 3_000) };
    const car = { city: kind === 'unservedCity' ? 'Atlantis' : pick(['Berlin', 'Paris', 'Rome']), pickUp: '2027-06-01', days: 1 + Math.floor(random() * 4), pricePerDay: 100 + Math.floor(random() * 1_000) };
    return {
      i,
      kind,
      tripId: `chaos-trip-${seed}-${i}`,
      customerId: kind === 'declined' ? pick(POOR) : pick(RICH),
      flight,
      hotel,
      car,
      total: flight.seats * flight.pricePerSeat + hotel.nights * hotel.rooms * hotel.pricePerNight + car.days * car.pricePerDay,
    };
  });
}

export interface HistoryEvent {
  seq: number;
  type: string;
  event: { commandId?: string; outcome?: string; reasonCode?: string };
  status: string;
  ignored: boolean;
}
export interface SagaView {
  sagaId: string;
  status: string;
  reason: string | null;
  steps: { name: string; status: string; attempts: number }[];
  compensations: { name: string; status: string; attempts: number }[];
}

/** Orders and trips interleaved (every tenth-ish saga a trip), each as a job that starts it. */
export function interleave(orders: readonly PlannedOrder[], trips: readonly PlannedTrip[], place: (o: PlannedOrder) => Promise<void>, book: (t: PlannedTrip) => Promise<void>): (() => Promise<void>)[] {
  const work: (() => Promise<void>)[] = [];
  for (let k = 0, t = 0; k < orders.length || t < trips.length; k++) {
    if (k < orders.length) work.push(() => place(orders[k]!));
    if (t < trips.length && (k % Math.ceil(orders.length / trips.length) === 0 || k >= orders.length)) {
      const trip = trips[t++]!;
      work.push(() => book(trip));
    }
  }
  return work;
}

/** The order's request body. */
export function orderRequest(o: PlannedOrder): Record<string, unknown> {
  return {
    orderId: o.orderId,
    customerId: o.customerId,
    currency: 'EUR',
    items: o.items,
    shippingAddress: { line1: `${o.i} Chaos Road`, city: 'Testville', postalCode: '12345', country: o.country },
  };
}

/** The trip's request body. */
export function tripRequest(t: PlannedTrip): Record<string, unknown> {
  return { tripId: t.tripId, customerId: t.customerId, traveller: `Traveller ${t.i}`, currency: 'EUR', flight: t.flight, hotel: t.hotel, car: t.car };
}

/**
 * Every saga ended as its kind calls for (or STEP_FAILED if the faults exhausted a step), with a
 * history that is one gap-free sequence agreeing with its view. Returns the tallies the run reports.
 */
export function verifyOutcomes(orders: readonly PlannedOrder[], trips: readonly PlannedTrip[], views: ReadonlyMap<string, SagaView>, histories: ReadonlyMap<string, HistoryEvent[]>): { outcomes: Map<string, number>; retriedSteps: number; ignoredEvents: number } {
  const outcomes = new Map<string, number>();
  let retriedSteps = 0;
  let ignoredEvents = 0;
  /** A saga's history is consistent with its view; returns its applied events and a reply finder. */
  const checkHistory = (sagaId: string, view: SagaView, what: string) => {
    if (view.status === 'cancelled') {
      for (const c of view.compensations) expect(['succeeded', 'skipped'], `${what}: ${c.name} ${c.status}`).toContain(c.status);
    }
    retriedSteps += [...view.steps, ...view.compensations].filter((s) => s.attempts > 1).length;
    const events = histories.get(sagaId)!;
    ignoredEvents += events.filter((e) => e.ignored).length;
    expect(events.map((e) => e.seq), what).toEqual(events.map((_, n) => n + 1));
    expect(events[0]?.type, what).toBe('START');
    const applied = events.filter((e) => !e.ignored);
    expect(applied.at(-1)?.status, what).toBe(view.status);
    // Once final, a saga never changes again: everything after its final event was ignored.
    const finalAt = applied.findIndex((e) => e.status === 'completed' || e.status === 'cancelled');
    expect(applied.slice(finalAt).every((e) => e.status === view.status), what).toBe(true);
    const reply = (step: string, outcome: string, reasonCode?: string) =>
      applied.some((e) => e.type === 'REPLY' && e.event.commandId === `${sagaId}:${step}` && e.event.outcome === outcome && (reasonCode === undefined || e.event.reasonCode === reasonCode));
    return { applied, reply };
  };
  for (const o of orders) {
    const view = views.get(o.sagaId!)!;
    const key = `${view.status}${view.reason ? `/${view.reason}` : ''}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    const expected = EXPECTED_REASON[o.kind];
    const what = `${o.orderId} (${o.kind}): ${key}`;
    if (expected === null) expect(key === 'completed' || key === 'cancelled/STEP_FAILED', what).toBe(true);
    else expect(key === `cancelled/${expected}` || key === 'cancelled/STEP_FAILED', what).toBe(true);
    const { applied, reply } = checkHistory(o.sagaId!, view, what);
    if (view.status === 'completed') {
      for (const step of ['reserveInventory', 'chargePayment', 'scheduleShipment']) expect(reply(step, 'OK'), `${what}: OK for ${step}`).toBe(true);
    } else if (view.reason === 'OUT_OF_STOCK') {
      expect(reply('reserveInventory', 'REJECTED', 'OUT_OF_STOCK'), what).toBe(true);
    } else if (view.reason === 'PAYMENT_DECLINED') {
      expect(reply('chargePayment', 'REJECTED', 'PAYMENT_DECLINED'), what).toBe(true);
    } else if (view.reason === 'SHIPPING_UNAVAILABLE') {
      expect(reply('scheduleShipment', 'REJECTED', 'SHIPPING_UNAVAILABLE'), what).toBe(true);
    } else if (view.reason === 'STEP_FAILED') {
      expect(applied.some((e) => e.type.startsWith('xstate.after.') || (e.type === 'REPLY' && e.event.outcome === 'FAILED')), what).toBe(true);
    }
  }

  for (const t of trips) {
    const view = views.get(t.sagaId!)!;
    const key = `${view.status}${view.reason ? `/${view.reason}` : ''}`;
    outcomes.set(`trip ${key}`, (outcomes.get(`trip ${key}`) ?? 0) + 1);
    const expected = TRIP_REASON[t.kind];
    const what = `${t.tripId} (${t.kind}): ${key}`;
    if (expected === null) expect(key === 'completed' || key === 'cancelled/STEP_FAILED', what).toBe(true);
    else expect(key === `cancelled/${expected}` || key === 'cancelled/STEP_FAILED', what).toBe(true);
    const { reply } = checkHistory(t.sagaId!, view, what);
    if (view.status === 'completed') {
      for (const step of ['reserveFlight', 'reserveHotel', 'reserveCar', 'chargePayment']) expect(reply(step, 'OK'), `${what}: OK for ${step}`).toBe(true);
    } else if (view.reason !== 'STEP_FAILED') {
      const step = { FLIGHT_SOLD_OUT: 'reserveFlight', NO_ROOMS: 'reserveHotel', CITY_NOT_SERVED: 'reserveCar', PAYMENT_DECLINED: 'chargePayment' }[view.reason!]!;
      expect(reply(step, 'REJECTED', view.reason!), what).toBe(true);
    }
  }
  return { outcomes, retriedSteps, ignoredEvents };
}

/** Rows of a participant's own tables, whichever store it runs on; the SQL uses `?` placeholders. */
export interface Ledger {
  rows<R>(participant: string, sql: string, ...params: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/** The participants' SQLite files in `dir` (<participant>.db), opened read-only. */
export function sqliteLedger(dir: string): Ledger {
  const open = new Map<string, Database.Database>();
  const db = (participant: string) => {
    let d = open.get(participant);
    if (!d) open.set(participant, (d = new Database(join(dir, `${participant}.db`), { readonly: true })));
    return d;
  };
  return {
    rows: async <R>(participant: string, sql: string, ...params: unknown[]) => db(participant).prepare(sql).all(...params) as R[],
    close: async () => {
      for (const d of open.values()) d.close();
    },
  };
}

/** The participants' schemas of one PostgreSQL database (each participant works in a schema named after it). */
export function postgresLedger(url: string): Ledger {
  const pools = new Map<string, pg.Pool>();
  const pool = (participant: string) => {
    let p = pools.get(participant);
    if (!p) pools.set(participant, (p = openPostgresPool(url, { max: 2, searchPath: participant })));
    return p;
  };
  return {
    rows: async <R>(participant: string, sql: string, ...params: unknown[]) => {
      let n = 0;
      return (await pool(participant).query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as R[];
    },
    close: async () => {
      await Promise.all([...pools.values()].map((p) => p.end()));
    },
  };
}

/**
 * Money, stock, shipments, seats, rooms and cars, from the participants' own tables: each charged,
 * reserved and booked exactly once per completed saga, everything of a cancelled one given back.
 */
export async function verifyLedgers(ledger: Ledger, orders: readonly PlannedOrder[], trips: readonly PlannedTrip[], views: ReadonlyMap<string, SagaView>): Promise<void> {
  const one = async <R>(participant: string, sql: string, ...params: unknown[]): Promise<R | undefined> => (await ledger.rows<R>(participant, sql, ...params))[0];
  const value = async (participant: string, sql: string, ...params: unknown[]): Promise<number> => Number(Object.values((await one<Record<string, unknown>>(participant, sql, ...params)) ?? { v: 0 })[0]);
  const completed = orders.filter((o) => views.get(o.sagaId!)!.status === 'completed');
  const booked = trips.filter((t) => views.get(t.sagaId!)!.status === 'completed');
  const unbooked = trips.filter((t) => views.get(t.sagaId!)!.status === 'cancelled');
  const cancelled = orders.filter((o) => views.get(o.sagaId!)!.status === 'cancelled');
  // Stock before = available + reserved by completed orders; nothing else still reserved.
  for (const sku of [...SKUS, OOS_SKU]) {
    const row = (await one<{ available: number; reserved: number }>('inventory', 'SELECT available, reserved FROM stock WHERE sku = ?', sku))!;
    const held = completed.reduce((sum, o) => sum + o.items.filter((it) => it.sku === sku).reduce((s, it) => s + it.quantity, 0), 0);
    expect({ sku, available: Number(row.available), reserved: Number(row.reserved) }).toEqual({ sku, available: (sku === OOS_SKU ? 0 : STOCK) - held, reserved: held });
  }
  const payment = (ref: string) => one<{ status: string; amount_minor: number; customer_id: string }>('payment', 'SELECT status, amount_minor, customer_id FROM payments WHERE order_id = ?', ref);
  const shipment = async (orderId: string) => (await one<{ status: string }>('shipping', 'SELECT status FROM shipments WHERE order_id = ?', orderId))?.status;
  for (const o of completed) {
    expect(await payment(o.orderId), o.orderId).toMatchObject({ status: 'charged', amount_minor: o.total, customer_id: o.customerId });
    expect(await shipment(o.orderId), o.orderId).toBe('scheduled');
  }
  for (const o of cancelled) {
    expect(['declined', 'refunded', undefined], o.orderId).toContain((await payment(o.orderId))?.status);
    expect([undefined, 'cancelled'], o.orderId).toContain(await shipment(o.orderId));
  }
  for (const t of booked) expect(await payment(`trip:${t.tripId}`), t.tripId).toMatchObject({ status: 'charged', amount_minor: t.total, customer_id: t.customerId });
  for (const t of unbooked) expect(['declined', 'refunded', undefined], t.tripId).toContain((await payment(`trip:${t.tripId}`))?.status);
  // Charged exactly once: each balance is what it was minus that customer's completed orders and trips.
  for (const c of [...RICH, ...POOR]) {
    const spent = [...completed, ...booked].filter((o) => o.customerId === c).reduce((sum, o) => sum + o.total, 0);
    expect(await value('payment', 'SELECT balance FROM accounts WHERE customer_id = ?', c), c).toBe((POOR.includes(c) ? 0 : RICH_BALANCE) - spent);
  }
  expect(await value('payment', "SELECT count(*) FROM payments WHERE status = 'charged'")).toBe(completed.length + booked.length);
  expect(await value('shipping', "SELECT count(*) FROM shipments WHERE status = 'scheduled'")).toBe(completed.length);

  // Seats, rooms and cars: booked once per completed trip, everything else given back.
  for (const f of [...FLIGHTS, SOLD_OUT_FLIGHT]) {
    const seats = booked.filter((t) => t.flight.number === f).reduce((sum, t) => sum + t.flight.seats, 0);
    expect(await value('flights', 'SELECT coalesce(sum(booked), 0) FROM flight_dates WHERE flight = ?', f), f).toBe(seats);
  }
  for (const h of [...HOTELS, FULL_HOTEL]) {
    const rooms = booked.filter((t) => t.hotel.name === h).reduce((sum, t) => sum + t.hotel.rooms, 0);
    expect(await value('hotels', 'SELECT coalesce(sum(reserved), 0) FROM hotels WHERE hotel = ?', h), h).toBe(rooms);
  }
  for (const [participant, table] of [['flights', 'flight_bookings'], ['hotels', 'hotel_bookings'], ['cars', 'car_bookings']] as const) {
    const status = async (tripId: string) => (await one<{ status: string }>(participant, `SELECT status FROM ${table} WHERE trip_id = ?`, tripId))?.status;
    for (const t of booked) expect(await status(t.tripId), `${table} ${t.tripId}`).toBe('reserved');
    for (const t of unbooked) expect([undefined, 'cancelled'], `${table} ${t.tripId}`).toContain(await status(t.tripId));
    expect(await value(participant, `SELECT count(*) FROM ${table} WHERE status = 'reserved'`), table).toBe(booked.length);
  }
}

/** Sets the ledgers the checks start from, through each participant's admin API (`base` URLs). */
export async function seedLedgers(apis: { inventory: string; payment: string; travel: string }): Promise<void> {
  const put = async (base: string, path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, `PUT ${path}`).toBe(200);
  };
  for (const sku of SKUS) await put(apis.inventory, `/stock/${sku}`, { available: STOCK });
  await put(apis.inventory, `/stock/${OOS_SKU}`, { available: 0 });
  for (const c of RICH) await put(apis.payment, `/accounts/${c}`, { balance: RICH_BALANCE });
  for (const c of POOR) await put(apis.payment, `/accounts/${c}`, { balance: 0 });
  for (const f of FLIGHTS) await put(apis.travel, `/flights/${f}`, { seats: CAPACITY });
  await put(apis.travel, `/flights/${SOLD_OUT_FLIGHT}`, { seats: 0 });
  for (const h of HOTELS) await put(apis.travel, `/hotels/${h}`, { rooms: CAPACITY });
  await put(apis.travel, `/hotels/${FULL_HOTEL}`, { rooms: 0 });
}

/**
 * Starts a saga through `path` with its own Idempotency-Key, sent again with the same key while no
 * orchestrator takes it (refused, reset, 503); `api(attempt)` picks the orchestrator of each try.
 * Sets `o.sagaId`; resolves with the number of retries. Any other answer than 200/202/503 is a bug.
 */
export async function startSaga(api: (attempt: number) => string, path: string, key: string, input: unknown, o: { sagaId?: string }, timeoutMs: number): Promise<number> {
  const body = JSON.stringify(input);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`${api(attempt)}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status === 202 || res.status === 200) {
        o.sagaId = ((await res.json()) as { sagaId: string }).sagaId;
        return attempt;
      }
      // Anything else but a 503 is a bug: the same key and body must always be accepted.
      if (res.status !== 503) throw new Error(`${key}: ${res.status} ${await res.text()}`);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith(`${key}:`)) throw err;
      // refused or reset while an orchestrator restarts: try again
    }
    if (Date.now() > deadline) throw new Error(`${key} was never accepted`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every saga's view and history, as the API shows them (`get` reads a path from an orchestrator), eight at a time. */
export async function readSagas(get: <T>(path: string) => Promise<T>, sagaIds: readonly string[]): Promise<{ views: Map<string, SagaView>; histories: Map<string, HistoryEvent[]> }> {
  const views = new Map<string, SagaView>();
  const histories = new Map<string, HistoryEvent[]>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let k = next++; k < sagaIds.length; k = next++) {
        const id = sagaIds[k]!;
        views.set(id, await get<SagaView>(`/sagas/${id}`));
        histories.set(id, (await get<{ events: HistoryEvent[] }>(`/sagas/${id}/history`)).events);
      }
    }),
  );
  return { views, histories };
}

// Chaos: the real processes (nats-server, orchestrator, inventory, payment, shipping, travel) on
// loopback, hundreds of order and trip sagas mixed with every outcome, transient participant
// failures, and while they run: the orchestrator SIGKILLed and restarted several times, two
// participant processes killed and restarted (inventory, and travel with flights, hotels and cars),
// nats-server restarted on its store, a participant frozen long enough that commands time out and
// are retried while the first copy is still pending. Then, for every participant: nothing lost,
// nothing stuck, nobody charged twice, no stock, seat or room leaked or booked twice, everything
// compensated, every history consistent, no outbox row left unpublished.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAM, connectNats } from '../../src/messaging/index.ts';
import { NatsServer, waitFor } from '../support/nats-server.ts';
import { startProcesses, type ProcessSystem, type ServiceProcess } from '../support/processes.ts';
import {
  interleave,
  orderRequest,
  planOrders,
  planTrips,
  prng,
  readSagas,
  seedLedgers,
  sqliteLedger,
  startSaga,
  tripRequest,
  verifyLedgers,
  verifyOutcomes,
  type PlannedOrder,
  type PlannedTrip,
} from '../support/chaos-workload.ts';

/** Fixed so a failing run can be replayed (CHAOS_SEED=… npm test); printed with the figures. */
const SEED = Number(process.env.CHAOS_SEED ?? 20_260_606);
const ORDERS = 440;
const TRIPS = 120;
const SAGAS = ORDERS + TRIPS;
/** The load is spread over this long, so faults land among sagas in flight. */
const LOAD_MS = 26_000;
const SETTLE_MS = 90_000;
/** Longer than a step timeout (1 s), shorter than the participant's ack wait (30 s). */
const PAUSE_MS = 3_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

describe('chaos: crashes, restarts, pauses and transient failures under load', () => {
  let nats: NatsServer;
  let dir: string;
  let system: ProcessSystem;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  const url = (p: ServiceProcess, path: string) => `http://127.0.0.1:${p.env.HTTP_PORT}${path}`;

  async function getJson<T>(p: ServiceProcess, path: string): Promise<T> {
    const res = await fetch(url(p, path));
    if (!res.ok) throw new Error(`GET ${path} on ${p.entry}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** One series of a process's Prometheus text (0 when absent or the process is down). */
  async function metric(p: ServiceProcess, series: string): Promise<number> {
    try {
      const text = await (await fetch(url(p, '/metrics'))).text();
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    } catch {
      return 0;
    }
  }

  beforeAll(async () => {
    nats = await NatsServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-chaos-'));
    system = await startProcesses(nats.url, dir, {
      orchestrator: {
        // Short enough to settle fast, long enough that a healthy reply beats it: retries happen
        // because of the faults and the injected failures, not because the machine is busy.
        STEP_TIMEOUT_MS: '1000',
        STEP_MAX_ATTEMPTS: '12',
        STEP_INITIAL_BACKOFF_MS: '100',
        STEP_BACKOFF_MULTIPLIER: '2',
        STEP_MAX_BACKOFF_MS: '1000',
        COMPENSATION_TIMEOUT_MS: '1000',
        COMPENSATION_MAX_ATTEMPTS: '60',
        COMPENSATION_INITIAL_BACKOFF_MS: '100',
        COMPENSATION_MAX_BACKOFF_MS: '1000',
      },
      participants: { CHAOS_FAILURE_RATE: '0.2', CHAOS_DELAY_MS: '5' },
      inventory: { INVENTORY_DEFAULT_STOCK: '0' },
      payment: { PAYMENT_DEFAULT_BALANCE: '0' },
      shipping: { SHIPPING_UNSERVED_COUNTRIES: 'AQ' },
      travel: { FLIGHTS_DEFAULT_SEATS: '0', HOTELS_DEFAULT_ROOMS: '0', CARS_UNSERVED_CITIES: 'Atlantis' },
    });
    nc = await connectNats({ servers: nats.url, name: 'chaos-observer' });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    system?.payment.resume();
    await system?.killAll();
    await nc?.close().catch(() => {});
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every saga ends completed or cancelled, consistently, with no double charge, no stock leak and no unpublished outbox row', async () => {
    const random = prng(SEED);
    const orders = planOrders(random, ORDERS, SEED);
    const trips = planTrips(random, TRIPS, SEED);
    const { orchestrator, inventory, payment, shipping } = system;
    const travel = system.travel!;

    // Stock and balances before: the invariants are checked against these.
    await seedLedgers({ inventory: url(inventory, ''), payment: url(payment, ''), travel: url(travel, '') });

    // ---- Load: every order placed with its own Idempotency-Key, retried while the orchestrator is down.
    const t0 = Date.now();
    let placeRetries = 0;
    let next = 0;
    /** Starts a saga through `path` with its own Idempotency-Key, retried while the orchestrator is down. */
    const start = async (path: string, key: string, input: unknown, o: { sagaId?: string }) => {
      placeRetries += await startSaga(() => url(orchestrator, ''), path, key, input, o, 60_000);
    };
    const place = (o: PlannedOrder) => start('/orders', `chaos-${SEED}-${o.i}`, orderRequest(o), o);
    const book = (t: PlannedTrip) => start('/sagas/trip', `chaos-trip-${SEED}-${t.i}`, tripRequest(t), t);
    const work = interleave(orders, trips, place, book);
    const load = Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let k = next++; k < work.length; k = next++) {
          // Evenly spread: saga k goes out no earlier than its slot.
          await sleep(t0 + (k * LOAD_MS) / work.length - Date.now());
          await work[k]!();
        }
      }),
    );

    // ---- Faults, at seeded random moments inside their windows, one after another.
    const at = (fromMs: number, toMs: number) => sleep(t0 + fromMs + random() * (toMs - fromMs) - Date.now());
    const figures = { orchestratorKills: 0, participantKills: 0, travelKills: 0, natsRestarts: 0, pauses: 0, pausedMs: 0, inventoryDuplicatesBeforeKill: 0, stranded: 0 };
    /** Deliveries a killed process held unacknowledged: JetStream redelivers them after the ack wait (30 s). */
    const strand = async (stream: string, durable: string) => {
      figures.stranded += (await jsm.consumers.info(stream, durable)).num_ack_pending;
    };
    const killOrchestrator = async () => {
      expect(await orchestrator.stop('SIGKILL')).not.toBe(0);
      figures.orchestratorKills++;
      await strand(STREAM.replies, 'orchestrator');
      await orchestrator.start();
    };
    const CONSUMERS = [
      [STREAM.commands, 'inventory'],
      [STREAM.commands, 'payment'],
      [STREAM.commands, 'shipping'],
      [STREAM.commands, 'flights'],
      [STREAM.commands, 'hotels'],
      [STREAM.commands, 'cars'],
      [STREAM.replies, 'orchestrator'],
    ] as const;
    const faults = (async () => {
      await at(2_000, 4_000);
      await killOrchestrator();

      // Freeze payment: commands delivered to it stay pending (unacked, far from their 30 s ack
      // wait) while the orchestrator times out and sends the next attempt of the same command.
      await at(5_500, 7_000);
      const timeoutsBefore = await metric(orchestrator, 'saga_step_attempts_total{type="order",step="chargePayment",outcome="TIMEOUT"}');
      const pausedAt = Date.now();
      payment.pause();
      figures.pauses++;
      try {
        await waitFor(
          async () =>
            Date.now() - pausedAt >= PAUSE_MS &&
            (await jsm.consumers.info(STREAM.commands, 'payment')).num_ack_pending > 0 &&
            (await metric(orchestrator, 'saga_step_attempts_total{type="order",step="chargePayment",outcome="TIMEOUT"}')) > timeoutsBefore,
          // Generous: on a slow hour the orchestrator, just restarted, takes a while to judge and fire the clocks.
          30_000,
          'charges timed out and retried while payment holds the first copies',
        );
      } finally {
        payment.resume();
        figures.pausedMs = Date.now() - pausedAt;
      }

      await at(10_000, 11_500);
      await killOrchestrator();

      await at(12_500, 14_000);
      await nats.restart(300);
      figures.natsRestarts++;

      await at(16_000, 17_500);
      figures.inventoryDuplicatesBeforeKill = await metric(inventory, 'saga_participant_duplicates_total{participant="inventory"}');
      expect(await inventory.stop('SIGKILL')).not.toBe(0);
      figures.participantKills++;
      await strand(STREAM.commands, 'inventory');
      await inventory.start();

      await at(17_800, 18_800);
      // The travel process: three participants (flights, hotels, cars) die at once.
      expect(await travel.stop('SIGKILL')).not.toBe(0);
      figures.travelKills++;
      for (const p of ['flights', 'hotels', 'cars']) await strand(STREAM.commands, p);
      await travel.start();

      await at(19_000, 21_000);
      await killOrchestrator();

      await at(22_500, 25_000);
      await killOrchestrator();
    })();
    await Promise.all([load, faults]);
    const faultsOverAt = Date.now();
    expect(orders.every((o) => o.sagaId)).toBe(true);
    expect(trips.every((t) => t.sagaId)).toBe(true);

    // ---- Settle: nothing running, compensating or parked, within a bound.
    const countOf = async (status: string) => (await getJson<{ items: unknown[] }>(orchestrator, `/sagas?status=${status}&limit=100`)).items.length;
    let unsettled = -1;
    await waitFor(async () => {
      try {
        unsettled = (await countOf('running')) + (await countOf('compensating')) + (await countOf('needs_attention'));
      } catch {
        return false;
      }
      return unsettled === 0;
    }, SETTLE_MS, `every saga to settle (still unsettled: ${unsettled})`);
    const settleMs = Date.now() - faultsOverAt;

    // ---- Drain: what the killed processes held comes back after the ack wait and is absorbed
    // (answered from stored replies, recorded as ignored); only then are the outcomes checked.
    await waitFor(async () => {
      for (const [stream, durable] of CONSUMERS) {
        const info = await jsm.consumers.info(stream, durable);
        if (info.num_ack_pending > 0 || info.num_pending > 0) return false;
      }
      return true;
    }, 60_000, 'every delivery acknowledged, redeliveries included');
    const drainMs = Date.now() - faultsOverAt;
    await waitFor(async () => (await countOf('running')) + (await countOf('compensating')) + (await countOf('needs_attention')) === 0, 5_000, 'still settled after the redeliveries');

    // ---- Nothing lost: one saga per order, each final.
    const listed: { sagaId: string; type: string; status: string; reason: string | null; businessKey: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof listed; nextCursor: string | null } = await getJson(orchestrator, `/sagas?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      listed.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(listed).toHaveLength(SAGAS);
    const byKey = new Map(listed.map((s) => [`${s.type}:${s.businessKey}`, s]));
    for (const o of orders) expect(byKey.get(`order:${o.orderId}`)?.sagaId, o.orderId).toBe(o.sagaId);
    for (const t of trips) expect(byKey.get(`trip:${t.tripId}`)?.sagaId, t.tripId).toBe(t.sagaId);

    // ---- Each saga: the outcome its kind calls for (or STEP_FAILED if the faults exhausted a step), and a consistent history.
    const { views, histories } = await readSagas(<T,>(path: string) => getJson<T>(orchestrator, path), [...orders, ...trips].map((x) => x.sagaId!));
    const { outcomes, retriedSteps, ignoredEvents } = verifyOutcomes(orders, trips, views, histories);

    // ---- Money, stock and shipments, seats, rooms and cars, from the participants' own databases.
    const ledger = sqliteLedger(dir);
    try {
      await verifyLedgers(ledger, orders, trips, views);
    } finally {
      await ledger.close();
    }

    // ---- Faults never turn a good message into a dead letter.
    expect((await getJson<{ items: { reason: string }[] }>(orchestrator, '/dead-letters?limit=10')).items.map((l) => l.reason)).toEqual([]);

    // ---- No outbox row left unpublished.
    const orch = new Database(join(dir, 'orchestrator.db'), { readonly: true });
    try {
      await waitFor(() => orch.prepare('SELECT count(*) FROM outbox').pluck().get() === 0, 15_000, 'outbox drained');
      expect(orch.prepare('SELECT count(*) FROM sagas').pluck().get()).toBe(SAGAS);
    } finally {
      orch.close();
    }

    // ---- The faults did what they were meant to: retries and absorbed duplicates happened.
    const duplicates = {
      inventory: figures.inventoryDuplicatesBeforeKill + (await metric(inventory, 'saga_participant_duplicates_total{participant="inventory"}')),
      payment: await metric(payment, 'saga_participant_duplicates_total{participant="payment"}'),
      shipping: await metric(shipping, 'saga_participant_duplicates_total{participant="shipping"}'),
    };
    expect(duplicates.payment, 'retries of charges held by the paused payment were answered from the stored reply').toBeGreaterThan(0);
    expect(retriedSteps).toBeGreaterThan(0);
    const stepFailed = outcomes.get('cancelled/STEP_FAILED') ?? 0;
    // The retry budget (12 attempts) outlasts every fault here: exhausting it should stay rare.
    expect(stepFailed + (outcomes.get('trip cancelled/STEP_FAILED') ?? 0), 'sagas whose retries ran out').toBeLessThanOrEqual(Math.ceil(SAGAS * 0.02));

    console.log(
      [
        `chaos (seed ${SEED}): ${ORDERS} orders and ${TRIPS} trips in ${Math.round(LOAD_MS / 1000)} s; settled ${settleMs} ms after the last fault, every redelivery absorbed after ${drainMs} ms`,
        `  outcomes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`,
        `  faults: orchestrator SIGKILL x${figures.orchestratorKills}, inventory SIGKILL x${figures.participantKills}, travel SIGKILL x${figures.travelKills}, nats-server restart x${figures.natsRestarts}, payment SIGSTOP x${figures.pauses} (${figures.pausedMs} ms)`,
        `  order placements retried: ${placeRetries}`,
        `  redeliveries: ${figures.stranded} deliveries held unacknowledged by killed processes, redelivered after the ack wait and absorbed`,
        `  duplicates absorbed by participants: ${JSON.stringify(duplicates)}; duplicate/stale events ignored by sagas: ${ignoredEvents}`,
        `  steps that took more than one attempt: ${retriedSteps}`,
      ].join('\n'),
    );
  }, 175_000);
});

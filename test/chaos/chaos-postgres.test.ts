// Chaos past one machine: three orchestrators and two instances of every participant process, all
// on one PostgreSQL database (each participant in its own schema), over a three-node JetStream
// cluster with every stream replicated three times. 500 mixed order and trip sagas arrive through
// all three APIs while each orchestrator is SIGKILLed in turn (and restarted), one NATS server is
// SIGKILLed and restarted on its store, and PostgreSQL itself is restarted (immediate shutdown,
// crash recovery). Then the chaos suite's invariants: every saga final as its kind calls for,
// nobody charged twice, no stock, seat or room leaked, every compensation done, the outbox empty,
// and no saga driven by two instances at once (one gap-free history sequence per saga, each reply
// applied once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NatsCluster, freePort, waitFor } from '../support/nats-server.ts';
import { PostgresServer } from '../support/postgres.ts';
import { ServiceProcess, startProcesses, type ProcessSystem } from '../support/processes.ts';
import {
  interleave,
  orderRequest,
  planOrders,
  planTrips,
  postgresLedger,
  prng,
  readSagas,
  seedLedgers,
  startSaga,
  tripRequest,
  verifyLedgers,
  verifyOutcomes,
  type PlannedOrder,
  type PlannedTrip,
} from '../support/chaos-workload.ts';

const SEED = Number(process.env.CHAOS_SEED ?? 20_261_130);
const ORDERS = 400;
const TRIPS = 100;
const SAGAS = ORDERS + TRIPS;
const LOAD_MS = 30_000;
const SETTLE_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

describe('chaos on PostgreSQL: three orchestrators, two of every participant, a three-node JetStream cluster', () => {
  let cluster: NatsCluster;
  let postgres: PostgresServer;
  let db: pg.Pool;
  let dir: string;
  let system: ProcessSystem;
  const orchestrators: ServiceProcess[] = [];
  const participants: ServiceProcess[] = [];

  const url = (p: ServiceProcess, path: string) => `http://127.0.0.1:${p.env.HTTP_PORT}${path}`;
  const count = async (sql: string, values: unknown[] = []) => Number((await db.query<{ n: string }>(sql, values)).rows[0]!.n);

  /** A GET answered by whichever orchestrator is up (any of them serves any saga). */
  async function getJson<T>(path: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const o = orchestrators[attempt % orchestrators.length]!;
      try {
        const res = await fetch(url(o, path), { signal: AbortSignal.timeout(5_000) });
        if (res.ok) return (await res.json()) as T;
        if (res.status !== 503) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('GET ')) throw err;
      }
      if (attempt > 60) throw new Error(`GET ${path}: no orchestrator answered`);
      await sleep(100);
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saga-chaos-pg-'));
    cluster = await NatsCluster.start(3);
    postgres = await PostgresServer.start();
    db = new pg.Pool({ connectionString: postgres.url(), max: 2 });
    db.on('error', () => {});
    const database = { DATABASE_URL: postgres.url(), DATABASE_POOL_SIZE: '6' };
    system = await startProcesses(cluster.url, dir, {
      orchestrator: {
        ...database,
        INSTANCE_ID: 'o1',
        STREAM_REPLICAS: '3',
        REPLY_ACK_WAIT_MS: '5000',
        STEP_TIMEOUT_MS: '2000',
        STEP_MAX_ATTEMPTS: '12',
        STEP_INITIAL_BACKOFF_MS: '100',
        STEP_BACKOFF_MULTIPLIER: '2',
        STEP_MAX_BACKOFF_MS: '1000',
        COMPENSATION_TIMEOUT_MS: '2000',
        COMPENSATION_MAX_ATTEMPTS: '60',
        COMPENSATION_INITIAL_BACKOFF_MS: '100',
        COMPENSATION_MAX_BACKOFF_MS: '1000',
      },
      participants: { ...database, CHAOS_FAILURE_RATE: '0.1', WORKER_POOL_SIZE: '8' },
      inventory: { INVENTORY_DEFAULT_STOCK: '0' },
      payment: { PAYMENT_DEFAULT_BALANCE: '0' },
      shipping: { SHIPPING_UNSERVED_COUNTRIES: 'AQ' },
      travel: { FLIGHTS_DEFAULT_SEATS: '0', HOTELS_DEFAULT_ROOMS: '0', CARS_UNSERVED_CITIES: 'Atlantis' },
    });
    orchestrators.push(system.orchestrator);
    for (const id of ['o2', 'o3']) {
      const o = new ServiceProcess('orchestrator', { ...system.orchestrator.env, INSTANCE_ID: id, HTTP_PORT: String(await freePort()) });
      await o.start();
      orchestrators.push(o);
    }
    for (const first of [system.inventory, system.payment, system.shipping, system.travel!]) {
      participants.push(first);
      const second = new ServiceProcess(first.entry, { ...first.env, HTTP_PORT: String(await freePort()) });
      await second.start();
      participants.push(second);
    }
  }, 180_000);

  afterAll(async () => {
    for (const p of [...orchestrators, ...participants]) await p.stop('SIGKILL').catch(() => null);
    await db?.end();
    postgres?.dispose();
    await cluster?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every saga ends as its kind calls for, once, with money and stock conserved, through crashes of every tier', async () => {
    const random = prng(SEED);
    const orders = planOrders(random, ORDERS, SEED);
    const trips = planTrips(random, TRIPS, SEED);
    const { inventory, payment } = system;
    const travel = system.travel!;

    await seedLedgers({ inventory: url(inventory, ''), payment: url(payment, ''), travel: url(travel, '') });

    // ---- Load, through all three APIs: a refused or failed request goes to the next instance with the same key.
    const t0 = Date.now();
    let placeRetries = 0;
    let next = 0;
    const start = async (path: string, key: string, input: unknown, o: { sagaId?: string; i: number }) => {
      // Spread over the three APIs; a refused or failed request goes to the next instance with the same key.
      placeRetries += await startSaga((attempt) => url(orchestrators[(o.i + attempt) % orchestrators.length]!, ''), path, key, input, o, 90_000);
    };
    const place = (o: PlannedOrder) => start('/orders', `chaos-pg-${SEED}-${o.i}`, orderRequest(o), o);
    const book = (t: PlannedTrip) => start('/sagas/trip', `chaos-pg-trip-${SEED}-${t.i}`, tripRequest(t), t);
    const work = interleave(orders, trips, place, book);
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let k = next++; k < work.length; k = next++) {
          await sleep(t0 + (k * LOAD_MS) / work.length - Date.now());
          await work[k]!();
        }
      }),
    );

    // ---- Faults, one after another inside the load.
    const at = (fromMs: number, toMs: number) => sleep(t0 + fromMs + random() * (toMs - fromMs) - Date.now());
    const figures = { orchestratorKills: 0, natsKills: 0, postgresRestarts: 0, postgresDownMs: 0 };
    const killOrchestrator = async (o: ServiceProcess) => {
      expect(await o.stop('SIGKILL')).not.toBe(0);
      figures.orchestratorKills++;
      await sleep(1_000);
      await o.start();
    };
    const faults = (async () => {
      await at(3_000, 5_000);
      await killOrchestrator(orchestrators[0]!);
      await at(8_000, 10_000);
      const victim = cluster.servers[1]!;
      await victim.stop('SIGKILL');
      figures.natsKills++;
      await sleep(3_000);
      await victim.launch();
      await at(13_000, 15_000);
      await killOrchestrator(orchestrators[1]!);
      await at(17_000, 19_000);
      const down = Date.now();
      postgres.restart('immediate');
      figures.postgresDownMs = Date.now() - down;
      figures.postgresRestarts++;
      await at(22_000, 25_000);
      await killOrchestrator(orchestrators[2]!);
    })();
    await Promise.all([load, faults]);
    const faultsOverAt = Date.now();
    expect(orders.every((o) => o.sagaId)).toBe(true);
    expect(trips.every((t) => t.sagaId)).toBe(true);

    // ---- Settle.
    let unsettled: number | string = 'not counted yet';
    await waitFor(async () => {
      try {
        unsettled = await count("SELECT count(*) AS n FROM sagas WHERE status IN ('running', 'compensating', 'needs_attention')");
      } catch (err) {
        unsettled = `not counted: ${(err as Error).message}`;
        return false;
      }
      return unsettled === 0;
    }, SETTLE_MS, 'every saga to settle').catch((err: Error) => {
      const logs = orchestrators.map((o, i) => `orchestrator ${i + 1}:\n${o.logs.slice(-3_000)}`).join('\n');
      throw new Error(`${err.message} (unsettled: ${unsettled})\n${logs}\nPostgreSQL:\n${postgres.logTail()}`);
    });
    const settleMs = Date.now() - faultsOverAt;
    await waitFor(async () => (await count('SELECT count(*) AS n FROM outbox')) === 0, 20_000, 'the outbox drained');

    // ---- Nothing lost, nothing doubled: one saga per order and trip.
    expect(await count('SELECT count(*) AS n FROM sagas')).toBe(SAGAS);
    // One gap-free history sequence per saga: two instances applying events to one saga at once would break it.
    expect(await count(`SELECT count(*) AS n FROM sagas s WHERE s.seq <> (SELECT count(*) FROM saga_history h WHERE h.saga_id = s.id)
      OR s.seq <> (SELECT max(seq) FROM saga_history h WHERE h.saga_id = s.id)`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM (SELECT saga_id, event::jsonb->>'commandId', event::jsonb->>'attempt' FROM saga_history
      WHERE event_type = 'REPLY' AND ignored = 0 GROUP BY 1, 2, 3 HAVING count(*) > 1) d`)).toBe(0);

    // ---- Each saga's outcome and history, as the API shows them.
    const { views, histories } = await readSagas(getJson, [...orders, ...trips].map((x) => x.sagaId!));
    const { outcomes, retriedSteps, ignoredEvents } = verifyOutcomes(orders, trips, views, histories);
    const ledger = postgresLedger(postgres.url());
    try {
      await verifyLedgers(ledger, orders, trips, views);
    } finally {
      await ledger.close();
    }
    const stepFailed = (outcomes.get('cancelled/STEP_FAILED') ?? 0) + (outcomes.get('trip cancelled/STEP_FAILED') ?? 0);
    expect(stepFailed, 'sagas whose retries ran out').toBeLessThanOrEqual(Math.ceil(SAGAS * 0.02));
    // Every instance did work: the outbox leases name each orchestrator, and both instances of a participant answered.
    console.log(
      [
        `chaos on PostgreSQL (seed ${SEED}): ${ORDERS} orders and ${TRIPS} trips in ${LOAD_MS / 1000} s through 3 orchestrators; settled ${settleMs} ms after the last fault`,
        `  outcomes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`,
        `  faults: orchestrator SIGKILL x${figures.orchestratorKills}, NATS server SIGKILL x${figures.natsKills}, PostgreSQL restart x${figures.postgresRestarts} (${figures.postgresDownMs} ms down)`,
        `  requests retried on another instance: ${placeRetries}; steps that took more than one attempt: ${retriedSteps}; duplicate/stale events ignored: ${ignoredEvents}`,
      ].join('\n'),
    );
  }, 330_000);
});

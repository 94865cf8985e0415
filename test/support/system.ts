import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import type { RegisteredSagaType, RetryPolicy, SagaStatus } from '../../sagas/kit/index.ts';
import { registerSagaTypes } from '../../sagas/registry.ts';
import { startOrchestrator, silentLogger, statePath, type Orchestrator } from '../../src/engine/index.ts';
import { connectNats, createDeadLettersReader } from '../../src/messaging/index.ts';
import {
  createCarsParticipant,
  createFlightsParticipant,
  createHotelsParticipant,
  createInventoryParticipant,
  createPaymentParticipant,
  createShippingParticipant,
  startParticipant,
  type CarsParticipant,
  type ChaosOptions,
  type FlightsParticipant,
  type HotelsParticipant,
  type CommandHandlers,
  type InventoryParticipant,
  type ParticipantRuntime,
  type PaymentParticipant,
  type ShippingParticipant,
} from '../../src/participants/index.ts';
import { closeDatabase, migrate, openDatabase, SagaStore, type Db } from '../../src/store/index.ts';
import { createApi } from '../../src/api/index.ts';
import { createOrchestratorMetrics, type OrchestratorMetrics } from '../../src/telemetry/orchestrator-metrics.ts';
import { createParticipantMetrics, type ParticipantMetrics } from '../../src/telemetry/participant-metrics.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NatsServer, waitFor, type NatsCluster } from './nats-server.ts';

/** Fast policies so tests exercise timeouts and backoff in well under a second. */
export const FAST_STEP: RetryPolicy = { maxAttempts: 3, timeoutMs: 400, queueTimeoutMs: 60_000, initialBackoffMs: 50, multiplier: 2, maxBackoffMs: 200, jitter: 0.2 };
export const FAST_COMPENSATION: RetryPolicy = { maxAttempts: 20, timeoutMs: 400, queueTimeoutMs: 60_000, initialBackoffMs: 50, multiplier: 2, maxBackoffMs: 300, jitter: 0.2 };

type Name = 'inventory' | 'payment' | 'shipping' | 'flights' | 'hotels' | 'cars';
/** Every participant the system runs. */
export const PARTICIPANT_NAMES: readonly Name[] = ['inventory', 'payment', 'shipping', 'flights', 'hotels', 'cars'];

interface ParticipantHandle<D> {
  db: Db;
  domain: D;
  nc: NatsConnection | undefined;
  runtime: ParticipantRuntime | undefined;
  /** saga_participant_* metrics, kept across stop/start of the participant. */
  metrics: ParticipantMetrics;
}

export interface SystemOptions {
  step?: RetryPolicy;
  compensation?: RetryPolicy;
  chaos?: Partial<Record<Name, ChaosOptions>>;
  defaultBalance?: number;
  defaultStock?: number;
  unservedCountries?: string[];
  defaultSeats?: number;
  defaultRooms?: number;
  unservedCities?: string[];
  /** Where the orchestrator's database lives (default: the system's temp dir). */
  orchestratorDbPath?: string;
  /** SQLite busy timeout of the orchestrator's connection. */
  busyTimeoutMs?: number;
  /** Run on this JetStream cluster (every process connects to all its servers) instead of a server of its own. */
  natsCluster?: NatsCluster;
  /** STREAM_REPLICAS of the orchestrator's streams. */
  streamReplicas?: number;
}

/**
 * The whole system in one process against a real nats-server: the orchestrator and the three
 * participants, each with its own SQLite file and NATS connection. Participants can be stopped
 * and started to simulate outages.
 */
export class TestSystem {
  /** The system's nats-server; with a cluster, its first member. */
  readonly nats: NatsServer;
  /** What every process connects to: the server, or all members of the cluster. */
  readonly natsUrl: string;
  private readonly natsOwner: { dispose(): Promise<void> };
  readonly dir: string;
  orchestrator!: Orchestrator;
  orchestratorDb!: Db;
  metrics!: OrchestratorMetrics;
  private api: Server | undefined;
  private orchestratorNc!: NatsConnection;
  /** Every registered saga type, on the system's retry policies. */
  sagaTypes!: RegisteredSagaType[];
  readonly inventory: ParticipantHandle<InventoryParticipant>;
  readonly payment: ParticipantHandle<PaymentParticipant>;
  readonly shipping: ParticipantHandle<ShippingParticipant>;
  readonly flights: ParticipantHandle<FlightsParticipant>;
  readonly hotels: ParticipantHandle<HotelsParticipant>;
  readonly cars: ParticipantHandle<CarsParticipant>;
  private readonly options: SystemOptions;

  private constructor(nats: NatsServer, dir: string, options: SystemOptions) {
    this.nats = nats;
    this.natsUrl = options.natsCluster?.url ?? nats.url;
    this.natsOwner = options.natsCluster ?? nats;
    this.dir = dir;
    this.options = options;
    const open = (name: string) => {
      const db = openDatabase(join(dir, `${name}.db`));
      migrate(db, name);
      return db;
    };
    const inv = open('inventory');
    const pay = open('payment');
    const ship = open('shipping');
    this.inventory = { db: inv, domain: createInventoryParticipant(inv, { defaultStock: options.defaultStock ?? 0 }), nc: undefined, runtime: undefined, metrics: createParticipantMetrics('inventory', { processMetrics: false }) };
    this.payment = { db: pay, domain: createPaymentParticipant(pay, { defaultBalance: options.defaultBalance ?? 100_000 }), nc: undefined, runtime: undefined, metrics: createParticipantMetrics('payment', { processMetrics: false }) };
    this.shipping = { db: ship, domain: createShippingParticipant(ship, { unservedCountries: options.unservedCountries ?? ['AQ'] }), nc: undefined, runtime: undefined, metrics: createParticipantMetrics('shipping', { processMetrics: false }) };
    const handle = <D>(name: Name, create: (db: Db) => D): ParticipantHandle<D> => {
      const db = open(name);
      return { db, domain: create(db), nc: undefined, runtime: undefined, metrics: createParticipantMetrics(name, { processMetrics: false }) };
    };
    this.flights = handle('flights', (db) => createFlightsParticipant(db, { defaultSeats: options.defaultSeats ?? 100 }));
    this.hotels = handle('hotels', (db) => createHotelsParticipant(db, { defaultRooms: options.defaultRooms ?? 50 }));
    this.cars = handle('cars', (db) => createCarsParticipant(db, { unservedCities: options.unservedCities ?? ['Atlantis'] }));
  }

  /** Starts a nats-server, the orchestrator and all three participants. */
  static async start(options: SystemOptions = {}): Promise<TestSystem> {
    const nats = options.natsCluster?.servers[0] ?? (await NatsServer.start());
    const sys = new TestSystem(nats, mkdtempSync(join(tmpdir(), 'saga-system-')), options);
    await sys.startOrchestrator();
    for (const name of PARTICIPANT_NAMES) await sys.startParticipant(name);
    return sys;
  }

  /** Starts (or restarts) the orchestrator on its database. */
  async startOrchestrator(): Promise<void> {
    this.orchestratorDb = openDatabase(this.options.orchestratorDbPath ?? join(this.dir, 'orchestrator.db'), { busyTimeoutMs: this.options.busyTimeoutMs });
    migrate(this.orchestratorDb, 'orchestrator');
    this.orchestratorNc = await connectNats({ servers: this.natsUrl, name: 'orchestrator' });
    this.sagaTypes = registerSagaTypes({ step: this.options.step ?? FAST_STEP, compensation: this.options.compensation ?? FAST_COMPENSATION });
    this.metrics = createOrchestratorMetrics({ store: new SagaStore(this.orchestratorDb).queries });
    this.orchestrator = await startOrchestrator({
      observer: this.metrics.observer,
      nc: this.orchestratorNc,
      db: this.orchestratorDb,
      logger: silentLogger,
      definitions: this.sagaTypes.flatMap((t) => t.definitions),
      eventStreams: this.sagaTypes.map((t) => t.plugin.events),
      streamReplicas: this.options.streamReplicas,
    });
  }

  /** Serves the orchestrator's HTTP API on a free loopback port; returns its base URL. */
  async serveApi(options: { adminToken?: string } = {}): Promise<string> {
    const app = createApi({
      engine: this.orchestrator.engine,
      sagaTypes: this.sagaTypes,
      logger: silentLogger,
      metrics: this.metrics.registry,
      adminToken: options.adminToken,
      deadLetters: createDeadLettersReader(this.orchestrator.jsm),
      readiness: [{ name: 'database', check: () => this.orchestrator.queries.checkWritable() }],
    });
    this.api = createServer(app.callback());
    await new Promise<void>((resolve) => this.api!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.api.address() as AddressInfo).port}`;
  }

  /** Stops the orchestrator gracefully. */
  async stopOrchestrator(): Promise<void> {
    if (this.api) await new Promise((resolve) => this.api!.close(resolve));
    this.api = undefined;
    await this.orchestrator.stop();
    await this.orchestratorNc.drain();
    closeDatabase(this.orchestratorDb);
  }

  private handle(name: Name): ParticipantHandle<unknown> {
    return this[name] as ParticipantHandle<unknown>;
  }

  /** Starts one participant's consumer. */
  async startParticipant(name: Name): Promise<void> {
    const h = this.handle(name);
    h.nc = await connectNats({ servers: this.natsUrl, name });
    const handlers = (h.domain as { handlers: CommandHandlers }).handlers;
    h.runtime = await startParticipant({
      name,
      nc: h.nc,
      db: h.db,
      handlers,
      workerPoolSize: 10,
      chaos: this.options.chaos?.[name],
      metrics: h.metrics,
    });
  }

  /** Stops one participant (its commands wait in the stream). */
  async stopParticipant(name: Name): Promise<void> {
    const h = this.handle(name);
    await h.runtime?.stop();
    await h.nc?.drain();
    h.runtime = undefined;
    h.nc = undefined;
  }

  /** Starts an order saga with sensible defaults overridden by `order`. */
  startOrder(order: Record<string, unknown> = {}): string {
    const { saga } = this.orchestrator.engine.start('order', orderBody(order));
    return saga.id;
  }

  /** Starts a trip saga with sensible defaults overridden by `trip`. */
  startTrip(trip: Record<string, unknown> = {}): string {
    const { saga } = this.orchestrator.engine.start('trip', tripBody(trip));
    return saga.id;
  }

  /** Waits until the saga's status is one of `statuses`. */
  async waitForStatus(sagaId: string, statuses: SagaStatus[], timeoutMs = 15_000): Promise<SagaStatus> {
    let last: SagaStatus | undefined;
    await waitFor(async () => {
      last = (await this.orchestrator.engine.get(sagaId))?.status;
      return last !== undefined && statuses.includes(last);
    }, timeoutMs, `saga ${sagaId} to reach ${statuses.join('|')} (last: ${last})`);
    return last!;
  }

  /** Waits until the saga's state path names `state` (e.g. a step it is waiting in). */
  async waitForState(sagaId: string, state: string, timeoutMs = 15_000): Promise<void> {
    await waitFor(async () => statePath((await this.orchestrator.engine.get(sagaId))?.state).includes(state), timeoutMs, `saga ${sagaId} to be in ${state}`);
  }

  /** Stops everything and deletes the server store and databases. */
  async dispose(): Promise<void> {
    for (const name of PARTICIPANT_NAMES) {
      await this.stopParticipant(name).catch(() => {});
      closeDatabase(this.handle(name).db);
    }
    await this.stopOrchestrator().catch(() => {});
    await this.natsOwner.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

let orderCounter = 0;

/** A valid order request body; fields in `overrides` replace the defaults. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  orderCounter++;
  return {
    orderId: `order-${process.pid}-${Date.now()}-${orderCounter}`,
    customerId: 'customer-1',
    currency: 'EUR',
    items: [{ sku: 'SKU-1', quantity: 2, unitPrice: 1_250 }],
    shippingAddress: { line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    ...overrides,
  };
}

let tripCounter = 0;

/** A valid trip request body; fields in `overrides` replace the defaults. */
export function tripBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  tripCounter++;
  return {
    tripId: `trip-${process.pid}-${Date.now()}-${tripCounter}`,
    customerId: 'customer-1',
    traveller: 'Ada Lovelace',
    currency: 'EUR',
    flight: { number: 'LH400', date: '2027-03-14', seats: 1, pricePerSeat: 30_000 },
    hotel: { name: 'Adlon', checkIn: '2027-03-14', nights: 2, rooms: 1, pricePerNight: 20_000 },
    car: { city: 'Berlin', pickUp: '2027-03-14', days: 2, pricePerDay: 5_000 },
    ...overrides,
  };
}

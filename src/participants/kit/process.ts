import { createServer, type Server } from 'node:http';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { closeServer, exitOnDurabilityLost, listen, natsReachable } from '../../process/lifecycle.ts';
import { createLogger } from '../../telemetry/logger.ts';
import { noSpans, otelSpans } from '../../telemetry/spans.ts';
import { startTracing, type Tracing } from '../../telemetry/tracing.ts';
import { createProcessParticipantMetrics } from '../../telemetry/participant-metrics.ts';
import type { Env } from '../../config/env.ts';
import { describeNatsAuth, redactNatsUrl } from '../../config/nats.ts';
import { STREAM, connectNats, waitForStreams } from '../../messaging/index.ts';
import { closeDatabase, databaseWritable, flushToDisk, migrate, openDatabase, type Db } from '../../store/index.ts';
import { ensureKitTables } from './kit-tables.ts';
import { openParticipantDatabase, postgresWritable, sqlOf } from './postgres.ts';
import { redactPostgresUrl } from '../../store/postgres/connect.ts';
import { ConfigError } from '../../errors.ts';
import type pg from 'pg';
import { loadProcessConfig, type ParticipantSettings, type ProcessConfig } from './config.ts';
import type { AnyParticipantDefinition, ParticipantDomain, PgParticipantDomain } from './define.ts';
import { createParticipantApp, type ParticipantRoutes } from './http.ts';
import { startParticipant, type ParticipantRuntime } from './runtime.ts';

/** Everything that must be released, in order, when the process stops. */
interface Running {
  server: Server;
  runtimes: ParticipantRuntime[];
  nc: NatsConnection;
  dbs: Db[];
  pools: pg.Pool[];
}

/** One participant's opened store: SQLite's file, or its PostgreSQL pool. */
type OpenedStore =
  | { kind: 'sqlite'; db: Db; domain: ParticipantDomain }
  | { kind: 'postgres'; pool: pg.Pool; domain: PgParticipantDomain };

let tracing: Tracing = { enabled: false, shutdown: async () => {} };

async function start(
  label: string,
  definitions: readonly AnyParticipantDefinition[],
  config: ProcessConfig,
  settings: readonly ParticipantSettings[],
  logger: Logger,
  onRunning: (running: Running) => void,
): Promise<void> {
  const metrics = createProcessParticipantMetrics(config.names);
  const dbs: Db[] = [];
  const pools: pg.Pool[] = [];
  const stores: OpenedStore[] = [];
  for (const [i, definition] of definitions.entries()) {
    const { databasePath, databaseUrl, domain: domainConfig } = settings[i]!;
    if (databaseUrl) {
      if (!definition.postgres) throw new ConfigError('DATABASE_URL', `participant ${definition.name} has no PostgreSQL store; unset it to use SQLite`);
      const { pool, applied } = await openParticipantDatabase(databaseUrl, definition.name, definition.migrations, {
        max: config.databasePoolSize,
        onIdleError: (err) => logger.warn({ participant: definition.name, err: { message: err.message } }, 'an idle PostgreSQL connection failed; the pool opens a new one'),
      });
      pools.push(pool);
      logger.info({ participant: definition.name, database: redactPostgresUrl(databaseUrl), schema: definition.name, applied }, 'database ready (PostgreSQL)');
      stores.push({ kind: 'postgres', pool, domain: definition.postgres.create(sqlOf(pool), domainConfig) });
      continue;
    }
    // FULL: a command is acked only after its reply is published, and the reply only after the
    // effect is on disk; NORMAL could lose a committed charge on power loss while its reply is out.
    const db = openDatabase(databasePath, {
      synchronous: 'FULL',
      onFlushed: metrics.walFlushed,
      onDurabilityLost: exitOnDurabilityLost(logger),
    });
    dbs.push(db);
    const applied = migrate(db, definition.migrations);
    // Before the readiness probe and the runtime, which use them.
    ensureKitTables(db);
    logger.info({ participant: definition.name, databasePath, applied }, 'database ready');
    stores.push({ kind: 'sqlite', db, domain: definition.create(db, domainConfig) });
  }
  const domains = stores.map((s) => s.domain);

  // Named after the process: its inbox prefix (_INBOX.<name>) is what its NATS user may subscribe to.
  const nc = await connectNats({ servers: config.natsUrl, name: label, auth: config.nats.auth, tls: config.nats.tls });
  const jsm = await jetstreamManager(nc);
  // The orchestrator creates the streams; tests and local runs may have created them already.
  await waitForStreams(jsm, [STREAM.commands, STREAM.replies, STREAM.deadLetters]);

  const runtimes: ParticipantRuntime[] = [];
  for (const [i, definition] of definitions.entries()) {
    const store = stores[i]!;
    runtimes.push(
      await startParticipant({
        name: definition.name,
        nc,
        ...(store.kind === 'postgres' ? { postgres: { pool: store.pool, handlers: store.domain.handlers } } : { db: store.db, handlers: store.domain.handlers }),
        workerPoolSize: config.workerPoolSize,
        ackWaitMs: config.ackWaitMs,
        chaos: config.chaos,
        logger: logger.child({ component: 'runtime', participant: definition.name }),
        metrics: metrics.hooks(definition.name),
        spans: tracing.enabled ? otelSpans : noSpans,
      }),
    );
  }
  const routes: ParticipantRoutes[] = definitions.flatMap((d, i) => (d.routes ? [(router, kit) => d.routes!(router, domains[i]!, kit)] : []));
  const app = createParticipantApp({
    routes,
    checks: [
      { name: 'nats', check: natsReachable(nc) },
      ...definitions.map((d, i) => {
        const store = stores[i]!;
        return { name: definitions.length === 1 ? 'database' : `database:${d.name}`, check: store.kind === 'postgres' ? postgresWritable(store.pool) : databaseWritable(store.db) };
      }),
    ],
    metrics,
    adminToken: config.adminToken,
    logger: logger.child({ component: 'http' }),
    spans: tracing.enabled ? otelSpans : noSpans,
    durable: () => Promise.all(dbs.map((db) => flushToDisk(db))).then(() => {}),
  });
  const server = createServer(app.callback());
  onRunning({ server, runtimes, nc, dbs, pools });

  await listen(server, config.httpPort);
  logger.info(
    { participants: config.names, httpPort: config.httpPort, natsUrl: redactNatsUrl(config.natsUrl), nats: describeNatsAuth(config.nats), adminToken: config.adminToken ? 'set' : 'unset' },
    'participant started',
  );
}

async function stop(running: Running, logger: Logger, signal: string): Promise<never> {
  logger.info({ signal }, 'shutting down');
  try {
    await closeServer(running.server);
    await Promise.all(running.runtimes.map((r) => r.stop()));
    await running.nc.drain();
    for (const db of running.dbs) closeDatabase(db);
    for (const pool of running.pools) await pool.end();
    await tracing.shutdown();
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  }
  logger.info({ stats: running.runtimes.map((r) => r.stats) }, 'stopped');
  process.exit(0);
}

/**
 * Runs a participant process of one or more participants: parse the environment once, open and
 * migrate each participant's database, connect to NATS, serve commands and HTTP until
 * SIGTERM/SIGINT, then stop gracefully. Invalid configuration exits 1 with a message naming the
 * variable.
 */
export async function runParticipants(
  options: {
    /** The process's name in logs and traces (the participant's own name for a process of one). */
    name: string;
    participants: readonly AnyParticipantDefinition[];
    /** The command kinds CHAOS_ACTIONS may name. */
    knownKinds: readonly string[];
  },
  env: Env,
): Promise<void> {
  const { name: label, participants: definitions, knownKinds } = options;
  let loaded: ReturnType<typeof loadProcessConfig>;
  try {
    loaded = loadProcessConfig(definitions, env, knownKinds);
  } catch (err) {
    process.stderr.write(`${label}: invalid configuration: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const { process: config, participants } = loaded;
  // Synchronous writes: a line logged just before process.exit is not lost.
  const logger = createLogger(label, config.logLevel);
  // Before anything creates spans; off unless an OTLP endpoint is configured.
  tracing = startTracing(env, label, (obj, msg) => logger.warn(obj, msg));

  let running: Running | undefined;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    if (!running) {
      // Still starting: nothing consumed yet, so there is no work in flight to finish.
      logger.info({ signal }, 'signal during start-up; exiting');
      process.exit(0);
    }
    void stop(running, logger, signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  try {
    await start(label, definitions, config, participants, logger, (r) => {
      running = r;
      // Reconnection is unlimited, so a close nobody asked for is fatal (e.g. an auth failure).
      void r.nc.closed().then((err) => {
        if (stopping) return;
        logger.fatal({ err }, 'NATS connection closed');
        process.exit(1);
      });
    });
  } catch (err) {
    if (stopping) return;
    logger.fatal({ err }, 'start-up failed');
    process.exit(1);
  }
}

// Entry point and composition root of the orchestrator process: HTTP API + saga engine + its store
// (SQLite by default, PostgreSQL with DATABASE_URL).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { hostname } from 'node:os';
import { registerSagaTypes } from '../../sagas/registry.ts';
import { createApi } from '../api/index.ts';
import { loadOrchestratorConfig, type OrchestratorConfig } from '../config/orchestrator.ts';
import { describeNatsAuth, redactNatsUrl } from '../config/nats.ts';
import { startOrchestrator } from '../engine/index.ts';
import { READINESS_TIMEOUT_MS } from '../http/health.ts';
import { connectNats, createDeadLettersReader, STREAM } from '../messaging/index.ts';
import { closeServer, exitOnDurabilityLost, listen, natsReachable, onTerminate, streamsAvailable } from '../process/lifecycle.ts';
import { closeDatabase, migrate, openDatabase, SagaStore, type Db, type SagaQueries } from '../store/index.ts';
import { openPostgresPool, redactPostgresUrl } from '../store/postgres/connect.ts';
import { migratePostgres } from '../store/postgres/migrate.ts';
import { PgSagaStore } from '../store/postgres/saga-store.ts';
import { createOrchestratorMetrics } from '../telemetry/orchestrator-metrics.ts';
import { createLogger } from '../telemetry/logger.ts';
import { noSpans, otelSpans } from '../telemetry/spans.ts';
import { startTracing } from '../telemetry/tracing.ts';

let config: OrchestratorConfig;
try {
  config = loadOrchestratorConfig(process.env);
} catch (err) {
  process.stderr.write(`orchestrator: invalid configuration: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
const logger = createLogger('orchestrator', config.logLevel);
// Before anything creates spans; off unless an OTLP endpoint is configured.
const tracing = startTracing(process.env, 'orchestrator', (obj, msg) => logger.warn(obj, msg));

try {
  const store = await openStore(config);
  const nc = await connectNats({ servers: config.natsUrl, name: 'orchestrator', auth: config.nats.auth, tls: config.nats.tls });
  const sagaTypes = registerSagaTypes({ step: config.stepPolicy, compensation: config.compensationPolicy });
  const metrics = createOrchestratorMetrics({ store: store.queries });
  store.observe(metrics);
  const orchestrator = await startOrchestrator({
    observer: metrics.observer,
    spans: tracing.enabled ? otelSpans : noSpans,
    nc,
    ...store.options,
    logger: logger.child({ component: 'engine' }),
    definitions: sagaTypes.flatMap((t) => t.definitions),
    eventStreams: sagaTypes.map((t) => t.plugin.events),
    streamReplicas: config.streamReplicas,
    replyBatchSize: config.replyBatchSize,
    replyAckWaitMs: config.replyAckWaitMs,
    retention: config.retention,
    outboxWindow: config.outboxWindow,
  });
  const api = createApi({
    engine: orchestrator.engine,
    sagaTypes,
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
    metrics: metrics.registry,
    adminToken: config.adminToken,
    spans: tracing.enabled ? otelSpans : noSpans,
    deadLetters: createDeadLettersReader(orchestrator.jsm),
    readiness: [
      { name: 'nats', check: natsReachable(nc) },
      { name: 'streams', check: streamsAvailable(nc, [STREAM.commands, STREAM.replies], READINESS_TIMEOUT_MS) },
      { name: 'database', check: () => orchestrator.queries.checkWritable() },
    ],
  });
  const server = createServer(api.callback());
  await listen(server, config.httpPort, config.httpHost);
  logger.info({ httpPort: config.httpPort, natsUrl: redactNatsUrl(config.natsUrl), nats: describeNatsAuth(config.nats) }, 'orchestrator started');

  let stopping = false;
  void nc.closed().then((err) => {
    if (stopping) return;
    // Reconnection is unlimited, so a close we did not ask for is fatal (e.g. an auth failure).
    logger.fatal({ err }, 'NATS connection closed');
    process.exit(1);
  });

  onTerminate(
    async (signal) => {
      stopping = true;
      logger.info({ signal }, 'shutting down');
      await closeServer(server);
      await orchestrator.stop();
      await nc.drain();
      await store.close();
      await tracing.shutdown();
      logger.info({ stats: orchestrator.replies.stats, published: orchestrator.relay.published }, 'stopped');
    },
    (err) => logger.error({ err }, 'shutdown failed'),
  );
} catch (err) {
  logger.fatal({ err }, 'start-up failed');
  process.exit(1);
}

/** The opened, migrated store the configuration names, and how the rest of the process uses it. */
interface OpenStore {
  options: { db: Db } | { postgres: PgSagaStore };
  queries: SagaQueries;
  /** Hooks the metrics that observe the store (WAL flushes, group commits). */
  observe(metrics: { walFlushed: (seconds: number) => void; observer: { groupCommit?: (jobs: number, seconds: number) => void } }): void;
  close(): Promise<void>;
}

async function openStore(config: OrchestratorConfig): Promise<OpenStore> {
  if (config.databaseUrl) {
    const instanceId = config.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const pool = openPostgresPool(config.databaseUrl, {
      max: config.databasePoolSize,
      applicationName: `saga-orchestrator ${instanceId}`.slice(0, 63),
      onIdleError: (err) => logger.warn({ err: { message: err.message } }, 'an idle PostgreSQL connection failed; the pool opens a new one'),
    });
    const client = await pool.connect();
    let applied: number[];
    try {
      applied = await migratePostgres(client, 'orchestrator');
      // Replies are acknowledged and commands sent once COMMIT returns: with synchronous_commit off,
      // a server crash could lose a commit whose effects already left.
      const { rows } = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      if (rows[0]?.synchronous_commit === 'off') logger.warn('PostgreSQL runs with synchronous_commit = off: a server crash can lose commits whose replies were already acknowledged; set it to on');
    } finally {
      client.release();
    }
    let groupCommit: ((jobs: number, seconds: number) => void) | undefined;
    const postgres = new PgSagaStore(pool, { owner: instanceId, onCommitted: (jobs, seconds) => groupCommit?.(jobs, seconds) });
    logger.info({ database: redactPostgresUrl(config.databaseUrl), instanceId, poolSize: config.databasePoolSize, applied }, 'database ready (PostgreSQL)');
    return {
      options: { postgres },
      queries: postgres.queries,
      observe: (metrics) => {
        groupCommit = metrics.observer.groupCommit;
      },
      close: () => pool.end(),
    };
  }
  // The metrics read the database, so they exist only once it is open: fsyncs before that go unobserved.
  let walFlushed = (_seconds: number): void => {};
  const db = openDatabase(config.databasePath, {
    onFlushed: (seconds) => walFlushed(seconds),
    synchronous: config.dbSynchronous,
    busyTimeoutMs: config.dbBusyTimeoutMs,
    onDurabilityLost: exitOnDurabilityLost(logger),
  });
  const applied = migrate(db, 'orchestrator');
  logger.info({ databasePath: config.databasePath, synchronous: config.dbSynchronous, applied }, 'database ready');
  return {
    options: { db },
    queries: new SagaStore(db).queries,
    observe: (metrics) => {
      walFlushed = metrics.walFlushed;
    },
    close: async () => closeDatabase(db),
  };
}

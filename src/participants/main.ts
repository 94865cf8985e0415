import { createServer, type Server } from 'node:http';
import { closeServer, exitOnDurabilityLost, listen, natsReachable } from '../process/lifecycle.ts';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { createLogger } from '../telemetry/logger.ts';
import { noSpans, otelSpans } from '../telemetry/spans.ts';
import { startTracing, type Tracing } from '../telemetry/tracing.ts';
import type { Env } from '../config/env.ts';
import { describeNatsAuth, redactNatsUrl } from '../config/nats.ts';
import { STREAM, connectNats, waitForStreams } from '../messaging/index.ts';
import { closeDatabase, databaseWritable, flushToDisk, migrate, openDatabase, type Db } from '../store/index.ts';
import { loadParticipantConfig, type DomainConfig, type ParticipantConfig, type ParticipantName } from './config.ts';
import { createParticipantMetrics } from '../telemetry/participant-metrics.ts';
import { createParticipantApp, type ParticipantDomain } from './http.ts';
import { createInventoryParticipant } from './inventory/domain.ts';
import { createPaymentParticipant } from './payment/domain.ts';
import { startParticipant, type ParticipantRuntime } from './runtime.ts';
import { createShippingParticipant } from './shipping/domain.ts';
import type { CommandHandlers } from './types.ts';

/** One domain instance serves both the command handlers and the HTTP routes, over the same database. */
function createDomain(db: Db, domain: DomainConfig): { handlers: CommandHandlers; http: ParticipantDomain } {
  switch (domain.name) {
    case 'inventory': {
      const inventory = createInventoryParticipant(db, { defaultStock: domain.defaultStock });
      return { handlers: inventory.handlers, http: { name: 'inventory', inventory } };
    }
    case 'payment': {
      const payment = createPaymentParticipant(db, { defaultBalance: domain.defaultBalance });
      return { handlers: payment.handlers, http: { name: 'payment', payment } };
    }
    case 'shipping': {
      const shipping = createShippingParticipant(db, { unservedCountries: domain.unservedCountries });
      return { handlers: shipping.handlers, http: { name: 'shipping', shipping } };
    }
  }
}

/** Everything that must be released, in order, when the process stops. */
interface Running {
  server: Server;
  runtime: ParticipantRuntime;
  nc: NatsConnection;
  db: Db;
}

let tracing: Tracing = { enabled: false, shutdown: async () => {} };

async function start(config: ParticipantConfig, logger: Logger, onRunning: (running: Running) => void): Promise<void> {
  const metrics = createParticipantMetrics(config.name);
  // FULL: a command is acked only after its reply is published, and the reply only after the
  // effect is on disk; NORMAL could lose a committed charge on power loss while its reply is out.
  const db = openDatabase(config.databasePath, {
    synchronous: 'FULL',
    onFlushed: metrics.walFlushed,
    onDurabilityLost: exitOnDurabilityLost(logger),
  });
  const applied = migrate(db, config.name);
  logger.info({ databasePath: config.databasePath, applied }, 'database ready');

  const nc = await connectNats({ servers: config.natsUrl, name: config.name, auth: config.nats.auth, tls: config.nats.tls });
  const jsm = await jetstreamManager(nc);
  // The orchestrator creates the streams; tests and local runs may have created them already.
  await waitForStreams(jsm, [STREAM.commands, STREAM.replies, STREAM.deadLetters]);

  const domain = createDomain(db, config.domain);
  const runtime: ParticipantRuntime = await startParticipant({
    name: config.name,
    nc,
    db,
    handlers: domain.handlers,
    workerPoolSize: config.workerPoolSize,
    ackWaitMs: config.ackWaitMs,
    chaos: config.chaos,
    logger: logger.child({ component: 'runtime' }),
    metrics,
    spans: tracing.enabled ? otelSpans : noSpans,
  });
  const app = createParticipantApp({
    domain: domain.http,
    checks: [
      { name: 'nats', check: natsReachable(nc) },
      { name: 'database', check: databaseWritable(db) },
    ],
    metrics,
    adminToken: config.adminToken,
    logger: logger.child({ component: 'http' }),
    spans: tracing.enabled ? otelSpans : noSpans,
    durable: () => flushToDisk(db),
  });
  const server = createServer(app.callback());
  onRunning({ server, runtime, nc, db });

  await listen(server, config.httpPort);
  logger.info({ httpPort: config.httpPort, natsUrl: redactNatsUrl(config.natsUrl), nats: describeNatsAuth(config.nats), adminToken: config.adminToken ? 'set' : 'unset' }, 'participant started');
}

async function stop(running: Running, logger: Logger, signal: string): Promise<never> {
  logger.info({ signal }, 'shutting down');
  try {
    await closeServer(running.server);
    await running.runtime.stop();
    await running.nc.drain();
    closeDatabase(running.db);
    await tracing.shutdown();
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  }
  logger.info({ stats: running.runtime.stats }, 'stopped');
  process.exit(0);
}

/**
 * Runs one participant process: parse the environment once, open and migrate its database,
 * connect to NATS, serve commands and health until SIGTERM/SIGINT, then stop gracefully.
 * Invalid configuration exits 1 with a message naming the variable.
 */
export async function runParticipant(name: ParticipantName, env: Env): Promise<void> {
  let config: ParticipantConfig;
  try {
    config = loadParticipantConfig(name, env);
  } catch (err) {
    process.stderr.write(`${name}: invalid configuration: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  // Synchronous writes: a line logged just before process.exit is not lost.
  const logger = createLogger(name, config.logLevel);
  // Before anything creates spans; off unless an OTLP endpoint is configured.
  tracing = startTracing(env, name, (obj, msg) => logger.warn(obj, msg));

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
    await start(config, logger, (r) => {
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

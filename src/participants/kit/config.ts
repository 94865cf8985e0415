import { EnvReader, LOG_LEVELS, envVarsReadBy, type Env, type LogLevel } from '../../config/env.ts';
import { natsClientConfig, type NatsClientConfig } from '../../config/nats.ts';
import type { AnyParticipantDefinition } from './define.ts';
import { DEFAULT_ACK_WAIT_MS } from './types.ts';

/** Defaults that work on a developer machine with a local nats-server. */
export const PARTICIPANT_DEFAULTS = {
  natsUrl: 'nats://127.0.0.1:4222',
  workerPoolSize: 10,
  ackWaitMs: DEFAULT_ACK_WAIT_MS,
  chaosFailureRate: 0,
  chaosDelayMs: 0,
  chaosUnansweredRate: 0,
  logLevel: 'info' as LogLevel,
} as const;

const MAX_WORKER_POOL_SIZE = 1_000;
/** Longer than this is no longer a "delay" but an outage. */
const MAX_CHAOS_DELAY_MS = 600_000;

/** What the process shares: one NATS connection, one HTTP server, one log. */
export interface ProcessConfig {
  /** The participants the process runs (one, or several such as flights, hotels and cars). */
  names: string[];
  natsUrl: string;
  /** NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_CREDS_FILE, and NATS_TLS_*. */
  nats: NatsClientConfig;
  httpPort: number;
  workerPoolSize: number;
  /** ACK_WAIT_MS: a delivery neither acknowledged nor reported in progress this long goes out again. */
  ackWaitMs: number;
  /** CHAOS_*: fault injection, off by default; `actions` undefined means every command kind. */
  chaos: { failureRate: number; delayMs: number; unansweredRate: number; actions: string[] | undefined };
  logLevel: LogLevel;
  /** ADMIN_TOKEN: when set, the write endpoints (PUT) require `Authorization: Bearer <token>`. */
  adminToken: string | undefined;
  /** DATABASE_POOL_SIZE: PostgreSQL connections per participant at most. */
  databasePoolSize: number;
}

/** One participant of the process: its database and its own settings. */
export interface ParticipantSettings<C = unknown> {
  name: string;
  databasePath: string;
  /** PostgreSQL instead of the SQLite file: DATABASE_URL, or <NAME>_DATABASE_URL in a process of several. */
  databaseUrl: string | undefined;
  domain: C;
}

/**
 * Parses the environment of a process running `definitions`; throws a ConfigError naming the first
 * invalid variable. A process of one participant reads DATABASE_PATH; one of several reads
 * <NAME>_DATABASE_PATH for each (default ./data/<name>.db either way).
 */
export function loadProcessConfig(
  definitions: readonly AnyParticipantDefinition[],
  env: Env,
  /** The command kinds CHAOS_ACTIONS may name: every kind any participant serves, so one setting fits all. */
  knownKinds: readonly string[],
): { process: ProcessConfig; participants: ParticipantSettings[] } {
  const read = new EnvReader(env);
  const single = definitions.length === 1;
  return {
    process: {
      names: definitions.map((d) => d.name),
      natsUrl: read.natsUrl('NATS_URL', PARTICIPANT_DEFAULTS.natsUrl),
      nats: natsClientConfig(read),
      httpPort: read.int('HTTP_PORT', definitions[0]!.defaultHttpPort, 1, 65_535),
      workerPoolSize: read.int('WORKER_POOL_SIZE', PARTICIPANT_DEFAULTS.workerPoolSize, 1, MAX_WORKER_POOL_SIZE),
      // At least 1 s: in-progress acks go out every third of it, and a shorter one redelivers what a busy event loop still handles.
      ackWaitMs: read.int('ACK_WAIT_MS', PARTICIPANT_DEFAULTS.ackWaitMs, 1_000, 3_600_000),
      chaos: {
        failureRate: read.number('CHAOS_FAILURE_RATE', PARTICIPANT_DEFAULTS.chaosFailureRate, 0, 1),
        delayMs: read.int('CHAOS_DELAY_MS', PARTICIPANT_DEFAULTS.chaosDelayMs, 0, MAX_CHAOS_DELAY_MS),
        unansweredRate: read.number('CHAOS_UNANSWERED_RATE', PARTICIPANT_DEFAULTS.chaosUnansweredRate, 0, 1),
        actions: read.subsetOf('CHAOS_ACTIONS', knownKinds),
      },
      logLevel: read.oneOf('LOG_LEVEL', PARTICIPANT_DEFAULTS.logLevel, LOG_LEVELS),
      adminToken: read.bearerToken('ADMIN_TOKEN'),
      databasePoolSize: read.int('DATABASE_POOL_SIZE', PARTICIPANT_DEFAULTS.workerPoolSize + 2, 2, 1_000),
    },
    participants: definitions.map((d) => ({
      name: d.name,
      databasePath: read.string(single ? 'DATABASE_PATH' : `${d.name.toUpperCase()}_DATABASE_PATH`, `./data/${d.name}.db`),
      // Each participant works in a schema of its own, so several may share one database.
      databaseUrl: (single ? undefined : read.postgresUrl(`${d.name.toUpperCase()}_DATABASE_URL`)) ?? read.postgresUrl('DATABASE_URL'),
      domain: d.config(read),
    })),
  };
}

/** Every environment variable a process running `definitions` reads (its configuration schema), for drift checks. */
export function processEnvVars(definitions: readonly AnyParticipantDefinition[]): readonly string[] {
  return envVarsReadBy((env) => loadProcessConfig(definitions, env, []));
}

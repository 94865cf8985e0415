import { DEFAULT_COMPENSATION_POLICY, DEFAULT_STEP_POLICY, validateRetryPolicy, type RetryPolicy } from '../../sagas/kit/index.ts';
import { ConfigError } from '../errors.ts';
import { EnvReader, LOG_LEVELS, envVarsReadBy, type Env, type LogLevel } from './env.ts';
import { natsClientConfig, type NatsClientConfig } from './nats.ts';


/** Everything the orchestrator process reads from its environment, parsed and validated. */
export interface OrchestratorConfig {
  /** NATS_URL: one server, or every server of a cluster, comma-separated. */
  natsUrl: string;
  /** STREAM_REPLICAS: copies of each stream in a JetStream cluster (1 on a single server, 3 on a three-node cluster). */
  streamReplicas: number;
  /** NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_CREDS_FILE, and NATS_TLS_*. */
  nats: NatsClientConfig;
  /** DATABASE_PATH: the SQLite file, when DATABASE_URL is not set. */
  databasePath: string;
  /** DATABASE_URL: PostgreSQL, shared by every orchestrator instance; SQLite (DATABASE_PATH) when unset. */
  databaseUrl: string | undefined;
  /** DATABASE_POOL_SIZE: PostgreSQL connections per instance at most. */
  databasePoolSize: number;
  /** INSTANCE_ID: this instance's name in the outbox leases and logs; host, pid and a random suffix by default. */
  instanceId: string | undefined;
  /** FULL unless explicitly weakened: a reply is acked only once its effect is on disk. */
  dbSynchronous: 'FULL' | 'NORMAL';
  /** How long a write waits for a lock held by another connection before failing (then 503, retried). */
  dbBusyTimeoutMs: number;
  httpPort: number;
  httpHost: string;
  logLevel: LogLevel;
  replyBatchSize: number;
  /** REPLY_ACK_WAIT_MS: a reply taken and not acknowledged this long (its orchestrator died) goes to another instance. */
  replyAckWaitMs: number;
  outboxWindow: number;
  bodyLimitBytes: number;
  /** RETENTION_MAX_AGE_HOURS (0 = keep forever), RETENTION_BATCH_SIZE, RETENTION_INTERVAL_MS. */
  retention: { maxAgeMs: number; batchSize: number; intervalMs: number } | undefined;
  /** ADMIN_TOKEN: when set, operator actions (cancel, retry) need `Authorization: Bearer <token>`. */
  adminToken: string | undefined;
  stepPolicy: RetryPolicy;
  compensationPolicy: RetryPolicy;
}

export const ORCHESTRATOR_DEFAULTS = {
  natsUrl: 'nats://127.0.0.1:4222',
  databasePath: './data/orchestrator.db',
  httpPort: 3000,
  httpHost: '0.0.0.0',
  replyBatchSize: 64,
  outboxWindow: 128,
  bodyLimitBytes: 64 * 1024,
} as const;

/** Reads <PREFIX>_TIMEOUT_MS, _QUEUE_TIMEOUT_MS, _MAX_ATTEMPTS, _INITIAL_BACKOFF_MS, _BACKOFF_MULTIPLIER, _MAX_BACKOFF_MS, _BACKOFF_JITTER. */
function retryPolicy(read: EnvReader, prefix: string, defaults: RetryPolicy): RetryPolicy {
  const policy: RetryPolicy = {
    timeoutMs: read.int(`${prefix}_TIMEOUT_MS`, defaults.timeoutMs, 1, 86_400_000),
    queueTimeoutMs: read.int(`${prefix}_QUEUE_TIMEOUT_MS`, defaults.queueTimeoutMs, 1, 30 * 86_400_000),
    maxAttempts: read.int(`${prefix}_MAX_ATTEMPTS`, defaults.maxAttempts, 1, 1_000),
    initialBackoffMs: read.int(`${prefix}_INITIAL_BACKOFF_MS`, defaults.initialBackoffMs, 0, 86_400_000),
    multiplier: read.number(`${prefix}_BACKOFF_MULTIPLIER`, defaults.multiplier, 1, 100),
    maxBackoffMs: read.int(`${prefix}_MAX_BACKOFF_MS`, defaults.maxBackoffMs, 0, 86_400_000),
    jitter: read.number(`${prefix}_BACKOFF_JITTER`, defaults.jitter, 0, 1),
  };
  try {
    return validateRetryPolicy(policy, `${prefix}_*`);
  } catch (err) {
    throw new ConfigError(`${prefix}_MAX_BACKOFF_MS`, err instanceof Error ? err.message : String(err));
  }
}

function retentionConfig(read: EnvReader): OrchestratorConfig['retention'] {
  const hours = read.number('RETENTION_MAX_AGE_HOURS', 0, 0, 24 * 365 * 100);
  const batchSize = read.int('RETENTION_BATCH_SIZE', 500, 1, 100_000);
  const intervalMs = read.int('RETENTION_INTERVAL_MS', 60_000, 100, 86_400_000);
  return hours > 0 ? { maxAgeMs: hours * 3_600_000, batchSize, intervalMs } : undefined;
}

/** Parses the orchestrator's environment; throws a ConfigError naming the first invalid variable. */
export function loadOrchestratorConfig(env: Env): OrchestratorConfig {
  const read = new EnvReader(env);
  return {
    natsUrl: read.natsUrl('NATS_URL', ORCHESTRATOR_DEFAULTS.natsUrl),
    streamReplicas: read.int('STREAM_REPLICAS', 1, 1, 5),
    nats: natsClientConfig(read),
    databasePath: read.string('DATABASE_PATH', ORCHESTRATOR_DEFAULTS.databasePath),
    databaseUrl: read.postgresUrl('DATABASE_URL'),
    databasePoolSize: read.int('DATABASE_POOL_SIZE', 10, 2, 1_000),
    instanceId: read.optional('INSTANCE_ID'),
    dbSynchronous: read.oneOf('DB_SYNCHRONOUS', 'FULL', ['FULL', 'NORMAL'] as const),
    dbBusyTimeoutMs: read.int('DB_BUSY_TIMEOUT_MS', 5_000, 0, 600_000),
    httpPort: read.int('HTTP_PORT', ORCHESTRATOR_DEFAULTS.httpPort, 0, 65_535),
    httpHost: read.string('HTTP_HOST', ORCHESTRATOR_DEFAULTS.httpHost),
    logLevel: read.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    replyBatchSize: read.int('REPLY_BATCH_SIZE', ORCHESTRATOR_DEFAULTS.replyBatchSize, 1, 1_000),
    replyAckWaitMs: read.int('REPLY_ACK_WAIT_MS', 30_000, 1_000, 3_600_000),
    outboxWindow: read.int('OUTBOX_WINDOW', ORCHESTRATOR_DEFAULTS.outboxWindow, 1, 10_000),
    bodyLimitBytes: read.int('HTTP_BODY_LIMIT_BYTES', ORCHESTRATOR_DEFAULTS.bodyLimitBytes, 1_024, 10 * 1024 * 1024),
    adminToken: read.bearerToken('ADMIN_TOKEN'),
    retention: retentionConfig(read),
    stepPolicy: retryPolicy(read, 'STEP', DEFAULT_STEP_POLICY),
    compensationPolicy: retryPolicy(read, 'COMPENSATION', DEFAULT_COMPENSATION_POLICY),
  };
}

/** Every environment variable the orchestrator reads (its configuration schema), for drift checks. */
export const ORCHESTRATOR_ENV_VARS: readonly string[] = envVarsReadBy(loadOrchestratorConfig);

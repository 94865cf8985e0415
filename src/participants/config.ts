import { EnvReader, LOG_LEVELS, envVarsReadBy, type Env, type LogLevel } from '../config/env.ts';
import { natsClientConfig, type NatsClientConfig } from '../config/nats.ts';
import { COMMAND_KINDS, type CommandKind } from '../contracts/index.ts';
import { DEFAULT_ACK_WAIT_MS } from './types.ts';

export const PARTICIPANT_NAMES = ['inventory', 'payment', 'shipping'] as const;
export type ParticipantName = (typeof PARTICIPANT_NAMES)[number];

/** Defaults that work on a developer machine with a local nats-server. */
export const PARTICIPANT_DEFAULTS = {
  natsUrl: 'nats://127.0.0.1:4222',
  httpPort: { inventory: 3001, payment: 3002, shipping: 3003 } satisfies Record<ParticipantName, number>,
  workerPoolSize: 10,
  ackWaitMs: DEFAULT_ACK_WAIT_MS,
  chaosFailureRate: 0,
  chaosDelayMs: 0,
  chaosUnansweredRate: 0,
  logLevel: 'info' as LogLevel,
  inventoryDefaultStock: 0,
  paymentDefaultBalance: 100_000,
  shippingUnservedCountries: ['AQ'],
} as const;

const MAX_WORKER_POOL_SIZE = 1_000;
/** Longer than this is no longer a "delay" but an outage. */
const MAX_CHAOS_DELAY_MS = 600_000;

/** The settings only one participant reads. */
export type DomainConfig =
  | { name: 'inventory'; defaultStock: number }
  | { name: 'payment'; defaultBalance: number }
  | { name: 'shipping'; unservedCountries: string[] };

export interface ParticipantConfig {
  name: ParticipantName;
  natsUrl: string;
  /** NATS_USER/NATS_PASSWORD, NATS_TOKEN or NATS_CREDS_FILE, and NATS_TLS_*. */
  nats: NatsClientConfig;
  databasePath: string;
  httpPort: number;
  workerPoolSize: number;
  /** ACK_WAIT_MS: a delivery neither acknowledged nor reported in progress this long goes out again. */
  ackWaitMs: number;
  /** CHAOS_*: fault injection, off by default; `actions` undefined means every command kind. */
  chaos: { failureRate: number; delayMs: number; unansweredRate: number; actions: CommandKind[] | undefined };
  logLevel: LogLevel;
  /** ADMIN_TOKEN: when set, the write endpoints (PUT) require `Authorization: Bearer <token>`. */
  adminToken: string | undefined;
  domain: DomainConfig;
}

function domainConfig(name: ParticipantName, read: EnvReader): DomainConfig {
  switch (name) {
    case 'inventory':
      return { name, defaultStock: read.int('INVENTORY_DEFAULT_STOCK', PARTICIPANT_DEFAULTS.inventoryDefaultStock, 0) };
    case 'payment':
      return { name, defaultBalance: read.int('PAYMENT_DEFAULT_BALANCE', PARTICIPANT_DEFAULTS.paymentDefaultBalance, 0) };
    case 'shipping':
      return {
        name,
        unservedCountries: read
          .list('SHIPPING_UNSERVED_COUNTRIES', [...PARTICIPANT_DEFAULTS.shippingUnservedCountries], /^[A-Za-z]{2}$/)
          .map((c) => c.toUpperCase()),
      };
  }
}

/** Parses one participant's environment; throws a ConfigError naming the first invalid variable. */
export function loadParticipantConfig(name: ParticipantName, env: Env): ParticipantConfig {
  const read = new EnvReader(env);
  return {
    name,
    natsUrl: read.natsUrl('NATS_URL', PARTICIPANT_DEFAULTS.natsUrl),
    nats: natsClientConfig(read),
    databasePath: read.string('DATABASE_PATH', `./data/${name}.db`),
    httpPort: read.int('HTTP_PORT', PARTICIPANT_DEFAULTS.httpPort[name], 1, 65_535),
    workerPoolSize: read.int('WORKER_POOL_SIZE', PARTICIPANT_DEFAULTS.workerPoolSize, 1, MAX_WORKER_POOL_SIZE),
    // At least 1 s: in-progress acks go out every third of it, and a shorter one redelivers what a busy event loop still handles.
    ackWaitMs: read.int('ACK_WAIT_MS', PARTICIPANT_DEFAULTS.ackWaitMs, 1_000, 3_600_000),
    chaos: {
      failureRate: read.number('CHAOS_FAILURE_RATE', PARTICIPANT_DEFAULTS.chaosFailureRate, 0, 1),
      delayMs: read.int('CHAOS_DELAY_MS', PARTICIPANT_DEFAULTS.chaosDelayMs, 0, MAX_CHAOS_DELAY_MS),
      unansweredRate: read.number('CHAOS_UNANSWERED_RATE', PARTICIPANT_DEFAULTS.chaosUnansweredRate, 0, 1),
      // Any known kind, not only this participant's: one setting can be shared by all three.
      actions: read.subsetOf('CHAOS_ACTIONS', COMMAND_KINDS),
    },
    logLevel: read.oneOf('LOG_LEVEL', PARTICIPANT_DEFAULTS.logLevel, LOG_LEVELS),
    adminToken: read.bearerToken('ADMIN_TOKEN'),
    domain: domainConfig(name, read),
  };
}

/** Every environment variable each participant reads (its configuration schema), for drift checks. */
export const PARTICIPANT_ENV_VARS: Readonly<Record<ParticipantName, readonly string[]>> = {
  inventory: envVarsReadBy((env) => loadParticipantConfig('inventory', env)),
  payment: envVarsReadBy((env) => loadParticipantConfig('payment', env)),
  shipping: envVarsReadBy((env) => loadParticipantConfig('shipping', env)),
};

import { accessSync, constants, statSync } from 'node:fs';
import { ConfigError } from '../errors.ts';

/** Accepted LOG_LEVEL values (pino levels, plus silent). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The environment as read once by a composition root; library code takes parsed options instead. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Reads environment variables with defaults; every invalid value throws a ConfigError naming it. */
export class EnvReader {
  private readonly env: Env;

  constructor(env: Env) {
    this.env = env;
  }

  private raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  /** A string, or the default. */
  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  /** An optional string. */
  optional(name: string): string | undefined {
    return this.raw(name);
  }

  /**
   * An optional PostgreSQL connection URL (postgres:// or postgresql://). The message for a bad one
   * never repeats the value: it may hold a password.
   */
  postgresUrl(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (!/^postgres(ql)?:\/\//.test(v)) throw new ConfigError(name, 'must be a PostgreSQL URL: postgres://user:password@host:port/database');
    try {
      new URL(v);
    } catch {
      throw new ConfigError(name, 'is not a valid URL (percent-encode special characters in the password)');
    }
    return v;
  }

  /** An optional bearer token (RFC 6750 b64token: letters, digits, -._~+/ and trailing =), so every client can send it in a header. */
  bearerToken(name: string): string | undefined {
    const v = this.raw(name);
    if (v !== undefined && !/^[A-Za-z0-9\-._~+/]+=*$/.test(v)) {
      throw new ConfigError(name, 'must be a bearer token: letters, digits and - . _ ~ + /, optionally ending in =');
    }
    return v;
  }

  /** An integer within [min, max]. */
  int(name: string, fallback: number, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^-?\d+$/.test(v)) throw new ConfigError(name, `expected an integer, got "${v}"`);
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${v}`);
    return n;
  }

  /** A number within [min, max]. */
  number(name: string, fallback: number, min = -Infinity, max = Infinity): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new ConfigError(name, `expected a number, got "${v}"`);
    if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${v}`);
    return n;
  }

  /** One of the allowed values. */
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(v)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${v}"`);
    return v as T;
  }

  /** A comma-separated list, each item checked against `pattern`. */
  list(name: string, fallback: string[], pattern?: RegExp): string[] {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const items = v.split(',').map((s) => s.trim()).filter(Boolean);
    for (const item of items) {
      if (pattern && !pattern.test(item)) throw new ConfigError(name, `invalid item "${item}"`);
    }
    return items;
  }

  /** An optional comma-separated list of at least one of the allowed values; undefined when unset. */
  subsetOf<T extends string>(name: string, allowed: readonly T[]): T[] | undefined {
    if (this.raw(name) === undefined) return undefined;
    const items = this.list(name, []);
    if (items.length === 0) throw new ConfigError(name, `must list at least one of ${allowed.join(', ')}`);
    for (const item of items) {
      if (!(allowed as readonly string[]).includes(item)) throw new ConfigError(name, `unknown item "${item}": must be among ${allowed.join(', ')}`);
    }
    return items as T[];
  }

  /** An optional path to a file that must exist at start-up, so a typo fails now rather than at the first connect. */
  existingFile(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    let isFile: boolean;
    try {
      isFile = statSync(v).isFile();
    } catch {
      throw new ConfigError(name, `file "${v}" does not exist`);
    }
    if (!isFile) throw new ConfigError(name, `"${v}" is not a file`);
    try {
      // A secret mounted readable by root only is a common container mistake; say so now.
      accessSync(v, constants.R_OK);
    } catch {
      throw new ConfigError(name, `file "${v}" cannot be read by this process`);
    }
    return v;
  }

  /** A NATS URL list (nats://, tls://, ws:// or host:port). */
  natsUrl(name: string, fallback: string): string {
    const v = this.string(name, fallback);
    for (const part of v.split(',')) {
      if (!/^((nats|tls|ws|wss):\/\/)?[^\s/:]+(:\d+)?$/.test(part.trim())) throw new ConfigError(name, `not a NATS URL: "${part}"`);
    }
    return v;
  }
}

/**
 * The environment variable names a config loader reads, found by running it on an empty
 * environment that records every lookup. Loaders read every variable unconditionally (defaults
 * apply to absent ones), so this is the complete schema, and it cannot drift from the code.
 */
export function envVarsReadBy(load: (env: Env) => unknown): readonly string[] {
  const seen = new Set<string>();
  const recorder = new Proxy<Env>({}, {
    get(_target, key) {
      if (typeof key === 'string') seen.add(key);
      return undefined;
    },
  });
  load(recorder);
  return [...seen].sort();
}

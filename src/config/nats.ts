import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.ts';
import type { NatsAuth, NatsTlsFiles } from '../messaging/connection.ts';
import type { EnvReader } from './env.ts';

/** NATS credentials and TLS settings of one process, parsed and validated once at start-up. */
export interface NatsClientConfig {
  auth: NatsAuth;
  /** Set when any NATS_TLS_* variable is: the connection then requires TLS. */
  tls: NatsTlsFiles | undefined;
}

/** What to show instead of a secret in logs and errors. */
const REDACTED = '***';

/**
 * Reads NATS_USER/NATS_PASSWORD, NATS_TOKEN, NATS_CREDS_FILE and NATS_TLS_CA_FILE /
 * NATS_TLS_CERT_FILE / NATS_TLS_KEY_FILE. At most one authentication method may be set, user and
 * password come together, as do certificate and key, and every file must exist. Every variable is
 * read before any check, so the list of known variables (envVarsReadBy) is complete. Error
 * messages name the variable, never its secret value.
 */
export function natsClientConfig(read: EnvReader): NatsClientConfig {
  const user = read.optional('NATS_USER');
  const password = read.optional('NATS_PASSWORD');
  const token = read.optional('NATS_TOKEN');
  const credsFile = read.existingFile('NATS_CREDS_FILE');
  const caFile = read.existingFile('NATS_TLS_CA_FILE');
  const certFile = read.existingFile('NATS_TLS_CERT_FILE');
  const keyFile = read.existingFile('NATS_TLS_KEY_FILE');

  if ((user === undefined) !== (password === undefined)) {
    throw new ConfigError(user === undefined ? 'NATS_USER' : 'NATS_PASSWORD', 'NATS_USER and NATS_PASSWORD must be set together');
  }
  const methods = [
    user !== undefined ? 'NATS_USER/NATS_PASSWORD' : null,
    token !== undefined ? 'NATS_TOKEN' : null,
    credsFile !== undefined ? 'NATS_CREDS_FILE' : null,
  ].filter((m): m is string => m !== null);
  if (methods.length > 1) {
    // The server accepts exactly one method per connection; silently picking one would hide a mistake.
    throw new ConfigError(methods[1]!.split('/')[0]!, `set only one NATS authentication method, got ${methods.join(' and ')}`);
  }
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new ConfigError(certFile === undefined ? 'NATS_TLS_CERT_FILE' : 'NATS_TLS_KEY_FILE', 'NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE must be set together');
  }
  if (credsFile !== undefined) checkCredsFile(credsFile);

  let auth: NatsAuth = { kind: 'none' };
  if (user !== undefined && password !== undefined) auth = { kind: 'userPassword', user, password };
  else if (token !== undefined) auth = { kind: 'token', token };
  else if (credsFile !== undefined) auth = { kind: 'credsFile', path: credsFile };

  const tls = caFile !== undefined || certFile !== undefined ? { caFile, certFile, keyFile } : undefined;
  return { auth, tls };
}

/** A .creds file holds a user JWT and an nkey seed; anything else would only fail at connect time. */
function checkCredsFile(path: string): void {
  const text = readFileSync(path, 'utf8');
  if (!/-----BEGIN NATS USER JWT-----/.test(text) || !/-----BEGIN USER NKEY SEED-----/.test(text)) {
    throw new ConfigError('NATS_CREDS_FILE', `"${path}" is not a NATS .creds file (user JWT and nkey seed)`);
  }
}

/** How the process authenticates, for the start-up log line: the method, never the secret. */
export function describeNatsAuth(config: NatsClientConfig): { auth: string; user?: string; tls: boolean } {
  const tls = config.tls !== undefined;
  switch (config.auth.kind) {
    case 'userPassword':
      return { auth: 'user/password', user: config.auth.user, tls };
    case 'token':
      return { auth: 'token', tls };
    case 'credsFile':
      return { auth: 'creds file', tls };
    case 'none':
      return { auth: 'none', tls };
  }
}

/** A NATS URL list with any user:password@ or token@ part masked, safe to log. */
export function redactNatsUrl(urls: string): string {
  return urls
    .split(',')
    .map((u) => u.replace(/^((?:[a-z]+:\/\/)?)[^@/\s]*@/i, `$1${REDACTED}@`))
    .join(',');
}

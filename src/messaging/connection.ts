import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';

/** How a process proves who it is to NATS; at most one method, chosen by configuration. */
export type NatsAuth =
  | { kind: 'none' }
  | { kind: 'userPassword'; user: string; password: string }
  | { kind: 'token'; token: string }
  /** A .creds file (user JWT + nkey seed), as `nsc` or an operator hands out. */
  | { kind: 'credsFile'; path: string };

/** TLS towards the server: CA to trust a private server certificate, cert+key for mutual TLS. */
export interface NatsTlsFiles {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

export interface NatsConnectOptions {
  /** One URL or a comma-separated list, e.g. nats://127.0.0.1:4222. */
  servers: string;
  /** Client name shown in server monitoring (the process's service name). */
  name: string;
  /** Credentials; none by default (a local server without authorization). */
  auth?: NatsAuth;
  /** When set, the connection must be TLS (even with an empty object: server-verified TLS only). */
  tls?: NatsTlsFiles;
  /**
   * Prefix of this connection's reply inboxes. Defaults to `_INBOX.<name>` so the server can give
   * each service subscribe permission on its own inboxes only: with a shared `_INBOX.>` one service
   * could read the JetStream API answers and pulled messages meant for another.
   */
  inboxPrefix?: string;
}

/** The inbox prefix a service named `name` uses unless told otherwise (see NatsConnectOptions). */
export function defaultInboxPrefix(name: string): string {
  // A name that is not a single subject token would make an invalid prefix: keep the NATS default.
  return /^[A-Za-z0-9_-]+$/.test(name) ? `_INBOX.${name}` : '_INBOX';
}

/** Maps the configured credentials to nats.js options; never logs or copies the secrets elsewhere. */
function authOptions(auth: NatsAuth | undefined): Partial<NodeConnectionOptions> {
  switch (auth?.kind) {
    case undefined:
    case 'none':
      return {};
    case 'userPassword':
      return { user: auth.user, pass: auth.password };
    case 'token':
      return { token: auth.token };
    case 'credsFile': {
      const path = auth.path;
      // Read on every (re)connect rather than once, so a rotated .creds file is picked up without a restart.
      return { authenticator: credsAuthenticator(() => readFileSync(path)) };
    }
  }
}

/**
 * Connects with reconnection forever: a JetStream consume() loop resumes by itself after the
 * server comes back, so processes ride out a NATS restart instead of exiting.
 */
export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  return connect({
    servers: options.servers.split(',').map((s) => s.trim()).filter(Boolean),
    name: options.name,
    ...authOptions(options.auth),
    // The node transport reads these files itself on each connect; an object (even empty) requires TLS.
    ...(options.tls ? { tls: { ...options.tls } } : {}),
    inboxPrefix: options.inboxPrefix ?? defaultInboxPrefix(options.name),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    pingInterval: 10_000,
    // nats.js otherwise builds an Error (capturing a stack) up front for every request and ack wait,
    // in case it times out: the largest single CPU cost of publishing under load. Those stacks would
    // only point into nats.js internals.
    noAsyncTraces: true,
  });
}

/**
 * The reply-inbox prefix a connection was made with (nats.js keeps its options on the connection
 * object, though its interface does not declare them): inboxes of our own must use it, as the
 * deployment lets each service subscribe only below its prefix.
 */
export function inboxPrefixOf(nc: NatsConnection): string {
  return (nc as NatsConnection & { options?: { inboxPrefix?: string } }).options?.inboxPrefix ?? '_INBOX';
}

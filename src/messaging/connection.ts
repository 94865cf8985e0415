import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface NatsConnectOptions {
  /** One URL or a comma-separated list, e.g. nats://127.0.0.1:4222. */
  servers: string;
  /** Client name shown in server monitoring (the process's service name). */
  name: string;
  user?: string;
  pass?: string;
  token?: string;
}

/**
 * Connects with reconnection forever: a JetStream consume() loop resumes by itself after the
 * server comes back, so processes ride out a NATS restart instead of exiting.
 */
export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  return connect({
    servers: options.servers.split(',').map((s) => s.trim()).filter(Boolean),
    name: options.name,
    user: options.user,
    pass: options.pass,
    token: options.token,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    pingInterval: 10_000,
  });
}

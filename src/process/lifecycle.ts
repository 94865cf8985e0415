import type { Server } from 'node:http';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';

/**
 * Wraps `fn` so that at most one run is in flight: a call while one runs shares its promise. A
 * readiness check polled while its server is frozen thus keeps one request open, not one per poll.
 */
function singleFlight<T>(fn: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () =>
    (inFlight ??= fn().finally(() => {
      inFlight = undefined;
    }));
}

/**
 * Readiness of the NATS connection: a PING/PONG round trip to the server. Fails at once when the
 * connection is closed, draining or disconnected (`rtt()` refuses then); a frozen server keeps the
 * TCP connection open and status events quiet, so only the round trip notices it (it stays pending
 * until the server answers, bounded by the caller's deadline).
 */
export function natsReachable(nc: NatsConnection): () => Promise<boolean> {
  return singleFlight(async () => {
    if (nc.isDraining()) return false;
    await nc.rtt();
    return true;
  });
}

/**
 * Readiness of JetStream: every named stream answers a stream-info request. Uses its own manager
 * whose API requests time out after `timeoutMs` (the default is 5 s), asks for all streams at once,
 * and keeps one round in flight.
 */
export function streamsAvailable(nc: NatsConnection, names: readonly string[], timeoutMs: number): () => Promise<boolean> {
  let jsm: Promise<JetStreamManager> | undefined;
  return singleFlight(async () => {
    jsm ??= jetstreamManager(nc, { timeout: timeoutMs, checkAPI: false });
    const manager = await jsm;
    await Promise.all(names.map((name) => manager.streams.info(name)));
    return true;
  });
}

/** Starts listening; rejects if the port cannot be bound. */
export function listen(server: Server, port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops accepting connections and waits for open requests to finish, cutting what is still open after `graceMs`. */
export function closeServer(server: Server, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Long-lived responses (the explorer's event streams) would hold the close open until the saga
    // ends: after the grace period they are cut, and their EventSource reconnects to the next process.
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}

/** Runs `shutdown` once on SIGTERM or SIGINT, then exits 0 (1 if shutdown failed). */
export function onTerminate(shutdown: (signal: string) => Promise<void>, log: (err: unknown) => void): void {
  let started = false;
  const handler = (signal: string) => {
    if (started) return;
    started = true;
    shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        log(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => handler('SIGTERM'));
  process.once('SIGINT', () => handler('SIGINT'));
}

/**
 * The `onDurabilityLost` of a service's database: after a failed WAL flush, what is on disk is
 * unknown, so the process stops and its restart recovers from the disk (as PostgreSQL does).
 */
export function exitOnDurabilityLost(logger: Logger): (err: Error) => void {
  return (err) => {
    logger.fatal({ err }, 'database flush failed; exiting');
    process.exit(1);
  };
}

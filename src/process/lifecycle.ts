import type { Server } from 'node:http';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';

/** Follows the connection's status events: the consume loop survives a reconnect, readiness should not lie during one. */
export function trackConnection(nc: NatsConnection): () => boolean {
  let connected = true;
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') connected = false;
      else if (s.type === 'reconnect') connected = true;
    }
  })();
  return () => connected && !nc.isClosed() && !nc.isDraining();
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

/** Stops accepting connections and waits for open requests to finish. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
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

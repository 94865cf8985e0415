import type { Server } from 'node:http';
import type { NatsConnection } from '@nats-io/transport-node';
import { durabilityFailure, type Db } from '../store/index.ts';

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

/**
 * A real write (one row of the migrated health_probe table, upserted): proves the file, the lock
 * and the disk all accept writes.
 */
export function databaseWritable(db: Db): () => boolean {
  const probe = db.prepare<[number]>(
    'INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
  );
  return () => {
    const lost = durabilityFailure(db);
    if (lost) throw lost;
    probe.run(Date.now());
    return true;
  };
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

// `npm run bench -- --modes postgres`: the closed loop with the orchestrator on PostgreSQL
// (DATABASE_URL), with one instance and with two sharing the load, beside nothing else changed:
// throughput, start→final latency, CPU per saga of every process, PostgreSQL's own CPU included.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresServer } from '../test/support/postgres.ts';
import { freePort } from '../test/support/nats-server.ts';
import { ServiceProcess } from '../test/support/processes.ts';
import { cpuSeconds } from './proc-stats.ts';

/** Every process of the PostgreSQL server: the postmaster and its children (backends, WAL writer, checkpointer…). */
export function postgresPids(server: PostgresServer): number[] {
  const postmaster = Number(readFileSync(join(server.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may hold spaces, so split after it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/**
 * CPU seconds PostgreSQL's processes used since `before` (a map from an earlier call): backends
 * that ended meanwhile are lost, so the pool keeps its connections for the whole measurement.
 */
export function postgresCpu(server: PostgresServer, before: Map<number, number> = new Map()): { seconds: number; now: Map<number, number> } {
  const now = new Map(postgresPids(server).map((pid) => [pid, cpuSeconds(pid)]));
  let seconds = 0;
  for (const [pid, cpu] of now) seconds += cpu - (before.get(pid) ?? 0);
  return { seconds, now };
}

/** A second orchestrator process on the same database and NATS as `first`, on its own port. */
export async function secondOrchestrator(first: ServiceProcess, id: string, options: { compiled: boolean; root?: string }): Promise<ServiceProcess> {
  const p = new ServiceProcess('orchestrator', { ...first.env, HTTP_PORT: String(await freePort()), INSTANCE_ID: id }, options);
  await p.start();
  return p;
}

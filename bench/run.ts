// `npm run bench`: throughput, latency, recovery and growth of the real system on this machine.
// Starts its own nats-server (temporary store) and the four compiled processes exactly as deployed,
// drives order sagas through POST /orders and observes completion through the OrderCompleted /
// OrderCancelled events. Options: see USAGE (`npm run bench -- --help`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { NatsServer, waitFor } from '../test/support/nats-server.ts';
import { startProcesses, type ProcessSystem } from '../test/support/processes.ts';
import { measureCeiling } from './ceiling.ts';
import { measurePublishCost } from './publish.ts';
import { alternate, median, prepareBuild, printComparison, summarize, type RunFigures } from './compare.ts';
import { closedLoop, CompletionWatcher, openLoop, benchOrder, placeOrder, type Workload } from './load.ts';
import { contextSwitches, cpuLoopMs, cpuSeconds, memoryMb, percentiles, withMachineCpu } from './proc-stats.ts';
import { seedFinishedSagas } from './seed.ts';
import { postgresCpu, secondOrchestrator } from './postgres.ts';
import { HOPS, sagaHops, summarizeHops } from './breakdown.ts';
import { checkTargets, type TargetCheck } from './targets.ts';
import type { EngineRun } from './engine-cpu.ts';
import { OtlpReceiver } from '../test/support/otlp-receiver.ts';
import { PostgresServer } from '../test/support/postgres.ts';
import pg from 'pg';
import type { ServiceProcess } from '../test/support/processes.ts';

const OPTIONS = {
  smoke: { type: 'boolean', default: false },
  modes: { type: 'string', default: 'closed,open,recovery,growth,publish,postgres,breakdown,latency,trip,engine' },
  out: { type: 'string', default: 'bench/results/latest.json' },
  profile: { type: 'string' },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  compare: { type: 'string' },
  pairs: { type: 'string', default: '3' },
  help: { type: 'boolean', default: false },
} as const;

const USAGE = `usage: npm run bench -- [options]
  --modes LIST        closed,open,recovery,growth,publish,postgres,breakdown,latency,trip,engine (default: all)
  --concurrency N     closed-loop clients (default 50)
  --rate N            open-loop sagas offered per second (default 300)
  --smoke             every mode at a tiny size (what CI runs)
  --profile DIR       write V8 CPU profiles of the four services to DIR (open in Chrome DevTools)
  --out FILE          JSON results (default bench/results/latest.json)
  --compare GIT-REF   run that commit's build and this checkout alternately (closed/open/engine modes)
  --pairs N           alternations for --compare (default 3)
  --help              this text`;

const { values: args } = parseCommandLine();

function parseCommandLine() {
  try {
    const parsed = parseArgs({ options: OPTIONS });
    if (parsed.values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return parsed;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    process.exit(2);
  }
}

const smoke = args.smoke;
// Ctrl-C or a kill ends the run through process.exit, which kills the servers and services it
// started (test/support/children.ts); a signal's default action would leave them running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const modes = new Set(args.modes.split(','));
/** Sizes: the full run, and a smoke run CI uses to keep the benchmark working. */
const P = smoke
  ? { durationMs: 2_000, concurrency: 16, rate: 50, openMs: 2_000, recoverySagas: 200, growthSagas: 5_000, ceilingMs: 1_000, listRequests: 50, publishes: 500, publishRounds: 2, engineSagas: 200, engineRuns: 1 }
  : { durationMs: 15_000, concurrency: 50, rate: 300, openMs: 15_000, recoverySagas: 10_000, growthSagas: 1_000_000, ceilingMs: 5_000, listRequests: 500, publishes: 20_000, publishRounds: 6, engineSagas: 4_000, engineRuns: 5 };
if (args.concurrency) P.concurrency = positive('--concurrency', args.concurrency);
if (args.rate) P.rate = positive('--rate', args.rate);
const STEPS_PER_SAGA = 3;
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive integer, got ${value}`);
  return n;
}

const ORCHESTRATOR_ENV: Record<string, string> = {
  // The heap settings the image ships with (Dockerfile): V8 otherwise reserves far more than it uses.
  NODE_OPTIONS: process.env.BENCH_ORCHESTRATOR_NODE_OPTIONS ?? '--max-semi-space-size=8 --max-old-space-size=256',
  // Long timeouts: the benchmark measures the happy path, not retry storms under overload.
  STEP_TIMEOUT_MS: '120000',
  COMPENSATION_TIMEOUT_MS: '120000',
  LOG_LEVEL: 'warn',
};
const PARTICIPANT_ENV = {
  INVENTORY_DEFAULT_STOCK: '1000000000',
  PAYMENT_DEFAULT_BALANCE: '1000000000000',
  FLIGHTS_DEFAULT_SEATS: '1000000000',
  HOTELS_DEFAULT_ROOMS: '1000000000',
  WORKER_POOL_SIZE: '64',
};

interface ProcessUsage {
  cpuSeconds: number;
  peakRssMb: number;
  contextSwitches: number;
}

interface LoopFigures {
  sagas: number;
  latencyMs: Record<string, number>;
  processes: Record<string, ProcessUsage>;
}

interface SteadyState {
  closed?: LoopFigures & {
    concurrency: number;
    sagasPerSecond: number;
    ceilingRatio: number | undefined;
    machineCpuMsPerSaga: number;
    ceilingCpuRatio: number | undefined;
    orchestratorStorage: Record<string, number>;
  };
  open?: LoopFigures & { offeredPerSecond: number; unfinished: number };
}

async function withSystem<T>(dir: string, nats: NatsServer, fn: (sys: ProcessSystem, api: string) => Promise<T>, root?: string): Promise<T> {
  const profiling = args.profile ? ` --cpu-prof --cpu-prof-dir=${args.profile}` : '';
  const sys = await startProcesses(
    nats.url,
    dir,
    {
      orchestrator: { ...ORCHESTRATOR_ENV, NODE_OPTIONS: `${ORCHESTRATOR_ENV.NODE_OPTIONS}${profiling}` },
      participants: { ...PARTICIPANT_ENV, ...(profiling ? { NODE_OPTIONS: profiling.trim() } : {}) },
    },
    // The order workload: the travel process would only add idle work to one side of a comparison.
    { compiled: true, root, travel: false },
  );
  try {
    return await fn(sys, `http://127.0.0.1:${sys.orchestrator.env.HTTP_PORT}`);
  } finally {
    for (const p of [sys.orchestrator, sys.inventory, sys.payment, sys.shipping]) await p.stop('SIGTERM').catch(() => null);
  }
}

/** Every process on the machine that works for the run: the four services, nats-server and this driver. */
function processes(sys: ProcessSystem): [string, number | undefined][] {
  const services = [sys.orchestrator, sys.inventory, sys.payment, sys.shipping, ...(sys.travel ? [sys.travel] : [])];
  return [...services.map((p) => [p.entry, p.pid] as [string, number | undefined]), ['nats-server', natsPid], ['load driver', process.pid]];
}

function usage(sys: ProcessSystem, before: Record<string, Counters>): Record<string, ProcessUsage> {
  const out: Record<string, ProcessUsage> = {};
  for (const [name, pid] of processes(sys)) {
    out[name] = {
      cpuSeconds: round(cpuSeconds(pid) - (before[name]?.cpu ?? 0)),
      peakRssMb: round(memoryMb(pid).peak),
      contextSwitches: contextSwitches(pid) - (before[name]?.switches ?? 0),
    };
  }
  return out;
}

interface Counters {
  cpu: number;
  switches: number;
}

function countersNow(sys: ProcessSystem): Record<string, Counters> {
  return Object.fromEntries(processes(sys).map(([name, pid]) => [name, { cpu: cpuSeconds(pid), switches: contextSwitches(pid) }]));
}

let natsPid: number | undefined;

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const ms = (l: number[]) => Object.fromEntries(Object.entries(percentiles(l)).map(([k, v]) => [k, k === 'n' ? v : round(v)]));

async function main(): Promise<void> {
  const results: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version, smoke }, at: new Date().toISOString() };
  if (args.compare) {
    Object.assign(results, await compareBuilds(args.compare, positive('--pairs', args.pairs)));
    writeResults(results);
    return;
  }
  const loopBefore = cpuLoopMs();
  if (modes.has('engine')) {
    results.engine = engineAlone(REPO, P.engineRuns);
    console.log(`engine alone: ${JSON.stringify(results.engine)}`);
  }
  const nats = await NatsServer.start();
  natsPid = nats.pid;
  const root = mkdtempSync(join(tmpdir(), 'saga-bench-'));
  const watcher = new CompletionWatcher();
  await watcher.start(nats.url);
  try {
    // The ceiling first, on the same server, so the ratio is machine-independent.
    const at32 = await ceilingWithCpu(nats.url, 32);
    const at512 = await ceilingWithCpu(nats.url, 512);
    const ceiling32 = at32.roundTripsPerSecond;
    const ceiling512 = at512.roundTripsPerSecond;
    results.ceiling = {
      roundTripsPerSecondAt32: round(ceiling32),
      roundTripsPerSecondAt512: round(ceiling512),
      cpuMsPerRoundTripAt32: round(at32.cpuMsPerRoundTrip, 3),
      cpuMsPerRoundTripAt512: round(at512.cpuMsPerRoundTrip, 3),
      machineBusyAt32: round(at32.machineBusy, 2),
      machineBusyAt512: round(at512.machineBusy, 2),
    };
    console.log(`JetStream ceiling: ${round(ceiling32)} round trips/s at 32 in flight, ${round(ceiling512)} at 512`);
    if (modes.has('publish')) {
      results.publish = await measurePublishCost(nats.url, P.publishes, P.publishRounds);
      console.log(`stream publish: ${JSON.stringify(results.publish)}`);
    }

    if (modes.has('closed') || modes.has('open')) {
      const ceiling = { roundTripsPerSecond: Math.max(ceiling32, ceiling512), cpuMsPerRoundTrip: Math.min(at32.cpuMsPerRoundTrip, at512.cpuMsPerRoundTrip) };
      Object.assign(results, await steadyState(join(root, 'main'), nats, watcher, ceiling));
    }

    if (modes.has('recovery')) {
      results.recovery = await recovery(join(root, 'recovery'), nats, watcher);
    }
    if (modes.has('growth')) {
      results.growth = await growth(join(root, 'growth'), nats, watcher);
    }
    if (modes.has('postgres')) {
      results.postgres = await onPostgres(join(root, 'postgres'), nats, watcher);
    }
    if (modes.has('breakdown')) {
      results.breakdown = await latencyBreakdown(join(root, 'breakdown'), nats, watcher);
    }
    if (modes.has('latency')) {
      results.latency = await ladder(join(root, 'latency'), nats, watcher, 'order');
    }
    if (modes.has('trip')) {
      results.trip = await ladder(join(root, 'trip'), nats, watcher, 'trip');
    }
  } finally {
    await watcher.stop();
    await nats.dispose();
    rmSync(root, { recursive: true, force: true });
  }
  results.hostSpeed = { cpuLoopMsBefore: round(loopBefore), cpuLoopMsAfter: round(cpuLoopMs()) };
  results.targets = checkTargets(results);
  printTable(results);
  writeResults(results);
}

function writeResults(results: Record<string, unknown>): void {
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nfull results: ${args.out}`);
}

/** --compare: the steady state of `ref`'s build and of this checkout, alternated `pairs` times, each run on a fresh nats-server. */
async function compareBuilds(ref: string, pairs: number): Promise<Record<string, unknown>> {
  const root = mkdtempSync(join(tmpdir(), 'saga-bench-'));
  try {
    const builds = [prepareBuild(REPO, ref, join(root, 'baseline')), { label: 'this checkout', root: REPO }] as const;
    let run = 0;
    const runs = await alternate(builds, pairs, async (build) => {
      const hostLoopMs = round(cpuLoopMs());
      const engine = modes.has('engine') ? { engineCpuMsPerSaga: engineAlone(build.root, 1).medianCpuMsPerSaga } : {};
      if (!modes.has('closed') && !modes.has('open')) return { hostLoopMs, ...engine };
      const nats = await NatsServer.start();
      natsPid = nats.pid;
      const watcher = new CompletionWatcher();
      await watcher.start(nats.url);
      try {
        return { hostLoopMs, ...engine, ...figuresOf(await steadyState(join(root, `run-${++run}`), nats, watcher, undefined, build.root)) };
      } finally {
        await watcher.stop();
        await nats.dispose();
      }
    });
    const summary = summarize(builds, runs);
    printComparison(runs, summary);
    return { compare: { baseline: builds[0].label, candidate: builds[1].label, pairs, runs, ...summary } };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The engine alone (bench/engine-cpu.ts), `runs` times, each in a fresh process on the build at
 * `root`: its CPU per saga varies by a few percent from run to run, so the median is reported.
 */
function engineAlone(root: string, runs: number): { sagas: number; runs: EngineRun[]; medianCpuMsPerSaga: number; medianWallMsPerSaga: number } {
  const all: EngineRun[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [join(REPO, 'bench/engine-cpu.ts'), '--root', root, '--sagas', String(P.engineSagas)], { encoding: 'utf8' });
    const run = JSON.parse(out.trim().split('\n').at(-1)!) as EngineRun;
    if (run.completed !== run.sagas) throw new Error(`engine alone: ${run.completed} of ${run.sagas} sagas completed`);
    all.push(run);
  }
  return { sagas: P.engineSagas, runs: all, medianCpuMsPerSaga: median(all.map((r) => r.cpuMsPerSaga)), medianWallMsPerSaga: median(all.map((r) => r.wallMsPerSaga)) };
}

/** The figures a comparison reports: throughput, tail latency and CPU per saga of all processes. */
function figuresOf(s: SteadyState): RunFigures {
  const cpuPerSaga = (l: LoopFigures) => round((Object.values(l.processes).reduce((sum, p) => sum + p.cpuSeconds, 0) * 1000) / Math.max(1, l.sagas), 2);
  return {
    ...(s.closed && { closedPerSecond: s.closed.sagasPerSecond, closedP99Ms: s.closed.latencyMs.p99, closedCpuMsPerSaga: cpuPerSaga(s.closed) }),
    ...(s.open && { openP50Ms: s.open.latencyMs.p50, openP99Ms: s.open.latencyMs.p99, openCpuMsPerSaga: cpuPerSaga(s.open) }),
  };
}

/** The ceiling at `inFlight`, with the machine's CPU it took: busy share of all cores and CPU ms per round trip. */
async function ceilingWithCpu(natsUrl: string, inFlight: number): Promise<{ roundTripsPerSecond: number; cpuMsPerRoundTrip: number; machineBusy: number }> {
  const { result: roundTripsPerSecond, busyCpuMs, busyShare } = await withMachineCpu(() => measureCeiling(natsUrl, inFlight, P.ceilingMs));
  const roundTrips = Math.max(1, (roundTripsPerSecond * P.ceilingMs) / 1000);
  return { roundTripsPerSecond, cpuMsPerRoundTrip: busyCpuMs / roundTrips, machineBusy: busyShare };
}

/**
 * The closed and/or open loop (as `modes` asks) on one system, after a warm-up. `ceiling` turns the
 * closed loop's throughput (round trips/s) and its CPU per saga (CPU ms per round trip) into the
 * machine-independent ratios; `root` runs another checkout's build (--compare).
 */
async function steadyState(dir: string, nats: NatsServer, watcher: CompletionWatcher, ceiling: { roundTripsPerSecond: number; cpuMsPerRoundTrip: number } | undefined, root?: string): Promise<SteadyState> {
  const out: SteadyState = {};
  await withSystem(
    dir,
    nats,
    async (sys, api) => {
      // Warm up: JIT, connections, SQLite caches.
      await closedLoop(api, watcher, { concurrency: 8, durationMs: smoke ? 300 : 2_000, maxSagas: 2_000, run: 'warmup' });
      if (modes.has('closed')) {
        const before = countersNow(sys);
        const storageBefore = await storageCounters(api);
        const { result: r, busyCpuMs } = await withMachineCpu(() => closedLoop(api, watcher, { concurrency: P.concurrency, durationMs: P.durationMs, maxSagas: 1_000_000, run: 'closed' }));
        const machineCpuMsPerSaga = busyCpuMs / Math.max(1, r.sagas);
        const ratio = ceiling ? round((r.perSecond * STEPS_PER_SAGA) / ceiling.roundTripsPerSecond, 3) : undefined;
        // The same comparison in CPU: what three ceiling round trips cost against what a saga costs.
        // Both are CPU-bound here, and this one does not move with how busy the machine was.
        const cpuRatio = ceiling ? round((ceiling.cpuMsPerRoundTrip * STEPS_PER_SAGA) / machineCpuMsPerSaga, 3) : undefined;
        const storage = storageDelta(storageBefore, await storageCounters(api), r.sagas);
        out.closed = {
          concurrency: P.concurrency,
          sagas: r.sagas,
          sagasPerSecond: round(r.perSecond),
          latencyMs: ms(r.latenciesMs),
          ceilingRatio: ratio,
          machineCpuMsPerSaga: round(machineCpuMsPerSaga, 2),
          ceilingCpuRatio: cpuRatio,
          processes: usage(sys, before),
          orchestratorStorage: storage,
        };
        console.log(`closed loop (${P.concurrency}): ${round(r.perSecond)} sagas/s, p99 ${round(percentiles(r.latenciesMs).p99)} ms${ratio === undefined ? '' : `, ratio ${ratio}`}`);
      }
      if (modes.has('open')) {
        const before = countersNow(sys);
        const r = await openLoop(api, watcher, { rate: P.rate, durationMs: P.openMs, run: 'open', settleMs: 60_000 });
        out.open = { offeredPerSecond: P.rate, sagas: r.sagas, unfinished: r.unfinished, latencyMs: ms(r.latenciesMs), processes: usage(sys, before) };
        console.log(`open loop (${P.rate}/s): p50 ${round(percentiles(r.latenciesMs).p50)} ms, p99 ${round(percentiles(r.latenciesMs).p99)} ms, unfinished ${r.unfinished}`);
      }
    },
    root,
  );
  return out;
}

/** A closed-loop run of the orchestrator on PostgreSQL: its figures and PostgreSQL's CPU. */
interface PostgresRun extends LoopFigures {
  instances: number;
  /** From pg_stat_database over the measured loop: commits and rollbacks per saga, deadlocks detected. */
  database: { commitsPerSaga: number; rollbacksPerSaga: number; deadlocks: number };
  sagasPerSecond: number;
  postgresCpuMsPerSaga: number;
  machineCpuMsPerSaga: number;
}

/**
 * The closed loop with the orchestrator on PostgreSQL (participants on SQLite, as usual), with one
 * instance and with two sharing the clients, each on a fresh database of one PostgreSQL server.
 */
async function onPostgres(dir: string, nats: NatsServer, watcher: CompletionWatcher): Promise<{ runs: PostgresRun[] }> {
  const server = await PostgresServer.start();
  // pg_ctl runs the server detached: stop it also when the run is interrupted (Ctrl-C exits the process).
  const cleanUp = () => server.dispose();
  process.once('exit', cleanUp);
  const runs: PostgresRun[] = [];
  try {
    for (const instances of [1, 2]) {
      const database = `bench_${instances}`;
      server.createDatabase(database);
      const sys = await startProcesses(
        nats.url,
        join(dir, database),
        { orchestrator: { ...ORCHESTRATOR_ENV, DATABASE_URL: server.url(database), INSTANCE_ID: 'bench-1' }, participants: PARTICIPANT_ENV },
        { compiled: true, travel: false },
      );
      const extra: ServiceProcess[] = [];
      try {
        for (let i = 2; i <= instances; i++) extra.push(await secondOrchestrator(sys.orchestrator, `bench-${i}`, { compiled: true }));
        const apis = [sys.orchestrator, ...extra].map((o) => `http://127.0.0.1:${o.env.HTTP_PORT}`);
        await closedLoop(apis, watcher, { concurrency: 8, durationMs: smoke ? 300 : 2_000, maxSagas: 2_000, run: `pg${instances}-warm` });
        const named: [string, number | undefined][] = [
          ...[sys.orchestrator, ...extra].map((o, i) => [`orchestrator ${i + 1}`, o.pid] as [string, number | undefined]),
          ...[sys.inventory, sys.payment, sys.shipping].map((p) => [p.entry, p.pid] as [string, number | undefined]),
          ['nats-server', natsPid],
          ['load driver', process.pid],
        ];
        const before = Object.fromEntries(named.map(([name, pid]) => [name, cpuSeconds(pid)]));
        const statsBefore = await databaseStats(server.url(database), database);
        const pgBefore = postgresCpu(server);
        const { result: r, busyCpuMs } = await withMachineCpu(() => closedLoop(apis, watcher, { concurrency: P.concurrency, durationMs: P.durationMs, maxSagas: 1_000_000, run: `pg${instances}` }));
        const pgCpu = postgresCpu(server, pgBefore.now);
        const statsAfter = await databaseStats(server.url(database), database);
        const processes: Record<string, ProcessUsage> = {};
        for (const [name, pid] of named) processes[name] = { cpuSeconds: round(cpuSeconds(pid) - before[name]!), peakRssMb: round(memoryMb(pid).peak), contextSwitches: 0 };
        processes.postgresql = { cpuSeconds: round(pgCpu.seconds), peakRssMb: 0, contextSwitches: 0 };
        const run: PostgresRun = {
          instances,
          sagas: r.sagas,
          sagasPerSecond: round(r.perSecond),
          latencyMs: ms(r.latenciesMs),
          processes,
          postgresCpuMsPerSaga: round((pgCpu.seconds * 1000) / Math.max(1, r.sagas), 2),
          machineCpuMsPerSaga: round(busyCpuMs / Math.max(1, r.sagas), 2),
          database: {
            commitsPerSaga: round((statsAfter.commits - statsBefore.commits) / Math.max(1, r.sagas), 2),
            rollbacksPerSaga: round((statsAfter.rollbacks - statsBefore.rollbacks) / Math.max(1, r.sagas), 3),
            deadlocks: statsAfter.deadlocks - statsBefore.deadlocks,
          },
        };
        runs.push(run);
        console.log(`postgres, ${instances} orchestrator(s): ${run.sagasPerSecond} sagas/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, PostgreSQL ${run.postgresCpuMsPerSaga} CPU ms per saga; ${JSON.stringify(run.database)}`);
      } finally {
        for (const p of [...extra, sys.orchestrator, sys.inventory, sys.payment, sys.shipping]) await p.stop('SIGTERM').catch(() => null);
      }
    }
  } finally {
    process.off('exit', cleanUp);
    server.dispose();
  }
  return { runs };
}

/** The database's transaction counters (all connections, every process). */
async function databaseStats(url: string, database: string): Promise<{ commits: number; rollbacks: number; deadlocks: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Counters are collected per backend and flushed at most every second: take a fresh snapshot.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ commits: string; rollbacks: string; deadlocks: string }>(
      'SELECT xact_commit AS commits, xact_rollback AS rollbacks, deadlocks FROM pg_stat_database WHERE datname = $1',
      [database],
    );
    return { commits: Number(rows[0]!.commits), rollbacks: Number(rows[0]!.rollbacks), deadlocks: Number(rows[0]!.deadlocks) };
  } finally {
    await client.end();
  }
}

/** In-flight levels of the latency breakdown. */
const BREAKDOWN_IN_FLIGHT = [1, 8, 50];

/**
 * Where start→final time goes at 1, 8 and 50 sagas in flight: the closed loop with every process
 * exporting its spans to a receiver here, then the hops of each complete saga (see breakdown.ts).
 * Tracing costs CPU of its own, so these runs measure the shape, not the throughput.
 */
async function latencyBreakdown(dir: string, nats: NatsServer, watcher: CompletionWatcher): Promise<unknown> {
  const receiver = new OtlpReceiver();
  await receiver.start();
  const tracing = {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    // Exported often and in big batches, so no span is dropped at 50 in flight.
    OTEL_BSP_SCHEDULE_DELAY: '200',
    OTEL_BSP_MAX_QUEUE_SIZE: '65536',
    OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '4096',
  };
  mkdirSync(dir, { recursive: true });
  const sys = await startProcesses(nats.url, dir, { orchestrator: { ...ORCHESTRATOR_ENV, ...tracing }, participants: { ...PARTICIPANT_ENV, ...tracing } }, { compiled: true, travel: false });
  const api = `http://127.0.0.1:${sys.orchestrator.env.HTTP_PORT}`;
  const levels: Record<string, unknown> = {};
  try {
    await closedLoop(api, watcher, { concurrency: 8, durationMs: smoke ? 300 : 2_000, maxSagas: 2_000, run: 'breakdown-warm' });
    for (const inFlight of BREAKDOWN_IN_FLIGHT) {
      // Let the warm-up's (or the last level's) spans arrive, then keep only this level's.
      await new Promise((r) => setTimeout(r, 1_000));
      receiver.spans.length = 0;
      const r = await closedLoop(api, watcher, { concurrency: inFlight, durationMs: smoke ? 1_000 : 5_000, maxSagas: 1_000_000, run: `breakdown-${inFlight}` });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const { sagas, incomplete } = sagaHops(receiver.spans);
      const summary = summarizeHops(sagas);
      levels[inFlight] = { measuredP50Ms: round(percentiles(r.latenciesMs).p50), incomplete, ...summary };
      console.log(`breakdown at ${inFlight} in flight: ${summary.sagas} sagas, start→final p50 ${summary.p50TotalMs} ms from spans (${round(percentiles(r.latenciesMs).p50)} ms measured)`);
    }
  } finally {
    for (const p of [sys.orchestrator, sys.inventory, sys.payment, sys.shipping]) await p.stop('SIGTERM').catch(() => null);
    await receiver.stop();
  }
  return { withTracing: true, levels };
}

/** In-flight levels of the latency ladder (the issue's targets are set at these). */
const LADDER_IN_FLIGHT = [1, 8, 50];
/** The processes that serve a saga (not the load driver): what "CPU per saga" sums. */
const SERVICES = ['orchestrator', 'inventory', 'payment', 'shipping', 'travel', 'nats-server'];

interface LadderStep {
  inFlight: number;
  sagas: number;
  sagasPerSecond: number;
  latencyMs: Record<string, number>;
  /** CPU ms per saga of each process, and of the services together (everything but the load driver). */
  cpuMsPerSaga: Record<string, number>;
}

/**
 * The closed loop at 1, 8 and 50 sagas in flight on one system, without tracing: start→final
 * latency and CPU per saga of every process at each level. `workload` picks the saga type (the
 * trip saga runs the travel process too, and books a flight and a hotel in parallel).
 */
async function ladder(dir: string, nats: NatsServer, watcher: CompletionWatcher, workload: Workload): Promise<{ workload: Workload; steps: LadderStep[] }> {
  mkdirSync(dir, { recursive: true });
  const sys = await startProcesses(nats.url, dir, { orchestrator: ORCHESTRATOR_ENV, participants: PARTICIPANT_ENV }, { compiled: true, travel: workload === 'trip' });
  const api = `http://127.0.0.1:${sys.orchestrator.env.HTTP_PORT}`;
  const steps: LadderStep[] = [];
  try {
    await closedLoop(api, watcher, { concurrency: 8, durationMs: smoke ? 300 : 2_000, maxSagas: 2_000, run: `${workload}-warm`, workload });
    for (const inFlight of LADDER_IN_FLIGHT) {
      const before = countersNow(sys);
      const r = await closedLoop(api, watcher, { concurrency: inFlight, durationMs: smoke ? 1_000 : 10_000, maxSagas: 1_000_000, run: `${workload}-${inFlight}`, workload });
      const after = countersNow(sys);
      const perSaga = Object.fromEntries(Object.entries(after).map(([name, c]) => [name, round(((c.cpu - before[name]!.cpu) * 1000) / Math.max(1, r.sagas), 2)]));
      perSaga.services = round(SERVICES.reduce((sum, name) => sum + (perSaga[name] ?? 0), 0), 2);
      const step = { inFlight, sagas: r.sagas, sagasPerSecond: round(r.perSecond), latencyMs: ms(r.latenciesMs), cpuMsPerSaga: perSaga };
      steps.push(step);
      console.log(`${workload} at ${inFlight} in flight: ${step.sagasPerSecond} sagas/s, p50 ${step.latencyMs.p50} ms, p99 ${step.latencyMs.p99} ms, services' CPU ${perSaga.services} ms per saga`);
    }
  } finally {
    for (const p of [sys.orchestrator, sys.inventory, sys.payment, sys.shipping, sys.travel]) await p?.stop('SIGTERM').catch(() => null);
  }
  return { workload, steps };
}

/** Puts N sagas in flight with the participants paused, SIGKILLs the orchestrator, restarts all, times the settle. */
async function recovery(dir: string, nats: NatsServer, watcher: CompletionWatcher): Promise<unknown> {
  mkdirSync(dir, { recursive: true });
  return withSystem(dir, nats, async (sys, api) => {
    for (const p of [sys.inventory, sys.payment, sys.shipping]) p.pause();
    const ids: string[] = [];
    const pending = new Set<Promise<unknown>>();
    for (let i = 0; i < P.recoverySagas; i++) {
      const { orderId, body } = benchOrder('recovery');
      ids.push(orderId);
      const p = placeOrder(api, body).finally(() => pending.delete(p));
      pending.add(p);
      if (pending.size >= 64) await Promise.race(pending);
    }
    await Promise.all(pending);
    const rssInFlight = memoryMb(sys.orchestrator.pid).rss;
    // Where the memory is: V8 heap (used / reserved) and memory outside it (SQLite cache, buffers).
    const metricsText = await (await fetch(`${api}/metrics`)).text();
    const gauge = (name: string) => round(Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(metricsText)?.[1] ?? 0) / 1_048_576);
    const heap = { heapUsedMb: gauge('nodejs_heap_size_used_bytes'), heapTotalMb: gauge('nodejs_heap_size_total_bytes'), externalMb: gauge('nodejs_external_memory_bytes') };
    const done = ids.map((id) => watcher.wait(id));
    await sys.orchestrator.stop('SIGKILL');
    // Participants restart too (gracefully: commands they pulled go back at once, not after ack wait).
    for (const p of [sys.inventory, sys.payment, sys.shipping]) {
      p.resume();
      await p.stop('SIGTERM');
    }
    const t0 = performance.now();
    await sys.orchestrator.start();
    for (const p of [sys.inventory, sys.payment, sys.shipping]) await p.start();
    await Promise.all(done);
    const seconds = (performance.now() - t0) / 1000;
    console.log(`recovery: ${P.recoverySagas} in-flight sagas final ${round(seconds)} s after restart; orchestrator RSS ${round(rssInFlight)} MB with them in flight`);
    console.log(`  orchestrator memory with them in flight: ${JSON.stringify(heap)}`);
    return { sagas: P.recoverySagas, secondsToSettle: round(seconds, 2), orchestratorRssMbInFlight: round(rssInFlight), orchestratorMemoryInFlight: heap };
  });
}

/** Throughput and listing latency on an empty database, then with N finished sagas stored. */
async function growth(dir: string, nats: NatsServer, watcher: CompletionWatcher): Promise<unknown> {
  mkdirSync(dir, { recursive: true });
  const measure = (label: string) =>
    withSystem(dir, nats, async (_sys, api) => {
      await closedLoop(api, watcher, { concurrency: 8, durationMs: smoke ? 300 : 2_000, maxSagas: 2_000, run: `${label}-warm` });
      const r = await closedLoop(api, watcher, { concurrency: P.concurrency, durationMs: smoke ? 2_000 : 10_000, maxSagas: 1_000_000, run: label });
      const list: number[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < P.listRequests; i++) {
        const t0 = performance.now();
        const res = await fetch(`${api}/sagas?status=completed&type=order&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
        const page = (await res.json()) as { nextCursor: string | null };
        list.push(performance.now() - t0);
        cursor = i % 10 === 9 ? null : page.nextCursor;
      }
      return { sagasPerSecond: round(r.perSecond), listLatencyMs: ms(list) };
    });
  const empty = await measure('growth-empty');
  const t0 = performance.now();
  const seeded = seedFinishedSagas(new Database(join(dir, 'orchestrator.db')), P.growthSagas);
  const seedSeconds = (performance.now() - t0) / 1000;
  const full = await measure('growth-full');
  const change = full.sagasPerSecond / empty.sagasPerSecond - 1;
  console.log(`growth: ${seeded} finished sagas (seeded in ${round(seedSeconds)} s): ${full.sagasPerSecond} vs ${empty.sagasPerSecond} sagas/s (${round(change * 100)} %), list p99 ${full.listLatencyMs.p99} ms vs ${empty.listLatencyMs.p99} ms`);
  return { finishedSagasStored: seeded, empty, full, throughputChange: round(change, 3) };
}

/** Cumulative group-commit and fsync figures of the orchestrator, from its /metrics. */
async function storageCounters(api: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${api}/metrics`)).text();
  const value = (series: string) => Number(new RegExp(`^${series} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return {
    commits: value('saga_db_commit_jobs_count'),
    jobs: value('saga_db_commit_jobs_sum'),
    commitSeconds: value('saga_db_commit_seconds_sum'),
    fsyncs: value('saga_db_fsync_seconds_count'),
    fsyncSeconds: value('saga_db_fsync_seconds_sum'),
  };
}

/** What a run added: commits and fsyncs per saga, jobs per commit, mean commit and fsync times. */
function storageDelta(before: Record<string, number>, after: Record<string, number>, sagas: number) {
  const d = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
  const per = (a: number, b: number, scale = 1) => (b > 0 ? round((a / b) * scale, 2) : 0);
  return {
    commitsPerSaga: per(d('commits'), sagas),
    jobsPerCommit: per(d('jobs'), d('commits')),
    commitMsMean: per(d('commitSeconds'), d('commits'), 1000),
    fsyncsPerSaga: per(d('fsyncs'), sagas),
    fsyncMsMean: per(d('fsyncSeconds'), d('fsyncs'), 1000),
  };
}

/** Per process: CPU seconds and peak RSS; CPU milliseconds and context switches per saga. */
function processRows(loop: LoopFigures): [string, string][] {
  const each = (f: (u: ProcessUsage) => string) => Object.entries(loop.processes).map(([k, v]) => `${k} ${f(v)}`).join(', ');
  const n = Math.max(1, loop.sagas);
  return [
    ['  CPU s / peak RSS MB', each((v) => `${v.cpuSeconds}/${v.peakRssMb}`)],
    ['  per saga: CPU ms / switches', each((v) => `${round((v.cpuSeconds * 1000) / n, 2)}/${round(v.contextSwitches / n, 1)}`)],
  ];
}

/** The readable summary: one row per measure. */
function printTable(r: Record<string, any>): void {
  const rows: [string, string][] = [];
  const lat = (l: Record<string, number>) => `p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms`;
  if (r.hostSpeed) rows.push(['host speed (fixed CPU loop)', `${r.hostSpeed.cpuLoopMsBefore} ms before the run, ${r.hostSpeed.cpuLoopMsAfter} ms after`]);
  if (r.ceiling) {
    const c = r.ceiling;
    rows.push(['JetStream ceiling', `${c.roundTripsPerSecondAt32} round trips/s at 32 in flight, ${c.roundTripsPerSecondAt512} at 512`]);
    rows.push(['  machine CPU per round trip', `${c.cpuMsPerRoundTripAt32} ms at 32 (machine ${Math.round(c.machineBusyAt32 * 100)} % busy), ${c.cpuMsPerRoundTripAt512} ms at 512 (${Math.round(c.machineBusyAt512 * 100)} %)`]);
  }
  if (r.engine) {
    const e = r.engine as ReturnType<typeof engineAlone>;
    rows.push(['engine alone (in-process, no NATS or HTTP)', `${e.medianCpuMsPerSaga} ms CPU per saga (median of ${e.runs.length} runs of ${e.sagas}: ${e.runs.map((x) => x.cpuMsPerSaga).join(', ')})`]);
  }
  if (r.publish) {
    rows.push(['stream publish, client CPU', `${r.publish.streamPublisherUsPerPublish} µs per acked publish (JetStream client: ${r.publish.jetStreamClientUsPerPublish} µs); ${Math.round(r.publish.streamPublisherPerSecond)}/s at 128 in flight`]);
  }
  if (r.closed) {
    rows.push([`closed loop (${r.closed.concurrency} clients)`, `${r.closed.sagasPerSecond} sagas/s; ${lat(r.closed.latencyMs)}; ratio ${r.closed.ceilingRatio}`]);
    rows.push(['  machine CPU per saga', `${r.closed.machineCpuMsPerSaga} ms; ratio by CPU ${r.closed.ceilingCpuRatio} (3 ceiling round trips' CPU / a saga's)`]);
    const st = r.closed.orchestratorStorage as Record<string, number>;
    rows.push(['  orchestrator storage', `${st.commitsPerSaga} commits and ${st.fsyncsPerSaga} fsyncs per saga; ${st.jobsPerCommit} jobs per commit; commit ${st.commitMsMean} ms, fsync ${st.fsyncMsMean} ms (means)`]);
    rows.push(...processRows(r.closed));
  }
  if (r.open) {
    rows.push([`open loop (${r.open.offeredPerSecond}/s offered)`, `${lat(r.open.latencyMs)}; unfinished ${r.open.unfinished}`]);
    rows.push(...processRows(r.open));
  }
  for (const run of (r.postgres?.runs ?? []) as PostgresRun[]) {
    rows.push([`postgres, ${run.instances} orchestrator(s)`, `${run.sagasPerSecond} sagas/s; ${lat(run.latencyMs)}; machine CPU ${run.machineCpuMsPerSaga} ms per saga, PostgreSQL's ${run.postgresCpuMsPerSaga} ms`]);
    rows.push(['  database', `${run.database.commitsPerSaga} commits and ${run.database.rollbacksPerSaga} rollbacks per saga; ${run.database.deadlocks} deadlocks detected`]);
    rows.push(...processRows(run));
  }
  if (r.breakdown) {
    const levels = r.breakdown.levels as Record<string, { sagas: number; meanTotalMs: number; p50TotalMs: number; measuredP50Ms: number; meanMs: Record<string, number> }>;
    rows.push(['latency breakdown (tracing on)', BREAKDOWN_IN_FLIGHT.map((n) => `${n} in flight: p50 ${levels[n]?.p50TotalMs} ms over ${levels[n]?.sagas} sagas`).join('; ')]);
    for (const hop of HOPS) rows.push([`  ${hop}`, BREAKDOWN_IN_FLIGHT.map((n) => `${levels[n]?.meanMs[hop] ?? '-'} ms`).join(' | ')]);
  }
  for (const l of [r.latency, r.trip].filter(Boolean) as { workload: string; steps: LadderStep[] }[]) {
    rows.push([`${l.workload} sagas, no tracing`, l.steps.map((st) => `${st.inFlight} in flight: ${st.sagasPerSecond}/s, p50 ${st.latencyMs.p50} ms, p99 ${st.latencyMs.p99} ms`).join('; ')]);
    rows.push([`  CPU ms per saga (services)`, l.steps.map((st) => `${st.cpuMsPerSaga.services} at ${st.inFlight}`).join(', ')]);
  }
  if (r.recovery) rows.push([`recovery (${r.recovery.sagas} in flight)`, `final ${r.recovery.secondsToSettle} s after restart; orchestrator RSS ${r.recovery.orchestratorRssMbInFlight} MB in flight`]);
  if (r.growth) {
    rows.push([`growth (${r.growth.finishedSagasStored} stored)`, `${r.growth.full.sagasPerSecond} vs ${r.growth.empty.sagasPerSecond} sagas/s empty (${Math.round(r.growth.throughputChange * 1000) / 10} %)`]);
    rows.push(['  GET /sagas page', `stored: ${lat(r.growth.full.listLatencyMs)}; empty: p99 ${r.growth.empty.listLatencyMs.p99} ms`]);
  }
  const checked = (r.targets ?? []).filter((t: TargetCheck) => t.measured !== undefined) as TargetCheck[];
  if (checked.length > 0) {
    rows.push(['targets (throughput: --compare ad995a4)', '']);
    for (const t of checked) rows.push([`  ${t.target}`, `${t.measured} ${t.unit} (at most ${t.limit}): ${t.met ? 'met' : 'NOT met'}`]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('');
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

await main();
process.exit(0);

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/nats-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
};
/** Running or sleeping; not when gone or a zombie waiting for init to reap it. */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe('benchmark smoke', () => {
  it('lists its options on --help and refuses an unknown one with them', () => {
    const help = spawnSync(process.execPath, [join(ROOT, 'bench/run.ts'), '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const option of ['--modes', '--concurrency', '--rate', '--smoke', '--profile', '--out', '--compare', '--pairs']) expect(help.stdout).toContain(option);
    const wrong = spawnSync(process.execPath, [join(ROOT, 'bench/run.ts'), '--concurency', '8'], { cwd: ROOT, encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/Unknown option '--concurency'[\s\S]*usage: npm run bench/);
  });

  it('runs every mode at a tiny size and reports figures', () => {
    // The benchmark runs the compiled entry points, exactly as deployed.
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
    const dir = mkdtempSync(join(tmpdir(), 'saga-bench-smoke-'));
    const out = join(dir, 'result.json');
    try {
      execFileSync(process.execPath, [join(ROOT, 'bench/run.ts'), '--smoke', '--out', out], { cwd: ROOT, stdio: 'pipe', timeout: 280_000 });
      const r = JSON.parse(readFileSync(out, 'utf8')) as Record<string, any>;
      expect(r.ceiling.roundTripsPerSecondAt32).toBeGreaterThan(0);
      expect(r.hostSpeed.cpuLoopMsBefore).toBeGreaterThan(0);
      expect(r.hostSpeed.cpuLoopMsAfter).toBeGreaterThan(0);
      expect(r.closed.sagas).toBeGreaterThan(0);
      expect(r.closed.sagasPerSecond).toBeGreaterThan(0);
      expect(r.closed.ceilingRatio).toBeGreaterThan(0);
      expect(r.ceiling.cpuMsPerRoundTripAt512).toBeGreaterThan(0);
      expect(r.ceiling.machineBusyAt512).toBeGreaterThan(0);
      expect(r.ceiling.machineBusyAt512).toBeLessThanOrEqual(1);
      expect(r.closed.machineCpuMsPerSaga).toBeGreaterThan(0);
      expect(r.closed.ceilingCpuRatio).toBeGreaterThan(0);
      expect(r.closed.processes.orchestrator.cpuSeconds).toBeGreaterThan(0);
      expect(r.open.unfinished).toBe(0);
      expect(r.open.latencyMs.n).toBeGreaterThan(0);
      expect(r.recovery.sagas).toBeGreaterThan(0);
      expect(r.recovery.secondsToSettle).toBeGreaterThan(0);
      expect(r.growth.finishedSagasStored).toBeGreaterThanOrEqual(5_000);
      expect(r.growth.full.listLatencyMs.n).toBeGreaterThan(0);
      expect(r.publish.streamPublisherUsPerPublish).toBeGreaterThan(0);
      // The engine alone drove every saga to completion, in-process.
      expect(r.engine.runs.map((run: { completed: number }) => run.completed)).toEqual([r.engine.sagas]);
      expect(r.engine.medianCpuMsPerSaga).toBeGreaterThan(0);
      expect(r.publish.jetStreamClientUsPerPublish).toBeGreaterThan(0);
      expect(r.postgres.runs.map((run: { instances: number }) => run.instances)).toEqual([1, 2]);
      for (const run of r.postgres.runs) {
        expect(run.sagas).toBeGreaterThan(0);
        expect(run.postgresCpuMsPerSaga).toBeGreaterThan(0);
        expect(run.processes['orchestrator 1'].cpuSeconds).toBeGreaterThan(0);
      }
      expect(r.postgres.runs[1].processes['orchestrator 2'].cpuSeconds).toBeGreaterThan(0);
      // The breakdown's hops add up to start→final, per saga; the means to the mean.
      for (const level of ['1', '8', '50']) {
        const b = r.breakdown.levels[level];
        expect(b.sagas, `complete traces at ${level} in flight`).toBeGreaterThan(0);
        const sum = Object.values(b.meanMs as Record<string, number>).reduce((x, y) => x + y, 0);
        expect(Math.abs(sum - b.meanTotalMs)).toBeLessThan(1);
      }
      // The ladder (orders, then trips with the travel process) at each level, and the targets read from it.
      for (const ladder of [r.latency, r.trip]) {
        expect(ladder.steps.map((s: { inFlight: number }) => s.inFlight)).toEqual([1, 8, 50]);
        for (const step of ladder.steps) {
          expect(step.sagas).toBeGreaterThan(0);
          expect(step.cpuMsPerSaga.services).toBeGreaterThan(step.cpuMsPerSaga.orchestrator);
        }
      }
      expect(r.trip.steps[0].cpuMsPerSaga.travel).toBeGreaterThan(0);
      expect(r.targets).toHaveLength(6);
      for (const t of r.targets) expect(t.met, t.target).toBe(t.measured <= t.limit);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compares another commit\'s build with this checkout, alternating the runs', () => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
    const dir = mkdtempSync(join(tmpdir(), 'saga-bench-compare-'));
    const out = join(dir, 'result.json');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    try {
      execFileSync(process.execPath, [join(ROOT, 'bench/run.ts'), '--smoke', '--compare', 'HEAD', '--pairs', '1', '--modes', 'closed,engine', '--out', out], { cwd: ROOT, stdio: 'pipe', timeout: 280_000 });
      const { compare } = JSON.parse(readFileSync(out, 'utf8')) as { compare: Record<string, any> };
      expect(compare.baseline).toBe(`HEAD (${head.slice(0, 9)})`);
      expect(compare.runs.map((r: { build: string }) => r.build)).toEqual([compare.baseline, 'this checkout']);
      for (const run of compare.runs) {
        expect(run.figures.closedPerSecond).toBeGreaterThan(0);
        expect(run.figures.engineCpuMsPerSaga).toBeGreaterThan(0);
      }
      expect(compare.medians[compare.baseline].closedCpuMsPerSaga).toBeGreaterThan(0);
      expect(typeof compare.change.closedPerSecond).toBe('number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('interrupted with Ctrl-C, leaves none of the processes it started running', async () => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
    const bench = spawn(process.execPath, [join(ROOT, 'bench/run.ts'), '--smoke', '--modes', 'closed', '--out', '/dev/null'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((r) => bench.once('exit', () => r()));
    try {
      // nats-server, then the orchestrator and the three participants.
      let children: number[] = [];
      await waitFor(() => (children = childrenOf(bench.pid!)).length >= 5, 60_000, 'the benchmark to start its five processes');
      bench.kill('SIGINT');
      await exited;
      await waitFor(() => children.every((pid) => !alive(pid)), 5_000, `processes ${children.join(', ')} to be gone`);
    } finally {
      if (bench.exitCode === null) bench.kill('SIGKILL');
    }
  });
});

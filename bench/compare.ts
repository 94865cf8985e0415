// `npm run bench -- --compare <ref>`: the steady-state measurements of another commit's build and of
// this checkout, alternated in one session. On a shared or virtual machine the speed drifts between
// runs by more than most changes move it, so two separate runs of `npm run bench` cannot tell a
// change from the weather; runs interleaved in time (and ordered both ways) can.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** A build to measure: a label for the report and the checkout it runs from. */
export interface Build {
  label: string;
  root: string;
}

/** What one run of one build measured, reduced to what the comparison reports. */
export interface RunFigures {
  /** The machine's speed just before the run: CPU ms of a fixed loop (see cpuLoopMs). */
  hostLoopMs?: number;
  closedPerSecond?: number;
  closedP99Ms?: number;
  closedCpuMsPerSaga?: number;
  openP50Ms?: number;
  openP99Ms?: number;
  openCpuMsPerSaga?: number;
  /** The orchestrator's engine alone, in-process (bench/engine-cpu.ts). */
  engineCpuMsPerSaga?: number;
}

/**
 * Exports `ref` of the repository at `repo` into `dir` and builds it. Dependencies are linked from
 * this checkout when the lock files are identical and installed with `npm ci` otherwise.
 */
export function prepareBuild(repo: string, ref: string, dir: string): Build {
  const commit = execFileSync('git', ['-C', repo, 'rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', 'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', repo, commit, dir]);
  if (readFileSync(join(repo, 'package-lock.json')).equals(readFileSync(join(dir, 'package-lock.json')))) {
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  } else {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: 'inherit' });
  return { label: `${ref} (${commit.slice(0, 9)})`, root: dir };
}

/**
 * Measures both builds `pairs` times. The first pair runs the baseline first, the next one the
 * candidate first, and so on, so a steady drift of the machine favours neither.
 */
export async function alternate(builds: readonly [Build, Build], pairs: number, measure: (build: Build) => Promise<RunFigures>): Promise<{ pair: number; build: string; figures: RunFigures }[]> {
  const runs: { pair: number; build: string; figures: RunFigures }[] = [];
  for (let pair = 1; pair <= pairs; pair++) {
    const order = pair % 2 === 1 ? builds : ([builds[1], builds[0]] as const);
    for (const build of order) {
      console.log(`pair ${pair}: ${build.label}`);
      runs.push({ pair, build: build.label, figures: await measure(build) });
    }
  }
  return runs;
}

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Per build, the median of each figure over its runs; and the candidate's change against the baseline. */
export function summarize(builds: readonly [Build, Build], runs: { build: string; figures: RunFigures }[]): { medians: Record<string, RunFigures>; change: RunFigures } {
  const medians: Record<string, RunFigures> = {};
  for (const b of builds) {
    const own = runs.filter((r) => r.build === b.label).map((r) => r.figures);
    const keys = [...new Set(own.flatMap((f) => Object.keys(f)))] as (keyof RunFigures)[];
    medians[b.label] = Object.fromEntries(keys.map((k) => [k, Math.round(median(own.map((f) => f[k]!).filter((v) => v !== undefined)) * 100) / 100]));
  }
  const [base, cand] = [medians[builds[0].label]!, medians[builds[1].label]!];
  const change = Object.fromEntries(
    (Object.keys(base) as (keyof RunFigures)[]).filter((k) => base[k] && cand[k] !== undefined).map((k) => [k, Math.round((cand[k]! / base[k]! - 1) * 1000) / 1000]),
  ) as RunFigures;
  return { medians, change };
}

/** The comparison as a table: one line per run, then the medians and the relative change. */
export function printComparison(runs: { pair: number; build: string; figures: RunFigures }[], summary: ReturnType<typeof summarize>): void {
  const cols: [keyof RunFigures, string][] = [
    ['hostLoopMs', 'host loop ms'],
    ['closedPerSecond', 'closed sagas/s'],
    ['closedP99Ms', 'closed p99 ms'],
    ['closedCpuMsPerSaga', 'closed CPU ms/saga'],
    ['openP50Ms', 'open p50 ms'],
    ['openP99Ms', 'open p99 ms'],
    ['openCpuMsPerSaga', 'open CPU ms/saga'],
    ['engineCpuMsPerSaga', 'engine CPU ms/saga'],
  ];
  const used = cols.filter(([k]) => runs.some((r) => r.figures[k] !== undefined));
  const label = Math.max(...runs.map((r) => r.build.length)) + 10;
  const cell = (v: number | undefined) => (v === undefined ? '' : String(v)).padStart(20);
  console.log(`\n${''.padEnd(label)}${used.map(([, h]) => h.padStart(20)).join('')}`);
  for (const r of runs) console.log(`${`pair ${r.pair}  ${r.build}`.padEnd(label)}${used.map(([k]) => cell(r.figures[k])).join('')}`);
  for (const [build, m] of Object.entries(summary.medians)) console.log(`${`median  ${build}`.padEnd(label)}${used.map(([k]) => cell(m[k])).join('')}`);
  console.log(`${'change'.padEnd(label)}${used.map(([k]) => (summary.change[k] === undefined ? '' : `${summary.change[k]! > 0 ? '+' : ''}${Math.round(summary.change[k]! * 1000) / 10} %`).padStart(20)).join('')}`);
}

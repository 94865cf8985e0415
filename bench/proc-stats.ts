import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; 0 if it is gone. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Context switches (voluntary and not) of all of a process's threads so far; 0 if it is gone. On a
 * virtual machine every switch, every wake-up of a thread, is costly: this counts them.
 */
export function contextSwitches(pid: number | undefined): number {
  if (!pid) return 0;
  let total = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
      total += Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0) + Number(/^nonvoluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    }
  } catch {
    // The process (or one of its threads) ended meanwhile: count what was read.
  }
  return total;
}

/**
 * The machine's CPU time so far, in seconds summed over all cores: busy (everything but idle and
 * I/O wait) and in all, from /proc/stat. Whatever runs on the machine counts, the load driver too.
 */
function machineCpu(): { busy: number; total: number } {
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy: busy / CLOCK_TICKS_PER_SECOND, total: (busy + idle! + iowait!) / CLOCK_TICKS_PER_SECOND };
}

/** Runs `work`; returns its result with the machine's busy CPU (ms, all cores) meanwhile and the busy share of all cores. */
export async function withMachineCpu<T>(work: () => Promise<T>): Promise<{ result: T; busyCpuMs: number; busyShare: number }> {
  const before = machineCpu();
  const result = await work();
  const after = machineCpu();
  return { result, busyCpuMs: (after.busy - before.busy) * 1000, busyShare: (after.busy - before.busy) / (after.total - before.total) };
}

/** Resident set size now and at its peak (VmHWM), in MB; zeros if the process is gone. */
export function memoryMb(pid: number | undefined): { rss: number; peak: number } {
  if (!pid) return { rss: 0, peak: 0 };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/**
 * Milliseconds of this process's CPU time a fixed integer loop takes: the same work every time, so
 * a change between two calls (or two runs) is the machine's speed, not the code's. On a shared
 * virtual machine it moves by tens of percent within minutes.
 */
export function cpuLoopMs(): number {
  const before = process.cpuUsage();
  let x = 1;
  for (let i = 0; i < 10_000_000; i++) x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
  const used = process.cpuUsage(before);
  // Use x, so the loop cannot be optimised away.
  return x < 0 ? -1 : (used.user + used.system) / 1000;
}

/** Percentiles of a sample (milliseconds in, milliseconds out). */
export function percentiles(values: number[]): { p50: number; p90: number; p99: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.at(-1) ?? 0, n: sorted.length };
}

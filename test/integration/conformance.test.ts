// The conformance suite (conformance/) run against this project's own six participants, as real
// processes over a real nats-server: each must pass every check. The participants run with injected
// transient failures (CHAOS_FAILURE_RATE) so that failed-not-stored is exercised rather than skipped,
// and every other check has to hold up under FAILED answers too. No orchestrator runs: the harness
// is the only one sending commands, and SAGA_REPLIES just keeps the replies.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_NAMES, runConformance, type CheckResult } from '../../conformance/checks.ts';
import { connectNats, ensureStreams, sagaStreams } from '../../src/messaging/index.ts';
import { NatsServer, freePort } from '../support/nats-server.ts';
import { ServiceProcess, type Entry } from '../support/processes.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The process each participant runs in (flights, hotels and cars share `travel`). */
const HOST: Record<string, Exclude<Entry, 'orchestrator'>> = {
  inventory: 'inventory',
  payment: 'payment',
  shipping: 'shipping',
  flights: 'travel',
  hotels: 'travel',
  cars: 'travel',
};

/**
 * Participants checked one after another within a group, groups at once: restarting a process
 * interrupts every participant it hosts, so the travel three must not be checked side by side.
 */
const GROUPS = [['inventory'], ['payment'], ['shipping'], ['flights', 'hotels', 'cars']];

const PARTICIPANT_ENV = {
  // Some deployments start with no stock; here a reserve can succeed, so more of each check's path runs.
  INVENTORY_DEFAULT_STOCK: '100',
  CHAOS_FAILURE_RATE: '0.3',
  // The shortest allowed: a command stranded by the SIGKILL of restart-mid-command comes back after 1 s, not 5.
  ACK_WAIT_MS: '1000',
};

const CHECK_TIMEOUT_MS = 10_000;

let nats: NatsServer;
let dir: string;
const hosts = new Map<Entry, ServiceProcess>();

/** Runs conformance/run.ts as a child process, as `npm run conformance` does. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['conformance/run.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

/** One line per result that is not a PASS, for a failure message that says what broke. */
function notPassed(participant: string, results: CheckResult[]): string[] {
  return results.filter((r) => r.status !== 'PASS').map((r) => `${participant}: ${r.status} ${r.check}: ${r.detail}`);
}

beforeAll(async () => {
  nats = await NatsServer.start();
  // Participants wait for the streams an orchestrator would create; none runs here.
  const nc = await connectNats({ servers: nats.url, name: 'conformance-test' });
  await ensureStreams(await jetstreamManager(nc), sagaStreams());
  await nc.close();
  dir = mkdtempSync(join(tmpdir(), 'saga-conformance-'));
  await Promise.all(
    (['inventory', 'payment', 'shipping', 'travel'] as const).map(async (entry) => {
      const databases: Record<string, string> =
        entry === 'travel'
          ? { FLIGHTS_DATABASE_PATH: join(dir, 'flights.db'), HOTELS_DATABASE_PATH: join(dir, 'hotels.db'), CARS_DATABASE_PATH: join(dir, 'cars.db') }
          : { DATABASE_PATH: join(dir, `${entry}.db`) };
      const p = new ServiceProcess(entry, { NATS_URL: nats.url, HTTP_PORT: String(await freePort()), ...databases, ...PARTICIPANT_ENV });
      hosts.set(entry, p);
      await p.start();
    }),
  );
});

afterAll(async () => {
  for (const p of hosts.values()) await p.stop('SIGKILL').catch(() => null);
  await nats?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('conformance suite', () => {
  it('passes every check for all six participants, restart included', async () => {
    const byGroup = await Promise.all(
      GROUPS.map(async (group) => {
        const out: { participant: string; results: CheckResult[] }[] = [];
        for (const participant of group) {
          const host = hosts.get(HOST[participant]!)!;
          const results = await runConformance({
            natsUrl: nats.url,
            participant,
            timeoutMs: CHECK_TIMEOUT_MS,
            // A crash, not a graceful stop: whatever the process held comes back by redelivery.
            restart: async () => {
              await host.stop('SIGKILL');
              await host.start();
            },
          });
          out.push({ participant, results });
        }
        return out;
      }),
    );
    const all = byGroup.flat();
    expect(all.map((a) => a.participant).sort()).toEqual(Object.keys(HOST).sort());
    for (const { results } of all) expect(results.map((r) => r.check)).toEqual([...CHECK_NAMES]);
    // Every check PASS: failed-not-stored in particular is exercised (chaos), not skipped.
    expect(all.flatMap((a) => notPassed(a.participant, a.results))).toEqual([]);
  }, 90_000);

  it('the CLI prints one PASS line per check and exits 0 for a conforming participant', async () => {
    const { code, stdout, stderr } = await runCli(['--nats', nats.url, '--participant', 'shipping', '--timeout-ms', String(CHECK_TIMEOUT_MS)]);
    expect(code, `stdout:\n${stdout}\nstderr:\n${stderr}`).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(CHECK_NAMES.length);
    for (const check of CHECK_NAMES) {
      // Without --restart-command there is nothing to restart with.
      const status = check === 'restart-mid-command' ? 'SKIP' : 'PASS';
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${status} ${check}: \\S`)));
    }
  }, 60_000);

  it('the CLI refuses a missing --participant with a usage message and a non-zero exit code', async () => {
    const { code, stdout, stderr } = await runCli(['--nats', nats.url]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('--participant is required');
    expect(stderr).toContain('usage: npm run conformance');
  });
});

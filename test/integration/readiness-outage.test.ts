import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, NatsServer, waitFor } from '../support/nats-server.ts';
import { ServiceProcess } from '../support/processes.ts';

/** One /readyz answer and how long it took. */
interface Probe {
  status: number;
  body: { detail?: string; checks?: Record<string, string> };
  ms: number;
}

async function probe(p: ServiceProcess): Promise<Probe> {
  const started = performance.now();
  // Well past the 1 s requirement, so a hanging answer shows as a slow probe, not a test timeout.
  const res = await fetch(`http://127.0.0.1:${p.env.HTTP_PORT}/readyz`, { signal: AbortSignal.timeout(5_000) });
  const body = (await res.json()) as Probe['body'];
  return { status: res.status, body, ms: performance.now() - started };
}

describe('readiness during a broker outage (real processes)', () => {
  let nats: NatsServer;
  let dir: string;
  const processes: ServiceProcess[] = [];
  /** Every /readyz latency measured during an outage, per process, for the report. */
  const latencies: Record<string, number[]> = {};

  async function start(entry: 'orchestrator' | 'payment'): Promise<ServiceProcess> {
    const p = new ServiceProcess(entry, { NATS_URL: nats.url, DATABASE_PATH: join(dir, `${entry}.db`), HTTP_PORT: String(await freePort()) });
    processes.push(p);
    await p.start();
    return p;
  }

  /** Polls until /readyz is 503 naming nats, then checks that answer and two more came within 1 s. */
  async function expectNotReadyNamingNats(p: ServiceProcess): Promise<void> {
    let last: Probe | undefined;
    // A probe that straddles the freeze may pass the NATS round trip and still time out on the
    // stream lookup sent a moment later: wait for the first answer made wholly while frozen.
    await waitFor(async () => {
      last = await probe(p);
      return last.status === 503 && /\bnats\b/.test(String(last.body.detail));
    }, 5_000, `${p.entry} /readyz 503 naming nats`);
    const answers = [last!, await probe(p), await probe(p)];
    (latencies[p.entry] ??= []).push(...answers.map((a) => Math.round(a.ms)));
    for (const a of answers) {
      expect(a.status, p.entry).toBe(503);
      expect(a.ms, `${p.entry} /readyz took ${a.ms} ms`).toBeLessThan(1000);
      expect(a.body.detail, p.entry).toMatch(/\bnats\b/);
      expect(a.body.checks?.nats, p.entry).toBe('failing');
      expect(a.body.checks?.database, p.entry).toBe('ok');
    }
  }

  async function expectReady(p: ServiceProcess, timeoutMs: number): Promise<void> {
    await waitFor(async () => (await probe(p)).status === 200, timeoutMs, `${p.entry} /readyz 200`);
  }

  beforeAll(async () => {
    nats = await NatsServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-readiness-'));
    // The orchestrator creates the streams the participant waits for.
    await start('orchestrator');
    await start('payment');
    for (const p of processes) await expectReady(p, 15_000);
  });

  afterAll(async () => {
    nats?.resume();
    for (const p of processes) await p.stop('SIGKILL').catch(() => null);
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
    console.log(`/readyz latencies during the outages (ms): ${JSON.stringify(latencies)}`);
  });

  it('answers 503 naming nats within 1 s while nats-server is frozen, and 200 once it resumes', async () => {
    nats.pause();
    try {
      for (const p of processes) await expectNotReadyNamingNats(p);
      const orchestrator = await probe(processes[0]!);
      // The stream check is bounded too: it fails by its own deadline, not after two 5 s API calls.
      expect(orchestrator.body.checks?.streams).toBe('failing');
    } finally {
      nats.resume();
    }
    for (const p of processes) await expectReady(p, 5_000);
  });

  it('answers 503 naming nats within 1 s while nats-server is down, and 200 once it is back', async () => {
    await nats.stop();
    try {
      for (const p of processes) await expectNotReadyNamingNats(p);
    } finally {
      await nats.restart();
    }
    for (const p of processes) await expectReady(p, 10_000);
  });
});

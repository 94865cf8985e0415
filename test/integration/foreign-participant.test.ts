// A participant written in another language from docs/protocol.md and the .proto files alone:
// examples/python-participant/shipping.py (Python 3, standard library only: its own NATS client,
// JetStream pull consumer and protobuf codec). It replaces the TypeScript shipping participant
// next to the real orchestrator, inventory and payment processes, and must pass the whole
// conformance suite (with injected FAILED answers and a SIGKILL restart) on a NATS of its own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_NAMES, runConformance } from '../../conformance/checks.ts';
import { connectNats, ensureStreams, sagaStreams } from '../../src/messaging/index.ts';
import { killOnExit } from '../support/children.ts';
import { NatsServer, freePort, waitFor } from '../support/nats-server.ts';
import { ServiceProcess } from '../support/processes.ts';
import { orderBody } from '../support/system.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = join(ROOT, 'examples/python-participant/shipping.py');

/** Fails (never skips) when python3 is missing: CI installs it, so its absence is a broken setup. */
function requirePython3(): void {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `python3 is required by this test (the foreign shipping participant is a Python 3 program) but could not be run: ${
        probe.error?.message ?? `exit ${probe.status}: ${probe.stderr}`
      }. Install python3 (apt-get install python3) and put it on PATH.`,
    );
  }
}

/** The Python shipping participant as a child process, with presence as its readiness signal. */
class PythonShipping {
  private proc: ChildProcess | undefined;
  private output = '';
  private lastPresence = 0;
  private readonly env: Record<string, string>;
  private readonly nc: NatsConnection;

  private constructor(nc: NatsConnection, env: Record<string, string>) {
    this.nc = nc;
    this.env = env;
  }

  /** Starts the participant and waits until it announces itself on saga.presence.shipping. */
  static async start(natsUrl: string, env: Record<string, string>): Promise<PythonShipping> {
    const nc = await connectNats({ servers: natsUrl, name: 'foreign-participant-test' });
    const p = new PythonShipping(nc, { NATS_URL: natsUrl, ...env });
    const sub = nc.subscribe('saga.presence.shipping');
    void (async () => {
      for await (const _ of sub) p.lastPresence = Date.now();
    })();
    await p.spawn();
    return p;
  }

  get logs(): string {
    return this.output;
  }

  private async spawn(): Promise<void> {
    const since = Date.now();
    const proc = spawn('python3', [SCRIPT], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-65_536);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    killOnExit(proc);
    this.proc = proc;
    await waitFor(() => {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`shipping.py exited (${proc.exitCode ?? proc.signalCode}): ${this.output}`);
      return this.lastPresence > since;
    }, 20_000, 'the Python shipping participant to announce its presence');
  }

  /** SIGKILL (nothing graceful: unacknowledged commands come back after the ack wait), then start again. */
  async restart(): Promise<void> {
    await this.kill('SIGKILL');
    await this.spawn();
  }

  /** Sends `signal` and waits for the process to exit; returns its exit code (null if killed by a signal). */
  async kill(signal: NodeJS.Signals): Promise<number | null> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return proc?.exitCode ?? null;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill(signal);
    await exited;
    return proc.exitCode;
  }

  async dispose(): Promise<void> {
    await this.kill('SIGKILL');
    await this.nc.close();
  }
}

/** The part of GET /sagas/{id} this test reads. */
interface SagaView {
  status: string;
  reason?: string | null;
  steps?: { name: string; status: string; attempts: number }[];
  compensations?: { name: string; status: string }[];
}

describe('the Python shipping participant in the running system', () => {
  let nats: NatsServer;
  let dir: string;
  let api: string;
  const services: ServiceProcess[] = [];
  let shipping: PythonShipping | undefined;

  beforeAll(async () => {
    requirePython3();
    nats = await NatsServer.start();
    dir = mkdtempSync(join(tmpdir(), 'saga-foreign-'));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    // The orchestrator first: it creates the streams the participants wait for.
    const orchestrator = new ServiceProcess('orchestrator', { NATS_URL: nats.url, DATABASE_PATH: join(dir, 'orchestrator.db'), HTTP_PORT: String(port) });
    services.push(orchestrator);
    await orchestrator.start();
    const inventory = new ServiceProcess('inventory', {
      NATS_URL: nats.url,
      DATABASE_PATH: join(dir, 'inventory.db'),
      HTTP_PORT: String(await freePort()),
      INVENTORY_DEFAULT_STOCK: '100',
    });
    const payment = new ServiceProcess('payment', { NATS_URL: nats.url, DATABASE_PATH: join(dir, 'payment.db'), HTTP_PORT: String(await freePort()) });
    services.push(inventory, payment);
    await Promise.all([
      inventory.start(),
      payment.start(),
      PythonShipping.start(nats.url, { DATABASE_PATH: join(dir, 'shipping.db') }).then((s) => (shipping = s)),
    ]);
  });

  afterAll(async () => {
    await shipping?.dispose();
    for (const s of services) await s.stop('SIGKILL').catch(() => null);
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function placeOrder(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await fetch(`${api}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody(overrides)) });
    expect(res.status, await res.clone().text()).toBe(202);
    return ((await res.json()) as { sagaId: string }).sagaId;
  }

  async function finalSaga(sagaId: string): Promise<SagaView> {
    let saga: SagaView | undefined;
    await waitFor(async () => {
      saga = (await (await fetch(`${api}/sagas/${sagaId}`)).json()) as SagaView;
      return ['completed', 'cancelled', 'failed', 'needs_attention'].includes(saga.status);
    }, 20_000, `saga ${sagaId} to end (last: ${JSON.stringify(saga)})`);
    return saga!;
  }

  it('completes an order whose shipment it schedules', async () => {
    const saga = await finalSaga(await placeOrder());
    expect(saga.status, `${JSON.stringify(saga)}\n${shipping?.logs}`).toBe('completed');
    expect(saga.steps?.find((s) => s.name === 'scheduleShipment'), JSON.stringify(saga)).toMatchObject({ status: 'succeeded' });
  });

  it('refuses an unserved country: the saga is cancelled with SHIPPING_UNAVAILABLE and compensated', async () => {
    const saga = await finalSaga(
      await placeOrder({ shippingAddress: { line1: '1 Ice Shelf', city: 'McMurdo', postalCode: '9999', country: 'AQ' } }),
    );
    expect(saga.status, JSON.stringify(saga)).toBe('cancelled');
    expect(saga.reason).toBe('SHIPPING_UNAVAILABLE');
    const compensations = Object.fromEntries((saga.compensations ?? []).map((c) => [c.name, c.status]));
    // What was done is undone; the rejected shipment had no effect, so it has nothing to compensate.
    expect(compensations, JSON.stringify(saga)).toEqual({ refundPayment: 'succeeded', releaseInventory: 'succeeded', cancelShipment: 'skipped' });
    expect(saga.steps?.find((s) => s.name === 'scheduleShipment'), JSON.stringify(saga)).toMatchObject({ status: 'rejected', attempts: 1 });
  });
});

describe('the Python shipping participant under the conformance suite', () => {
  let nats: NatsServer;
  let dir: string;
  let shipping: PythonShipping | undefined;

  beforeAll(async () => {
    requirePython3();
    nats = await NatsServer.start();
    // No orchestrator here (it would consume the replies and dead-letter them as UNKNOWN_SAGA):
    // the streams it would create are created directly.
    const nc = await connectNats({ servers: nats.url, name: 'foreign-conformance-setup' });
    await ensureStreams(await jetstreamManager(nc), sagaStreams());
    await nc.close();
    dir = mkdtempSync(join(tmpdir(), 'saga-foreign-conformance-'));
    shipping = await PythonShipping.start(nats.url, {
      DATABASE_PATH: join(dir, 'shipping.db'),
      // Injected FAILED/TRANSIENT answers, so that failed-not-stored runs instead of being skipped.
      CHAOS_FAILURE_RATE: '0.3',
      // A command stranded by the SIGKILL of restart-mid-command comes back after 1 s, not 5.
      ACK_WAIT_MS: '1000',
    });
  });

  afterAll(async () => {
    await shipping?.dispose();
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes every check', async () => {
    const results = await runConformance({
      natsUrl: nats.url,
      participant: 'shipping',
      restart: () => shipping!.restart(),
      timeoutMs: 10_000,
    });
    const notPassed = results.filter((r) => r.status !== 'PASS').map((r) => `${r.status} ${r.check}: ${r.detail}`);
    expect(notPassed, `${notPassed.join('\n')}\n--- shipping.py output ---\n${shipping?.logs}`).toEqual([]);
    expect(results.map((r) => r.check)).toEqual([...CHECK_NAMES]);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await shipping!.kill('SIGTERM')).toBe(0);
  });
});

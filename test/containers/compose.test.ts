// docker-compose.yml itself, brought up with podman-compose: the project's image (built from the
// unchanged Dockerfile), stand-ins only for the third-party images (nats, jaeger; see
// stand-ins.sh), and the host ports moved to free ones through the file's own *_PORT variables.
// Services reach each other by their compose names, sagas complete, and the trace backend gets
// spans from every service. podman-compose 1.0.3 does not wait on `depends_on` conditions and
// mangles list-form health checks: test/integration/deployment.test.ts checks those parts of the
// file by parsing it, and the `restart: unless-stopped` policy covers the start order here.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../support/nats-server.ts';
import { orderBody, tripBody } from '../support/system.ts';
import { ROOT, podman, podmanOk, runScript } from './podman.ts';

const PROJECT = `saga-compose-${randomBytes(3).toString('hex')}`;
const PORT_VARIABLES = ['ORCHESTRATOR_PORT', 'INVENTORY_PORT', 'PAYMENT_PORT', 'SHIPPING_PORT', 'TRAVEL_PORT', 'NATS_PORT', 'NATS_MONITOR_PORT', 'JAEGER_UI_PORT', 'JAEGER_OTLP_PORT'] as const;
const ports: Record<string, number> = {};
const execFileAsync = promisify(execFile);

/** Runs podman-compose on the repository's docker-compose.yml with the test's project and ports. */
async function compose(args: string[], timeoutMs = 300_000): Promise<string> {
  const env = { ...process.env, CONTAINERS_CONF: `${ROOT}/test/containers/containers.conf`, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  try {
    const { stdout } = await execFileAsync('podman-compose', ['-p', PROJECT, '-f', `${ROOT}/docker-compose.yml`, ...args], { cwd: ROOT, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`podman-compose ${args.join(' ')}: ${(e.stderr ?? '').slice(-2_000) || e.message}`);
  }
}

const url = (variable: (typeof PORT_VARIABLES)[number], path: string) => `http://127.0.0.1:${ports[variable]}${path}`;

async function ok(target: string): Promise<boolean> {
  try {
    return (await fetch(target, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

async function finalStatus(sagaId: string): Promise<{ status: string; reason: string | null }> {
  let view: { status: string; reason: string | null } | undefined;
  await waitFor(async () => {
    view = (await (await fetch(url('ORCHESTRATOR_PORT', `/sagas/${sagaId}`))).json()) as typeof view;
    return view!.status === 'completed' || view!.status === 'cancelled' || view!.status === 'needs_attention';
  }, 60_000, `saga ${sagaId} final (last: ${view?.status})`);
  return view!;
}

describe('docker-compose.yml brought up with podman-compose', () => {
  beforeAll(async () => {
    runScript('test/containers/stand-ins.sh', 900_000);
    // The file's image name; built here (from cache when the image test ran first) so `up` needs no build.
    await podman(['build', '--pull=never', '--format', 'docker', '-q', '-t', 'localhost/saga-orchestrator:local', ROOT], 900_000);
    for (const variable of PORT_VARIABLES) ports[variable] = await freePort();
    await compose(['up', '-d']);
    for (const variable of ['ORCHESTRATOR_PORT', 'INVENTORY_PORT', 'PAYMENT_PORT', 'SHIPPING_PORT', 'TRAVEL_PORT'] as const) {
      await waitFor(() => ok(url(variable, '/readyz')), 120_000, `${variable} ready`).catch(async (err: Error) => {
        throw new Error(`${err.message}\n${await compose(['logs', '--tail', '40']).catch(() => '')}`);
      });
    }
  });

  afterAll(async () => {
    await compose(['down', '-v', '-t', '5']).catch(() => '');
    // Whatever `down` left (podman-compose 1.0.3 names everything after the project).
    const leftovers = (await podman(['ps', '-a', '--filter', `name=${PROJECT}`, '--format', '{{.Names}}']).catch(() => '')).split('\n').filter(Boolean);
    if (leftovers.length) await podmanOk(['rm', '-f', ...leftovers]);
    const volumes = (await podman(['volume', 'ls', '--format', '{{.Name}}']).catch(() => '')).split('\n').filter((v) => v.startsWith(PROJECT));
    if (volumes.length) await podmanOk(['volume', 'rm', '-f', ...volumes]);
    await podmanOk(['network', 'rm', '-f', `${PROJECT}_default`]);
  });

  it('every service is up on the host port its variable sets, NATS monitoring included', async () => {
    expect(await ok(url('NATS_MONITOR_PORT', '/healthz'))).toBe(true);
    expect(await ok(url('JAEGER_UI_PORT', '/'))).toBe(true);
    const ready = (await (await fetch(url('ORCHESTRATOR_PORT', '/readyz'))).json()) as { checks?: unknown };
    expect(ready).toBeTruthy();
  });

  it('services find each other by name: an order, a compensating order and a trip complete', async () => {
    const start = async (path: string, body: unknown) => {
      const res = await fetch(url('ORCHESTRATOR_PORT', path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(202);
      return ((await res.json()) as { sagaId: string }).sagaId;
    };
    const order = await start('/orders', orderBody());
    const unserved = await start('/orders', orderBody({ shippingAddress: { line1: '1 Ice Rd', city: 'McMurdo', postalCode: '0', country: 'AQ' } }));
    const trip = await start('/sagas/trip', tripBody());
    expect(await finalStatus(order)).toMatchObject({ status: 'completed' });
    expect(await finalStatus(unserved)).toMatchObject({ status: 'cancelled', reason: 'SHIPPING_UNAVAILABLE' });
    expect(await finalStatus(trip)).toMatchObject({ status: 'completed' });
    // The inventory the order reserved, read on inventory's own published port.
    expect(((await (await fetch(url('INVENTORY_PORT', '/stock/SKU-1'))).json()) as { reserved: number }).reserved).toBeGreaterThan(0);
  });

  it('the trace backend receives spans from every service', async () => {
    let seen: string[] = [];
    // Spans leave in batches (every 5 s by default).
    await waitFor(async () => {
      seen = ((await (await fetch(url('JAEGER_UI_PORT', '/api/services'))).json()) as { data: string[] }).data;
      return ['orchestrator', 'inventory', 'payment', 'shipping', 'travel'].every((s) => seen.includes(s));
    }, 30_000, 'spans from every service').catch((err: Error) => {
      throw new Error(`${err.message}; seen: ${seen.join(', ')}`);
    });
  });
});

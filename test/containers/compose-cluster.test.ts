// docker-compose.cluster.yml itself, brought up with podman-compose: three clustered NATS servers,
// PostgreSQL, two orchestrators behind HAProxy and two instances of each participant process, with
// stand-ins for the third-party images (stand-ins.sh) and the host ports moved to free ones through
// the file's own *_PORT variables. Sagas started through the one API address complete on both
// orchestrators; then one orchestrator container and the NATS server leading the commands stream are
// killed (`podman kill`: the restart policy leaves a killed container down) and new sagas started
// through the same address still complete. podman-compose 1.0.3 does not wait on `depends_on`
// conditions and mangles list-form health checks (see compose.test.ts): readiness is asked of each
// process here, and test/integration/deployment.test.ts checks those parts of the file by parsing it.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../support/nats-server.ts';
import { orderBody, tripBody } from '../support/system.ts';
import { ROOT, podman, podmanOk, runScript } from './podman.ts';

const PROJECT = `saga-cluster-${randomBytes(3).toString('hex')}`;
const NATS = ['nats-1', 'nats-2', 'nats-3'] as const;
const PORT_VARIABLES = ['ORCHESTRATOR_PORT', 'NATS_1_PORT', 'NATS_2_PORT', 'NATS_3_PORT', 'NATS_1_MONITOR_PORT', 'NATS_2_MONITOR_PORT', 'NATS_3_MONITOR_PORT'] as const;
const ORCHESTRATORS = ['orchestrator-1', 'orchestrator-2'] as const;
const APPS = [...ORCHESTRATORS, ...['inventory', 'payment', 'shipping', 'travel'].flatMap((p) => [`${p}-1`, `${p}-2`])];
const ports: Record<string, number> = {};
const execFileAsync = promisify(execFile);
const timings: Record<string, string> = {};
const since = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** Runs podman-compose on the repository's docker-compose.cluster.yml with the test's project and ports. */
async function compose(args: string[], timeoutMs = 300_000): Promise<string> {
  const env = { ...process.env, CONTAINERS_CONF: `${ROOT}/test/containers/containers.conf`, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  try {
    const { stdout } = await execFileAsync('podman-compose', ['-p', PROJECT, '-f', `${ROOT}/docker-compose.cluster.yml`, ...args], { cwd: ROOT, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`podman-compose ${args.join(' ')}: ${(e.stderr ?? '').slice(-2_000) || e.message}`);
  }
}

/** The container podman-compose 1.0.3 names for a service: <project>_<service>_1. */
const container = (service: string) => `${PROJECT}_${service}_1`;
const api = (path: string) => `http://127.0.0.1:${ports.ORCHESTRATOR_PORT}${path}`;
const monitor = (server: (typeof NATS)[number], path: string) => `http://127.0.0.1:${ports[`NATS_${server.slice(-1)}_MONITOR_PORT`]}${path}`;

async function ok(target: string): Promise<boolean> {
  try {
    return (await fetch(target, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** GET `path` on HTTP_PORT inside a service's container (none of the app services publishes a port). */
async function inside(service: string, path: string): Promise<string> {
  const script = `fetch('http://127.0.0.1:' + process.env.HTTP_PORT + '${path}').then(async (r) => { if (!r.ok) process.exit(1); process.stdout.write(await r.text()); }, () => process.exit(1))`;
  return podman(['exec', container(service), 'node', '-e', script], 30_000);
}

/** Sagas started by each orchestrator instance (its own saga_started_total counters). */
async function startedBy(service: string): Promise<number> {
  const text = await inside(service, '/metrics');
  return [...text.matchAll(/^saga_started_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function start(path: string, body: unknown): Promise<string> {
  const res = await fetch(api(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  expect(res.status, `POST ${path}: ${res.status} ${text}`).toBe(202);
  return (JSON.parse(text) as { sagaId: string }).sagaId;
}

/** The saga's final status; for one that did not complete, its history too (to say what happened). */
async function expectCompleted(sagaId: string): Promise<void> {
  const view = await finalStatus(sagaId);
  if (view.status === 'completed') return;
  const history = (await (await fetch(api(`/sagas/${sagaId}/history`))).json()) as unknown;
  expect.fail(`saga ${sagaId} ${view.status} (${view.reason}): ${JSON.stringify(history).slice(0, 6_000)}`);
}

async function finalStatus(sagaId: string, timeoutMs = 90_000): Promise<{ status: string; reason: string | null }> {
  let view: { status: string; reason: string | null } | undefined;
  await waitFor(async () => {
    const res = await fetch(api(`/sagas/${sagaId}`), { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
    if (!res?.ok) return false;
    view = (await res.json()) as typeof view;
    return view!.status === 'completed' || view!.status === 'cancelled' || view!.status === 'needs_attention';
  }, timeoutMs, `saga ${sagaId} final (last: ${view?.status})`);
  return view!;
}

interface StreamDetail {
  name: string;
  config?: { num_replicas?: number };
  cluster?: { leader?: string; replicas?: { name: string; current: boolean }[] };
}

/** The SAGA account's streams as a server's monitoring port reports them (/jsz). */
async function streams(server: (typeof NATS)[number]): Promise<StreamDetail[]> {
  const jsz = (await (await fetch(monitor(server, '/jsz?accounts=true&streams=true&config=true'))).json()) as { account_details?: { name: string; stream_detail?: StreamDetail[] }[] };
  return jsz.account_details?.find((a) => a.name === 'SAGA')?.stream_detail ?? [];
}

/** The last lines of every service's log, for a failure message. */
async function logs(): Promise<string> {
  const out: string[] = [];
  for (const service of [...NATS, 'postgres', 'haproxy', ...APPS]) out.push(`--- ${service}\n${await podman(['logs', '--tail', '15', container(service)]).catch((e: Error) => e.message)}`);
  return out.join('\n');
}

describe('docker-compose.cluster.yml brought up with podman-compose', () => {
  beforeAll(async () => {
    let t0 = Date.now();
    runScript('test/containers/stand-ins.sh', 900_000);
    // The file's image name; built here (from cache when another container test ran first) so `up` needs no build.
    await podman(['build', '--pull=never', '--format', 'docker', '-q', '-t', 'localhost/saga-orchestrator:local', ROOT], 900_000);
    timings.images = since(t0);
    for (const variable of PORT_VARIABLES) ports[variable] = await freePort();
    t0 = Date.now();
    await compose(['up', '-d']);
    timings.up = since(t0);
    t0 = Date.now();
    try {
      await waitFor(() => ok(api('/readyz')), 180_000, 'the API address ready');
      // Every process ready, asked inside its container (nothing but HAProxy and NATS is published).
      for (const service of APPS) await waitFor(() => inside(service, '/readyz').then(() => true, () => false), 180_000, `${service} ready`);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${await logs()}`);
    }
    timings.ready = since(t0);
  });

  afterAll(async () => {
    // The containers first, with their anonymous volumes (the image's /data), then what `down` removes.
    const names = (await podman(['ps', '-a', '--filter', `name=${PROJECT}`, '--format', '{{.Names}}']).catch(() => '')).split('\n').filter(Boolean);
    if (names.length) await podmanOk(['rm', '-f', '-v', '-t', '2', ...names], 180_000);
    await compose(['down', '-v', '-t', '2']).catch(() => '');
    const volumes = (await podman(['volume', 'ls', '--format', '{{.Name}}']).catch(() => '')).split('\n').filter((v) => v.startsWith(PROJECT));
    if (volumes.length) await podmanOk(['volume', 'rm', '-f', ...volumes]);
    await podmanOk(['network', 'rm', '-f', `${PROJECT}_default`]);
    console.log(`compose-cluster timings: ${JSON.stringify(timings)}`);
  });

  it('three NATS servers form one cluster and every stream has a copy on each', async () => {
    for (const server of NATS) {
      expect(await ok(monitor(server, '/healthz')), `${server} healthy`).toBe(true);
      const routes = (await (await fetch(monitor(server, '/routez'))).json()) as { num_routes: number };
      expect(routes.num_routes, `${server} routes`).toBe(2);
    }
    const detail = await streams('nats-1');
    expect(detail.map((s) => s.name)).toEqual(expect.arrayContaining(['SAGA_COMMANDS', 'SAGA_REPLIES', 'SAGA_DLQ']));
    for (const s of detail) {
      expect(s.config?.num_replicas, s.name).toBe(3);
      expect(s.cluster?.replicas?.length, `${s.name} followers`).toBe(2);
    }
  });

  it('orders and a trip complete through the one API address, started on both orchestrators; event streams pass the proxy', async () => {
    // An explorer list stream through HAProxy: the opening comment, then a heartbeat 15 s later.
    const sse = (async () => {
      const res = await fetch(api('/ui/sagas/events'), { signal: AbortSignal.timeout(30_000) });
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes(': heartbeat')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      await reader.cancel();
      return text;
    })();
    const t0 = Date.now();
    const before = await Promise.all(ORCHESTRATORS.map(startedBy));
    const sagas: string[] = [];
    for (let i = 0; i < 6; i++) sagas.push(await start('/orders', orderBody({ customerId: `cluster-${i}` })));
    const unserved = await start('/orders', orderBody({ shippingAddress: { line1: '1 Ice Rd', city: 'McMurdo', postalCode: '0', country: 'AQ' } }));
    const trip = await start('/sagas/trip', tripBody({ customerId: 'traveller-before' }));
    for (const id of sagas) await expectCompleted(id);
    expect(await finalStatus(unserved)).toMatchObject({ status: 'cancelled', reason: 'SHIPPING_UNAVAILABLE' });
    await expectCompleted(trip);
    timings.sagasBeforeFailover = since(t0);
    // Round robin: each orchestrator started some of the eight.
    const after = await Promise.all(ORCHESTRATORS.map(startedBy));
    const started = after.map((n, i) => n - before[i]!);
    expect(started.reduce((a, b) => a + b)).toBe(8);
    for (const [i, n] of started.entries()) expect(n, `${ORCHESTRATORS[i]} started sagas`).toBeGreaterThan(0);
    const stream = await sse;
    expect(stream).toMatch(/^: saga list/);
    expect(stream).toContain(': heartbeat');
  });

  it('an orchestrator and the NATS server leading the commands stream killed: new sagas still complete through the same address', async () => {
    const leader = (await streams('nats-1')).find((s) => s.name === 'SAGA_COMMANDS')?.cluster?.leader;
    expect(NATS as readonly string[]).toContain(leader);
    const t0 = Date.now();
    await podman(['kill', container(leader!)]);
    await podman(['kill', container('orchestrator-1')]);
    for (const service of [leader!, 'orchestrator-1']) {
      expect(await podman(['inspect', '--format', '{{.State.Status}}', container(service)]), `${service} down`).toBe('exited');
    }
    // Started at once, while the cluster elects new leaders and HAProxy has not yet seen the orchestrator go.
    const sagas: string[] = [];
    for (let i = 0; i < 4; i++) sagas.push(await start('/orders', orderBody({ customerId: `failover-${i}` })));
    // Another customer: a trip charges 800 EUR of the 1,000 a new customer has.
    const trip = await start('/sagas/trip', tripBody({ customerId: 'traveller-after' }));
    timings.startsAfterKill = since(t0);
    for (const id of [...sagas, trip]) await expectCompleted(id);
    timings.sagasAfterKill = since(t0);
    // The commands stream has a new leader among the two servers left, and both stay down.
    const survivor = NATS.find((n) => n !== leader)!;
    const newLeader = (await streams(survivor)).find((s) => s.name === 'SAGA_COMMANDS')?.cluster?.leader;
    expect(NATS.filter((n) => n !== leader) as string[]).toContain(newLeader);
    for (const service of [leader!, 'orchestrator-1']) {
      expect(await podman(['inspect', '--format', '{{.State.Status}}', container(service)]), `${service} still down`).toBe('exited');
    }
    // More sagas, now with HAProxy sending everything to orchestrator-2.
    const before = await startedBy('orchestrator-2');
    const more: string[] = [];
    for (let i = 0; i < 4; i++) more.push(await start('/orders', orderBody({ customerId: `after-${i}` })));
    for (const id of more) await expectCompleted(id);
    expect((await startedBy('orchestrator-2')) - before).toBe(4);
  });
});

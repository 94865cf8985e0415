// The project's image, built from the unchanged Dockerfile with podman, and every service run from
// it in containers: non-root with read-only code, every entry point healthy by the image's own
// HEALTHCHECK, sagas of both types completing and compensating against nats-server with the shipped
// least-privilege configuration (one NATS user per service), and a container restarted on its
// volume continuing its sagas. Base images are local stand-ins (test/containers/stand-ins.sh).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../support/nats-server.ts';
import { orderBody, tripBody } from '../support/system.ts';
import { ROOT, podman, podmanOk, removeAll, runScript } from './podman.ts';

const IMAGE = 'localhost/saga-orchestrator:ci';
const NATS_IMAGE = 'docker.io/library/nats:2.10-alpine';
const run = randomBytes(3).toString('hex');
const name = (service: string) => `saga-ci-${run}-${service}`;
const NETWORK = name('net');
const SERVICES = ['orchestrator', 'inventory', 'payment', 'shipping', 'travel'] as const;
type Service = (typeof SERVICES)[number];
/** Passwords the shipped nats-server.conf reads from the environment ($<SERVICE>_NATS_PASSWORD). */
const PASSWORD = Object.fromEntries(SERVICES.map((s) => [s, `ci-${s}-${run}`])) as Record<Service, string>;

/** The environment docker-compose.yml gives each service (databases on its /data volume). */
function serviceEnv(service: Service): string[] {
  const databases: Record<string, string> =
    service === 'travel'
      ? { FLIGHTS_DATABASE_PATH: '/data/flights.db', HOTELS_DATABASE_PATH: '/data/hotels.db', CARS_DATABASE_PATH: '/data/cars.db' }
      : { DATABASE_PATH: `/data/${service}.db` };
  const env: Record<string, string> = {
    NATS_URL: `nats://${name('nats')}:4222`,
    NATS_USER: service,
    NATS_PASSWORD: PASSWORD[service],
    HTTP_PORT: '3000',
    LOG_LEVEL: 'warn',
    ...databases,
    ...(service === 'inventory' ? { INVENTORY_DEFAULT_STOCK: '100' } : {}),
  };
  return Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
}

const figures: Record<string, string> = {};
let apiPort = 0;
const api = (path: string) => `http://127.0.0.1:${apiPort}${path}`;

async function startService(service: Service): Promise<void> {
  const publish = service === 'orchestrator' ? ['-p', `127.0.0.1:${apiPort}:3000`] : [];
  await podman(['run', '-d', '--name', name(service), '--network', NETWORK, '-v', `${name(service)}:/data`, ...publish, ...serviceEnv(service), IMAGE, 'node', `dist/bin/${service}.js`]);
}

/** Waits until the image's HEALTHCHECK passes in the container (`podman healthcheck run`). */
async function healthy(service: Service): Promise<void> {
  await waitFor(() => podmanOk(['healthcheck', 'run', name(service)]), 60_000, `${service} healthy`).catch(async (err: Error) => {
    throw new Error(`${err.message}\n${await podman(['logs', '--tail', '30', name(service)]).catch(() => '')}`);
  });
}

async function post(path: string, body: unknown): Promise<{ sagaId: string }> {
  const res = await fetch(api(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, `POST ${path}`).toBe(202);
  return (await res.json()) as { sagaId: string };
}

async function finalView(sagaId: string, timeoutMs = 60_000): Promise<{ status: string; reason: string | null; compensations: { name: string; status: string }[] }> {
  let view: { status: string; reason: string | null; compensations: { name: string; status: string }[] } | undefined;
  await waitFor(async () => {
    view = (await (await fetch(api(`/sagas/${sagaId}`))).json()) as typeof view;
    return view!.status === 'completed' || view!.status === 'cancelled' || view!.status === 'needs_attention';
  }, timeoutMs, `saga ${sagaId} final (last: ${view?.status})`);
  return view!;
}

describe('the image, built with podman and run in containers', () => {
  beforeAll(async () => {
    runScript('test/containers/stand-ins.sh', 900_000);
    // Cold: without this project's layers (the base images stay). Then cached: nothing changed.
    await podmanOk(['rmi', '-f', IMAGE]);
    await podman(['builder', 'prune', '-f']).catch(() => '');
    let t = Date.now();
    await podman(['build', '--pull=never', '--format', 'docker', '--no-cache', '-q', '-t', IMAGE, ROOT], 900_000);
    figures.buildCold = `${((Date.now() - t) / 1000).toFixed(1)} s`;
    t = Date.now();
    await podman(['build', '--pull=never', '--format', 'docker', '-q', '-t', IMAGE, ROOT], 900_000);
    figures.buildCached = `${((Date.now() - t) / 1000).toFixed(1)} s`;
    figures.size = `${(Number(await podman(['image', 'inspect', '--format', '{{.Size}}', IMAGE])) / 1e6).toFixed(0)} MB`;

    apiPort = await freePort();
    await podman(['network', 'create', NETWORK]);
    const natsEnv = SERVICES.flatMap((s) => ['-e', `${s.toUpperCase()}_NATS_PASSWORD=${PASSWORD[s]}`]);
    await podman(['run', '-d', '--name', name('nats'), '--network', NETWORK, '-v', `${ROOT}/deploy/nats/nats-server.conf:/etc/nats/nats-server.conf:ro`, '-v', `${name('nats')}:/data`, ...natsEnv, NATS_IMAGE, '-c', '/etc/nats/nats-server.conf']);
    await waitFor(() => podmanOk(['exec', name('nats'), 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8222/healthz']), 30_000, 'nats healthy');
    // The orchestrator creates the streams the participants wait for.
    await startService('orchestrator');
    await healthy('orchestrator');
    for (const s of SERVICES.slice(1)) await startService(s);
    for (const s of SERVICES.slice(1)) await healthy(s);
  });

  afterAll(async () => {
    const containers = [...SERVICES, 'nats'].map(name);
    await removeAll({ containers, volumes: containers, networks: [NETWORK] });
    // The layers of earlier cold builds, now untagged (the stand-ins and this image stay).
    await podmanOk(['image', 'prune', '-f']);
    console.log(`image ${IMAGE}: ${figures.size}; build cold ${figures.buildCold}, cached ${figures.buildCached}`);
  });

  it('runs as the unprivileged node user, cannot write its code, and can write its volume', async () => {
    expect(await podman(['run', '--rm', IMAGE, 'id', '-u'])).toBe('1000');
    expect(await podmanOk(['run', '--rm', IMAGE, 'touch', '/app/dist/bin/orchestrator.js'])).toBe(false);
    expect(await podmanOk(['run', '--rm', IMAGE, 'sh', '-c', 'echo x > /app/new-file'])).toBe(false);
    expect(await podman(['exec', name('orchestrator'), 'sh', '-c', 'ls /data && id -un'])).toContain('orchestrator.db');
    // better-sqlite3 loaded (the database above) and the image keeps its health check (--format docker).
    expect(await podman(['image', 'inspect', '--format', '{{json .Config.Healthcheck}}', IMAGE])).toContain('healthz');
  });

  it('every entry point starts and passes the HEALTHCHECK, each as its own NATS user', async () => {
    for (const s of SERVICES) expect(await podmanOk(['healthcheck', 'run', name(s)]), s).toBe(true);
    const ready = await fetch(api('/readyz'));
    expect(ready.status).toBe(200);
  });

  it('an order, a compensating order and a trip complete with every service in a container', async () => {
    const ok = await post('/orders', orderBody());
    const unserved = await post('/orders', orderBody({ shippingAddress: { line1: '1 Ice Rd', city: 'McMurdo', postalCode: '0', country: 'AQ' } }));
    const trip = await post('/sagas/trip', tripBody());
    expect((await finalView(ok.sagaId)).status).toBe('completed');
    const cancelled = await finalView(unserved.sagaId);
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: 'SHIPPING_UNAVAILABLE' });
    expect(cancelled.compensations.map((c) => `${c.name}:${c.status}`).sort()).toEqual(['cancelShipment:skipped', 'refundPayment:succeeded', 'releaseInventory:succeeded']);
    expect((await finalView(trip.sagaId)).status).toBe('completed');
  });

  it('a container restarted on its volume continues the sagas it had in flight', async () => {
    await podman(['stop', '-t', '10', name('payment')]);
    const waiting = await post('/orders', orderBody());
    // The charge waits for payment; the orchestrator goes away and comes back on the same volume.
    await waitFor(async () => ((await (await fetch(api(`/sagas/${waiting.sagaId}`))).json()) as { steps: { name: string; status: string }[] }).steps.some((s) => s.name === 'chargePayment' && s.status !== 'pending'), 30_000, 'charge sent');
    await podman(['restart', '-t', '10', name('orchestrator')]);
    await healthy('orchestrator');
    await podman(['start', name('payment')]);
    await healthy('payment');
    expect((await finalView(waiting.sagaId)).status).toBe('completed');
  });
});

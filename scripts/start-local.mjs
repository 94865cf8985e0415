// `npm start`: the whole system on this machine in one command. Starts nats-server (unless NATS_URL
// is set) with JetStream and its store under ./data/nats, then the orchestrator and the participant
// processes (inventory, payment, shipping, and travel: flights, hotels, cars) from dist/, with their
// databases under ./data/. Ctrl-C stops everything cleanly;
// starting again continues the sagas that were in flight.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
mkdirSync(dataDir, { recursive: true });

const children = [];
let stopping = false;

function log(msg) {
  process.stdout.write(`[start] ${msg}\n`);
}

function portFree(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitUntil(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function tcpOpen(port) {
  return new Promise((res) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      res(true);
    });
    s.once('error', () => res(false));
  });
}

async function httpOk(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

function run(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) => {
    let buf = '';
    stream.on('data', (d) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        out.write(`[${name}] ${buf.slice(0, i)}\n`);
        buf = buf.slice(i + 1);
      }
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited unexpectedly (${signal ?? code}); stopping everything`);
      void shutdown(1);
    }
  });
  children.push({ name, child });
  return child;
}

function findNatsServer() {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/local/bin'])) {
    const candidate = join(dir, 'nats-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  // Services first (they finish in-flight work and drain NATS), the server last.
  const services = children.filter((c) => c.name !== 'nats');
  await Promise.all(services.map(({ child }) => stop(child)));
  await Promise.all(children.filter((c) => c.name === 'nats').map(({ child }) => stop(child)));
  log('stopped');
  process.exit(code);
}

function stop(child) {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      res();
    });
    child.kill('SIGTERM');
  });
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  let natsUrl = process.env.NATS_URL;
  if (!natsUrl) {
    const bin = findNatsServer();
    if (!bin) {
      process.stderr.write(
        'nats-server was not found on PATH. Install it (Debian/Ubuntu: sudo apt-get install nats-server;\n' +
          'elsewhere: https://docs.nats.io/running-a-nats-service/introduction/installation), or set NATS_URL\n' +
          'to a NATS server with JetStream enabled.\n',
      );
      process.exit(1);
    }
    let port = Number(process.env.LOCAL_NATS_PORT ?? 4222);
    if (!(await portFree(port))) {
      const fallback = await freePort();
      log(`port ${port} is taken; running nats-server on ${fallback} instead`);
      port = fallback;
    }
    run('nats', bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', join(dataDir, 'nats')], {});
    await waitUntil(() => tcpOpen(port), 15_000, 'nats-server');
    natsUrl = `nats://127.0.0.1:${port}`;
  }

  const ports = { orchestrator: 3000, inventory: 3001, payment: 3002, shipping: 3003, travel: 3004 };
  /** DATABASE_PATH of a process of one participant; <NAME>_DATABASE_PATH of each in the travel process. */
  const databases = (name) =>
    name === 'travel'
      ? Object.fromEntries(['FLIGHTS', 'HOTELS', 'CARS'].map((p) => [`${p}_DATABASE_PATH`, process.env[`${p}_DATABASE_PATH`] ?? join(dataDir, `${p.toLowerCase()}.db`)]))
      : { DATABASE_PATH: process.env[`${name.toUpperCase()}_DATABASE_PATH`] ?? join(dataDir, `${name}.db`) };
  const service = (name) =>
    run(name, process.execPath, [join(root, 'dist/bin', `${name}.js`)], {
      NATS_URL: natsUrl,
      ...databases(name),
      HTTP_PORT: String(ports[name]),
      // Local demo: unknown SKUs start with stock so a first order can complete (0 in production).
      ...(name === 'inventory' ? { INVENTORY_DEFAULT_STOCK: process.env.INVENTORY_DEFAULT_STOCK ?? '100' } : {}),
    });
  const participants = ['inventory', 'payment', 'shipping', 'travel'];
  // The orchestrator creates the streams the participants wait for.
  service('orchestrator');
  await waitUntil(() => httpOk(`http://127.0.0.1:${ports.orchestrator}/readyz`), 30_000, 'orchestrator /readyz');
  for (const name of participants) service(name);
  for (const name of participants) {
    await waitUntil(() => httpOk(`http://127.0.0.1:${ports[name]}/readyz`), 30_000, `${name} /readyz`);
  }
  log(`NATS          ${natsUrl}`);
  log(`orchestrator  http://127.0.0.1:${ports.orchestrator}  (POST /sagas/{type}, POST /orders, GET /sagas/{id}, GET /saga-types)`);
  log(`inventory     http://127.0.0.1:${ports.inventory}`);
  log(`payment       http://127.0.0.1:${ports.payment}`);
  log(`shipping      http://127.0.0.1:${ports.shipping}`);
  log(`travel        http://127.0.0.1:${ports.travel}  (flights, hotels, cars)`);
  log(`data          ${dataDir}`);
  log('ready — press Ctrl-C to stop');
}

main().catch((err) => {
  process.stderr.write(`[start] ${err.message}\n`);
  void shutdown(1);
});

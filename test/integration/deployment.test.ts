// Drift guard for the deployment files, without a Docker engine (there is none on the build
// machines): docker-compose.yml, the Dockerfile and deploy/nats/nats-server.conf are checked
// against the code, and so are docker-compose.cluster.yml, deploy/nats/nats-cluster.conf and
// deploy/haproxy/haproxy.cfg (the cluster file). The image's build stage is replayed in a temporary directory from the
// Dockerfile's own COPY lines, and every compose service's entry point is then run from that
// layout with the compose environment against a nats-server started with the shipped config.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { builtinModules } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ORCHESTRATOR_ENV_VARS, loadOrchestratorConfig } from '../../src/config/orchestrator.ts';
import { COMMAND_KINDS, PARTICIPANTS, PARTICIPANT_ENV_VARS, PARTICIPANT_PROCESSES, type ParticipantName } from '../../src/participants/config.ts';
import { loadProcessConfig } from '../../src/participants/kit/index.ts';
import { NatsServer, freePort, natsServerBinary, waitFor } from '../support/nats-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NATS_CONFIG = 'deploy/nats/nats-server.conf';
const NATS_CLUSTER_CONFIG = 'deploy/nats/nats-cluster.conf';
const HAPROXY_CONFIG = 'deploy/haproxy/haproxy.cfg';

/**
 * OpenTelemetry SDK variables (from the OpenTelemetry specification) compose may set: the SDK reads
 * them itself, so they are in no config module of ours.
 */
const OTEL_SDK_VARS = [
  'OTEL_SERVICE_NAME',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_SDK_DISABLED',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
  'OTEL_PROPAGATORS',
];

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const ComposeService = z.object({
  image: z.string().optional(),
  build: z.union([z.string(), z.object({ context: z.string() })]).optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), scalar).default({}),
  ports: z.array(z.string()).default([]),
  volumes: z.array(z.string()).default([]),
  restart: z.string().optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).default({}),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
});

type ComposeService = z.infer<typeof ComposeService>;
const ComposeFile = z.object({
  services: z.record(z.string(), ComposeService),
  volumes: z.record(z.string(), z.unknown().nullable()).default({}),
});

const readCompose = (file: string) => ComposeFile.parse(parse(readFileSync(join(ROOT, file), 'utf8'), { merge: true }));
const compose = readCompose('docker-compose.yml');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
/** A NATS config without comments and quoted strings (no $VAR is substituted inside quotes). */
const configCode = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/#.*$/gm, '').replace(/"[^"\n]*"/g, '""');
const natsConfigCode = configCode(NATS_CONFIG);

/** `${VAR:-default}` as compose resolves it with VAR unset: the checked-in defaults. */
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (_m, _name: string, fallback: string | undefined) => fallback ?? '');
}

/** The environment compose gives a service, with the defaults of `${VAR:-default}` substituted. */
function envOf(service: ComposeService): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment).map(([k, v]) => [k, interpolate(v)]));
}

/** Which of our processes a service runs: the <x> of `node dist/bin/<x>.js`, or null (nats, jaeger). */
function entryOf(service: ComposeService): string | null {
  const match = /^dist\/bin\/([a-z]+)\.js$/.exec(service.command?.[1] ?? '');
  return service.command?.[0] === 'node' && match ? match[1]! : null;
}

/** The services of a compose file that run one of our processes. */
const appServicesOf = (file: z.infer<typeof ComposeFile>) => Object.entries(file.services).filter(([, s]) => entryOf(s) !== null);
const appServices = appServicesOf(compose);

/** Every $VAR a NATS config refers to without defining it itself: what the server's environment must hold. */
function natsConfigVars(code: string): string[] {
  const defined = new Set([...code.matchAll(/^\s*([A-Z_][A-Z0-9_]*)\s*[:=]/gm)].map((m) => m[1]!));
  return [...new Set([...code.matchAll(/\$([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!).filter((v) => !defined.has(v)))].sort();
}

/** The environment variable holding the password of NATS user `user` in the shipped config. */
function natsPasswordVar(user: string): string | undefined {
  return new RegExp(`user:\\s*${user}\\s+password:\\s*\\$([A-Z_]+)`).exec(natsConfigCode)?.[1];
}

/** The configuration schema of the process a service runs. */
function schemaOf(entry: string): readonly string[] {
  if (entry === 'orchestrator') return ORCHESTRATOR_ENV_VARS;
  const vars = PARTICIPANT_ENV_VARS[entry];
  if (vars) return vars;
  throw new Error(`no configuration schema for entry point ${entry}`);
}

/** Instructions of one Dockerfile stage (continuation lines joined, comments dropped). */
function stage(name: string): string[] {
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const start = lines.findIndex((l) => new RegExp(`^FROM\\s+\\S+\\s+AS\\s+${name}$`, 'i').test(l));
  if (start < 0) throw new Error(`Dockerfile has no stage ${name}`);
  const end = lines.findIndex((l, i) => i > start && /^FROM\s/i.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('docker-compose.yml, Dockerfile and the NATS config match the code', () => {
  it('every variable a service sets is in the configuration schema of the process it runs', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(['inventory', 'orchestrator', 'payment', 'shipping', 'travel']);
    for (const [name, service] of appServices) {
      const schema = schemaOf(entryOf(service)!);
      for (const variable of Object.keys(service.environment)) {
        const known = schema.includes(variable) || OTEL_SDK_VARS.includes(variable);
        expect(known, `${name}: ${variable} is read by nothing`).toBe(true);
      }
      expect(envOf(service).OTEL_SERVICE_NAME, name).toBe(name);
    }
  });

  it('ports, health checks, volumes, dependencies and restart policies fit the processes', () => {
    for (const [name, service] of appServices) {
      const env = envOf(service);
      const port = env.HTTP_PORT;
      expect(port, `${name} sets HTTP_PORT`).toMatch(/^\d+$/);
      // The published port is the one the process listens on; the host side may be moved by a variable.
      expect(service.ports.map(interpolate), name).toContain(`${port}:${port}`);
      expect(service.ports.join(' '), `${name}: the host port can be set (e.g. ${name.toUpperCase()}_PORT)`).toMatch(/^\$\{[A-Z_]+_PORT:-\d+\}:\d+$/);
      const check = service.healthcheck?.test.join(' ') ?? '';
      expect(check, name).toContain('process.env.HTTP_PORT');
      expect(check, name).toContain("'/healthz'");
      // Its database is on its own named volume.
      const volume = service.volumes.find((v) => v.endsWith(':/data'));
      expect(volume, name).toBeDefined();
      expect(Object.keys(compose.volumes)).toContain(volume!.split(':')[0]);
      // One database, or one per participant of a process of several (<NAME>_DATABASE_PATH).
      const databases = Object.entries(env).filter(([k]) => /^([A-Z]+_)?DATABASE_PATH$/.test(k));
      expect(databases.length, name).toBeGreaterThan(0);
      for (const [k, path] of databases) expect(path, `${name} ${k}`).toMatch(/^\/data\//);
      expect(service.depends_on.nats?.condition, name).toBe('service_healthy');
      if (name !== 'orchestrator') expect(service.depends_on.orchestrator?.condition, `${name} waits for the streams`).toBe('service_healthy');
      expect(service.restart, name).toBe('unless-stopped');
      // NATS: the compose server, as the user of that name, with the password the server config expects.
      expect(env.NATS_URL, name).toBe('nats://nats:4222');
      expect(env.NATS_USER, name).toBe(name);
      const passwordVar = new RegExp(`user:\\s*${name}\\s+password:\\s*\\$([A-Z_]+)`).exec(natsConfigCode)?.[1];
      expect(passwordVar, `${name} is a user in ${NATS_CONFIG}`).toBeDefined();
      expect(service.environment.NATS_PASSWORD, name).toBe(compose.services.nats!.environment[passwordVar!]);
      // Traces go to the trace backend's OTLP/HTTP port, which it exposes.
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT, name).toBe('http://jaeger:4318');
    }
    expect(compose.services.jaeger?.ports.map(interpolate)).toEqual(expect.arrayContaining(['16686:16686', '4318:4318']));

    const nats = compose.services.nats!;
    expect(nats.command).toEqual(['-c', '/etc/nats/nats-server.conf']);
    expect(nats.volumes).toContain(`./${NATS_CONFIG}:/etc/nats/nats-server.conf:ro`);
    expect(nats.volumes.some((v) => v.endsWith(':/data'))).toBe(true);
    expect(natsConfigCode).toMatch(/store_dir:\s*\/data/);
    const monitor = /http_port:\s*(\d+)/.exec(natsConfigCode)?.[1];
    expect(nats.ports.map(interpolate)).toContain(`${monitor}:${monitor}`);
    expect(nats.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${monitor}/healthz`);
    expect(nats.restart).toBe('unless-stopped');
    // Every $VAR the server config does not define itself comes from the nats service's environment.
    const defined = new Set([...natsConfigCode.matchAll(/^([A-Z_][A-Z0-9_]*)\s*[:=]/gm)].map((m) => m[1]!));
    const referenced = new Set([...natsConfigCode.matchAll(/\$([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!).filter((v) => !defined.has(v)));
    expect([...referenced].sort()).toEqual(Object.keys(nats.environment).sort());
  });

  it('nats-server -t accepts the NATS configuration with the compose environment', () => {
    const result = spawnSync(natsServerBinary(), ['-t', '-c', join(ROOT, NATS_CONFIG)], {
      env: { PATH: process.env.PATH ?? '', ...envOf(compose.services.nats!) },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr + result.stdout).toMatch(/is valid/);
  });

  it('the Dockerfile builds a non-root image with a health check on HTTP_PORT and a /data volume', () => {
    expect(dockerfile).toMatch(/^FROM node:24-[a-z]+-slim AS build$|^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
    const runtime = stage('runtime');
    const user = runtime.filter((l) => /^USER\s/i.test(l)).pop();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(:|$)/i);
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK'))).toMatch(/process\.env\.HTTP_PORT.*'\/healthz'/);
    expect(runtime).toContain('VOLUME ["/data"]');
    expect(runtime.some((l) => /^ENV .*HTTP_PORT=3000/.test(l))).toBe(true);
    expect(runtime.find((l) => l.startsWith('CMD'))).toBe('CMD ["node", "dist/bin/orchestrator.js"]');
    expect(stage('build')).toEqual(expect.arrayContaining(['RUN npm ci --no-audit --no-fund', 'RUN npm run build && npm prune --omit=dev --no-audit --no-fund']));
  });
});

describe('the built image layout runs every compose service', () => {
  let app: string;
  let nats: NatsServer;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    // Replay the build stage: its COPY lines into /app (here: a temporary directory), then the build.
    app = mkdtempSync(join(tmpdir(), 'saga-image-'));
    for (const line of stage('build').filter((l) => /^COPY\s/i.test(l))) {
      const [, ...args] = line.split(/\s+/);
      const dest = args.pop()!;
      for (const source of args) {
        const target = dest.endsWith('/') ? join(app, dest, basename(source)) : join(app, dest);
        mkdirSync(dirname(target), { recursive: true });
        cpSync(join(ROOT, source), target, { recursive: true });
      }
    }
    // `npm ci` stands for installing the locked dependencies: link the ones installed here.
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
    const build = spawnSync('npm', ['run', 'build'], { cwd: app, encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);

    const natsEnv = envOf(compose.services.nats!);
    nats = await NatsServer.start({ configFile: join(ROOT, NATS_CONFIG), env: natsEnv });
  });

  afterAll(async () => {
    for (const p of running) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    await nats?.dispose();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('the runtime stage keeps what the build made, and the build needs no dev dependency at run time', () => {
    const runtime = stage('runtime');
    for (const path of ['/app/package.json', '/app/node_modules', '/app/dist']) {
      expect(runtime.some((l) => l.startsWith(`COPY --from=build ${path} `)), path).toBe(true);
    }
    expect(runtime).toContain('WORKDIR /app');
    expect(existsSync(join(app, 'dist/migrations/orchestrator'))).toBe(true);
    // `npm prune --omit=dev` runs before the runtime stage: every package the built code imports
    // must be a production dependency.
    const pkg = z.object({ dependencies: z.record(z.string(), z.string()) }).parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
    const imported = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.js')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"\n]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
            const spec = m[1] ?? m[2]!;
            if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
            imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
          }
        }
      }
    };
    walk(join(app, 'dist'));
    expect(imported.size).toBeGreaterThan(0);
    for (const name of imported) expect(Object.keys(pkg.dependencies), `${name} is imported at run time`).toContain(name);
  });

  it('each service starts from its compose command and environment, serves its health check and a saga completes', async () => {
    // A stand-in trace backend that accepts every OTLP/HTTP export, as Jaeger would.
    const otlp = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((r) => otlp.listen(0, '127.0.0.1', r));
    const otlpPort = (otlp.address() as AddressInfo).port;
    const order: string[] = ['orchestrator', ...appServices.map(([n]) => n).filter((n) => n !== 'orchestrator')];
    const ports: Record<string, number> = {};
    const logs: Record<string, string> = {};
    for (const name of order) {
      const service = compose.services[name]!;
      const entry = service.command![1]!;
      expect(existsSync(join(app, entry)), `${entry} in the image`).toBe(true);
      ports[name] = await freePort();
      // The compose environment, except what only makes sense inside compose's network and volumes.
      const env = {
        ...envOf(service),
        NATS_URL: nats.url,
        DATABASE_PATH: join(app, `${name}.db`),
        HTTP_PORT: String(ports[name]),
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
      };
      const proc = spawn(process.execPath, [entry], { cwd: app, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      logs[name] = '';
      const keep = (d: Buffer) => {
        logs[name] = (logs[name] + d.toString()).slice(-20_000);
      };
      proc.stdout?.on('data', keep);
      proc.stderr?.on('data', keep);
      running.push(proc);
      const path = /'(\/[a-z]+)'/.exec(service.healthcheck!.test.join(' '))![1]!;
      await waitFor(async () => {
        if (proc.exitCode !== null) throw new Error(`${name} exited with ${proc.exitCode}: ${logs[name]}`);
        try {
          return (await fetch(`http://127.0.0.1:${ports[name]}${path}`)).ok;
        } catch {
          return false;
        }
      }, 30_000, `${name} ${path}`);
    }
    for (const name of order) expect((await fetch(`http://127.0.0.1:${ports[name]}/readyz`)).status, `${name} ready`).toBe(200);

    const res = await fetch(`http://127.0.0.1:${ports.orchestrator}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        customerId: 'compose-1',
        currency: 'EUR',
        items: [{ sku: 'COMPOSE-1', quantity: 1, unitPrice: 100 }],
        shippingAddress: { line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
      }),
    });
    expect(res.status).toBe(202);
    const { sagaId } = (await res.json()) as { sagaId: string };
    await waitFor(async () => ((await (await fetch(`http://127.0.0.1:${ports.orchestrator}/sagas/${sagaId}`)).json()) as { status: string }).status === 'completed', 20_000, 'saga completed');

    try {
      for (const [i, proc] of running.entries()) {
        const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
        proc.kill('SIGTERM');
        expect(await exited, `${order[i]} exit code after SIGTERM: ${logs[order[i]!]}`).toBe(0);
      }
    } finally {
      otlp.close();
    }
  });
});

describe('docker-compose.cluster.yml, its NATS cluster config and HAProxy config match the code', () => {
  const cluster = readCompose('docker-compose.cluster.yml');
  const apps = appServicesOf(cluster);
  const natsServices = Object.entries(cluster.services).filter(([, s]) => s.image?.startsWith('nats:'));
  const clusterConfigCode = configCode(NATS_CLUSTER_CONFIG);
  const haproxyCode = readFileSync(join(ROOT, HAPROXY_CONFIG), 'utf8').replace(/#.*$/gm, '');
  const clientPort = /^listen:\s*[\d.]*:(\d+)/m.exec(natsConfigCode)?.[1];
  const monitorPort = /http_port:\s*(\d+)/.exec(natsConfigCode)?.[1];
  const postgres = cluster.services.postgres!;
  const postgresEnv = envOf(postgres);

  it('two instances of every process: two orchestrators and two of each participant process', () => {
    const byEntry: Record<string, string[]> = {};
    for (const [name, service] of apps) (byEntry[entryOf(service)!] ??= []).push(name);
    expect(Object.keys(byEntry).sort()).toEqual(['inventory', 'orchestrator', 'payment', 'shipping', 'travel']);
    for (const [entry, names] of Object.entries(byEntry)) expect(names.sort(), entry).toEqual([`${entry}-1`, `${entry}-2`]);
  });

  it('every variable a service sets is in the configuration schema of the process it runs', () => {
    for (const [name, service] of apps) {
      const schema = schemaOf(entryOf(service)!);
      for (const variable of Object.keys(service.environment)) {
        const known = schema.includes(variable) || OTEL_SDK_VARS.includes(variable);
        expect(known, `${name}: ${variable} is read by nothing`).toBe(true);
      }
    }
  });

  it('NATS: three clustered servers with JetStream, routes to each other, each its own volume, the same users', () => {
    expect(natsServices.map(([n]) => n).sort()).toEqual(['nats-1', 'nats-2', 'nats-3']);
    expect(clientPort).toBeDefined();
    // The cluster config is the single-server config unchanged, plus the server's name and the cluster.
    expect(clusterConfigCode).toMatch(/^include\s+"?\.\/nats-server\.conf"?\s*$/m);
    expect(clusterConfigCode).toMatch(/^server_name:\s*\$NATS_SERVER_NAME\s*$/m);
    const routePort = /cluster\s*\{[^}]*listen:\s*[\d.]*:(\d+)/.exec(clusterConfigCode)?.[1];
    expect(routePort).toBeDefined();
    const routes = [.../routes:\s*\[([^\]]*)\]/.exec(clusterConfigCode)![1]!.matchAll(/nats-route:\/\/([a-z0-9-]+):(\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(routes.sort()).toEqual(natsServices.map(([n]) => `${n}:${routePort}`).sort());
    const volumes = new Set<string>();
    for (const [name, nats] of natsServices) {
      expect(nats.image, name).toBe(compose.services.nats!.image);
      expect(nats.command, name).toEqual(['-c', '/etc/nats/nats-cluster.conf']);
      // Both files in one directory: the include is resolved relative to the including file.
      expect(nats.volumes, name).toEqual(expect.arrayContaining([`./${NATS_CLUSTER_CONFIG}:/etc/nats/nats-cluster.conf:ro`, `./${NATS_CONFIG}:/etc/nats/nats-server.conf:ro`]));
      const data = nats.volumes.find((v) => v.endsWith(':/data'));
      expect(data, name).toBeDefined();
      volumes.add(data!.split(':')[0]!);
      expect(Object.keys(cluster.volumes)).toContain(data!.split(':')[0]);
      expect(envOf(nats).NATS_SERVER_NAME, `${name}: its server name`).toBe(name);
      // Every $VAR of both files comes from the service's environment; the passwords are docker-compose.yml's.
      expect(Object.keys(nats.environment).sort(), name).toEqual([...new Set([...natsConfigVars(natsConfigCode), ...natsConfigVars(clusterConfigCode)])].sort());
      for (const [k, v] of Object.entries(compose.services.nats!.environment)) expect(nats.environment[k], `${name} ${k}`).toBe(v);
      expect(nats.healthcheck?.test.join(' '), name).toContain(`http://127.0.0.1:${monitorPort}/healthz`);
      expect(nats.restart, name).toBe('unless-stopped');
      // The host ports can be moved by variables; the container ports are the config's.
      expect(nats.ports.map((p) => p.split(':').pop()).sort(), name).toEqual([clientPort, monitorPort].sort());
      for (const p of nats.ports) expect(p, name).toMatch(/^\$\{NATS_\d_(MONITOR_)?PORT:-\d+\}:\d+$/);
    }
    expect(volumes.size, 'one volume per server').toBe(3);
  });

  it('nats-server -t accepts the cluster configuration with each server environment', () => {
    for (const [name, nats] of natsServices) {
      const result = spawnSync(natsServerBinary(), ['-t', '-c', basename(NATS_CLUSTER_CONFIG)], {
        cwd: join(ROOT, dirname(NATS_CLUSTER_CONFIG)),
        env: { PATH: process.env.PATH ?? '', ...envOf(nats) },
        encoding: 'utf8',
      });
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
      expect(result.stderr + result.stdout).toMatch(/is valid/);
    }
  });

  it('app services: all three NATS servers, their own NATS user, PostgreSQL, health checks, restart policies, no published ports', () => {
    const natsUrls = natsServices.map(([n]) => `nats://${n}:${clientPort}`).sort();
    for (const [name, service] of apps) {
      const entry = entryOf(service)!;
      const env = envOf(service);
      expect(env.NATS_URL?.split(',').map((u) => u.trim()).sort(), `${name} lists every NATS server`).toEqual(natsUrls);
      expect(env.NATS_USER, name).toBe(entry);
      const passwordVar = natsPasswordVar(entry);
      expect(passwordVar, `${entry} is a user in ${NATS_CONFIG}`).toBeDefined();
      expect(service.environment.NATS_PASSWORD, name).toBe(cluster.services['nats-1']!.environment[passwordVar!]);
      // The one database: PostgreSQL's own user, password and database; no SQLite file.
      expect(env.DATABASE_URL, `${name} sets DATABASE_URL`).toBeDefined();
      const db = new URL(env.DATABASE_URL!);
      expect(db.protocol, name).toBe('postgres:');
      expect([db.hostname, db.port], name).toEqual(['postgres', '5432']);
      expect(decodeURIComponent(db.username), name).toBe(postgresEnv.POSTGRES_USER);
      expect(decodeURIComponent(db.password), name).toBe(postgresEnv.POSTGRES_PASSWORD);
      expect(service.environment.DATABASE_URL, `${name}: the password is POSTGRES_PASSWORD's`).toContain(postgres.environment.POSTGRES_PASSWORD);
      expect(db.pathname, name).toBe(`/${postgresEnv.POSTGRES_DB}`);
      expect(Object.keys(env).filter((k) => /DATABASE_PATH$/.test(k)), name).toEqual([]);
      expect(env.HTTP_PORT, name).toMatch(/^\d+$/);
      const check = service.healthcheck?.test.join(' ') ?? '';
      expect(check, name).toContain('process.env.HTTP_PORT');
      expect(check, name).toContain("'/healthz'");
      expect(service.restart, name).toBe('unless-stopped');
      expect(service.ports, `${name} is reached on the compose network only`).toEqual([]);
      for (const [n] of natsServices) expect(service.depends_on[n]?.condition, `${name} waits for ${n}`).toBe('service_healthy');
      expect(service.depends_on.postgres?.condition, name).toBe('service_healthy');
      if (entry !== 'orchestrator') {
        for (const [o] of apps.filter(([, s]) => entryOf(s) === 'orchestrator')) expect(service.depends_on[o]?.condition, `${name} waits for the streams`).toBe('service_healthy');
      }
      // The same settings as in docker-compose.yml, but for what the cluster changes.
      const single = envOf(compose.services[entry]!);
      for (const [k, v] of Object.entries(single)) {
        if (/^NATS_URL$|DATABASE_PATH$|^OTEL_/.test(k)) continue;
        expect(env[k], `${name} ${k} as in docker-compose.yml`).toBe(v);
      }
    }
  });

  it('orchestrators: streams replicated on the three servers, distinct instance ids', () => {
    const orchestrators = apps.filter(([, s]) => entryOf(s) === 'orchestrator');
    for (const [name, service] of orchestrators) {
      const config = loadOrchestratorConfig(envOf(service));
      expect(config.streamReplicas, name).toBe(natsServices.length);
      expect(config.instanceId, name).toBe(name);
      expect(config.databaseUrl, name).toBeDefined();
    }
    expect(new Set(orchestrators.map(([, s]) => envOf(s).INSTANCE_ID)).size).toBe(orchestrators.length);
  });

  it('PostgreSQL: the image, a named volume, the password from the environment, pg_isready, room for every pool', () => {
    expect(postgres.image).toBe('postgres:15-alpine');
    const data = postgres.volumes.find((v) => v.endsWith(':/var/lib/postgresql/data'));
    expect(data).toBeDefined();
    expect(Object.keys(cluster.volumes)).toContain(data!.split(':')[0]);
    expect(postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:-demo-[a-z-]*change-me\}$/);
    expect(postgres.healthcheck?.test.slice(0, 2)).toEqual(['CMD', 'pg_isready']);
    expect(postgres.healthcheck?.test.join(' ')).toContain(`-U ${postgresEnv.POSTGRES_USER}`);
    expect(postgres.restart).toBe('unless-stopped');
    expect(postgres.ports).toEqual([]);
    // Every pool of every instance at its most must fit in max_connections (less the superuser's 3).
    let connections = 0;
    for (const [name, service] of apps) {
      const env = envOf(service);
      const entry = entryOf(service)!;
      if (entry === 'orchestrator') {
        connections += loadOrchestratorConfig(env).databasePoolSize;
        continue;
      }
      const members: readonly ParticipantName[] = PARTICIPANT_PROCESSES[entry] ?? [entry as ParticipantName];
      const { process, participants } = loadProcessConfig(members.map((m) => PARTICIPANTS[m]), env, COMMAND_KINDS);
      for (const p of participants) expect(p.databaseUrl, `${name} ${p.name} on PostgreSQL`).toBeDefined();
      connections += process.databasePoolSize * participants.length;
    }
    const command = postgres.command?.join(' ') ?? '';
    const max = Number(/max_connections=(\d+)/.exec(command)?.[1] ?? 100);
    expect(connections).toBeLessThanOrEqual(max - 3);
  });

  it('HAProxy: one published API address, round robin over the orchestrators ready on /readyz (any live one when none is), timeouts that keep event streams open', () => {
    const haproxy = cluster.services.haproxy!;
    expect(haproxy.image).toBe('haproxy:3.0-alpine');
    expect(haproxy.volumes).toContain(`./${HAPROXY_CONFIG}:/usr/local/etc/haproxy/haproxy.cfg:ro`);
    expect(haproxy.restart).toBe('unless-stopped');
    const orchestrators = apps.filter(([, s]) => entryOf(s) === 'orchestrator');
    const apiPort = envOf(orchestrators[0]![1]).HTTP_PORT;
    // The same variable and default as docker-compose.yml's orchestrator.
    expect(haproxy.ports).toEqual(compose.services.orchestrator!.ports);
    const frontendPort = /^\s*bind\s+[\d.*]*:(\d+)/m.exec(haproxyCode)?.[1];
    expect(haproxy.ports.map(interpolate).map((p) => p.split(':').pop())).toEqual([frontendPort]);
    // Sections: `backend <name>` up to the next section keyword.
    const sections = Object.fromEntries(
      [...haproxyCode.matchAll(/^(frontend|backend|defaults|global|resolvers)\b[ \t]*(\S*)[^\n]*\n((?:(?!(?:frontend|backend|defaults|global|resolvers)\b)[^\n]*\n?)*)/gm)].map((m) => [`${m[1]} ${m[2]}`.trim(), m[3]!]),
    );
    /** A backend's `server` lines: name, address and the rest of the line. */
    const serversOf = (backend: string) =>
      [...(sections[`backend ${backend}`] ?? '').matchAll(/^\s*server\s+(\S+)\s+([a-z0-9-]+:\d+)([^\n]*)$/gm)].map((m) => ({ name: m[1]!, address: m[2]!, options: m[3]! }));
    const orchestratorAddresses = orchestrators.map(([n, s]) => `${n}:${envOf(s).HTTP_PORT}`).sort();
    expect(apiPort).toBe(frontendPort);
    const frontend = Object.entries(sections).find(([k]) => k.startsWith('frontend '))![1];
    const main = /^\s*default_backend\s+(\S+)/m.exec(frontend)?.[1];
    expect(main).toBeDefined();
    const section = sections[`backend ${main}`] ?? '';
    expect(section).toMatch(/^\s*balance\s+roundrobin\s*$/m);
    expect(section).toMatch(/^\s*option\s+httpchk\s*$/m);
    expect(section).toMatch(/^\s*http-check\s+send\s+meth\s+GET\s+uri\s+\/readyz\s*$/m);
    // Every orchestrator, checked on /readyz...
    const [backups, primaries] = [true, false].map((backup) => serversOf(main!).filter((s) => /\sbackup\b/.test(s.options) === backup));
    expect(primaries!.map((s) => s.address).sort()).toEqual(orchestratorAddresses);
    for (const s of primaries!) expect(s.options, s.name).toMatch(/\scheck\b/);
    // ...and again as a backup that follows its liveness (/healthz) when no orchestrator is ready (fail open).
    expect(section).toMatch(/^\s*option\s+allbackups\s*$/m);
    expect(backups!.map((s) => s.address).sort()).toEqual(orchestratorAddresses);
    for (const s of backups!) {
      const tracked = /\strack\s+(\S+)\/(\S+)/.exec(s.options);
      expect(tracked, s.name).not.toBeNull();
      const alive = serversOf(tracked![1]!).find((t) => t.name === tracked![2]);
      expect(alive?.address, s.name).toBe(s.address);
      expect(alive?.options, s.name).toMatch(/\scheck\b/);
      expect(sections[`backend ${tracked![1]}`], s.name).toMatch(/^\s*http-check\s+send\s+meth\s+GET\s+uri\s+\/healthz\s*$/m);
    }
    // The explorer's event streams send a heartbeat comment (src/ui/sse.ts); the inactivity
    // timeouts must leave room for at least two of them, and upgraded tunnels get a long one.
    const heartbeats = [...readFileSync(join(ROOT, 'src/ui/sse.ts'), 'utf8').matchAll(/heartbeatMs \?\? ([\d_]+)/g)].map((m) => Number(m[1]!.replace(/_/g, '')));
    expect(heartbeats.length).toBeGreaterThan(0);
    const seconds = (name: string): number => {
      const m = new RegExp(`^\\s*timeout\\s+${name}\\s+(\\d+)(ms|s|m|h)?\\s*$`, 'm').exec(haproxyCode);
      expect(m, `timeout ${name}`).not.toBeNull();
      return Number(m![1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[(m![2] ?? 'ms') as 'ms' | 's' | 'm' | 'h'];
    };
    for (const t of ['client', 'server']) expect(seconds(t), `timeout ${t}`).toBeGreaterThanOrEqual((2 * Math.max(...heartbeats)) / 1000);
    expect(seconds('tunnel')).toBeGreaterThanOrEqual(3600);
  });
});

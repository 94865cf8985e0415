import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { killOnExit } from './children.ts';

const CANDIDATES = [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

/** Finds the nats-server binary or fails with a message saying how to install it. */
export function natsServerBinary(): string {
  for (const c of CANDIDATES) if (c && existsSync(c)) return c;
  throw new Error('nats-server not found: install it (apt-get install nats-server) or set NATS_SERVER_BIN');
}

/**
 * Ports for the servers tests start: below Linux's ephemeral range (32768 and up), which every
 * outgoing connection and every port-0 bind draws from. A server restarted on its port (a crash
 * test) would otherwise find it taken by some client's connection in the meantime.
 */
const SERVER_PORTS = { from: 20_000, to: 32_000 };

/** Whether 127.0.0.1:`port` can be listened on now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free TCP port on 127.0.0.1, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = SERVER_PORTS.from + Math.floor(Math.random() * (SERVER_PORTS.to - SERVER_PORTS.from));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${SERVER_PORTS.from} and ${SERVER_PORTS.to}`);
}

/** Polls `check` until it returns true or the deadline passes. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = tcpConnect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** How to start a NatsServer; by default a bare server with JetStream and no authorization. */
export interface NatsServerOptions {
  /**
   * Start with this configuration file (e.g. the deployment's deploy/nats/nats-server.conf). It is
   * included unchanged by a wrapper in the temporary directory that only replaces the JetStream
   * block (nats-server 2.9 refuses `-sd` next to a store_dir in the file); the client and
   * monitoring ports are overridden with flags. Accounts, users and permissions are the file's own.
   */
  configFile?: string;
  /** Extra environment of the server process, e.g. the passwords a config file reads as $VAR. */
  env?: Record<string, string>;
  /** Join a cluster: this server's name, its route port, and every member's route port (see NatsCluster). */
  cluster?: { name: string; serverName: string; routePort: number; routePorts: readonly number[] };
}

/** A nats-server with JetStream on a random loopback port and its own store, for one test file. */
export class NatsServer {
  readonly port: number;
  /** Monitoring port (/healthz, /varz), only served when started with a config file. */
  readonly monitorPort: number;
  readonly storeDir: string;
  private readonly options: NatsServerOptions;
  private proc: ChildProcess | undefined;

  private constructor(port: number, monitorPort: number, storeDir: string, options: NatsServerOptions) {
    this.port = port;
    this.monitorPort = monitorPort;
    this.storeDir = storeDir;
    this.options = options;
  }

  /** Process id of the running server (for CPU accounting in the benchmark). */
  get pid(): number | undefined {
    return this.proc?.pid;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts a server and waits until it accepts connections. */
  static async start(options: NatsServerOptions = {}): Promise<NatsServer> {
    const server = await NatsServer.create(await freePort(), options);
    await server.launch();
    return server;
  }

  /** A server on `port`, not started yet (a cluster starts its members together). */
  static async create(port: number, options: NatsServerOptions = {}): Promise<NatsServer> {
    return new NatsServer(port, await freePort(), mkdtempSync(join(tmpdir(), 'saga-nats-')), options);
  }

  /** Command-line arguments: flags only, or a wrapper config including the given file. */
  private args(): string[] {
    const listen = ['-a', '127.0.0.1', '-p', String(this.port)];
    const c = this.options.cluster;
    const cluster = c
      ? ['--server_name', c.serverName, '--cluster_name', c.name, '--cluster', `nats://127.0.0.1:${c.routePort}`, '--routes', c.routePorts.filter((p) => p !== c.routePort).map((p) => `nats://127.0.0.1:${p}`).join(',')]
      : [];
    if (!this.options.configFile) return [...listen, ...cluster, '-js', '-sd', this.storeDir];
    const wrapper = join(this.storeDir, 'wrapper.conf');
    // 2.9 resolves include paths relative to the including file only (no absolute paths).
    writeFileSync(
      wrapper,
      `include "${relative(this.storeDir, this.options.configFile)}"\njetstream { store_dir: "${this.storeDir}" }\n`,
    );
    return ['-c', wrapper, ...listen, '-m', String(this.monitorPort)];
  }

  /** Starts the (stopped or never started) server and waits until it accepts connections. */
  async launch(): Promise<void> {
    const proc = spawn(natsServerBinary(), this.args(), {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...this.options.env },
    });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    this.proc = proc;
    killOnExit(proc);
    let exited = false;
    proc.once('exit', () => {
      exited = true;
    });
    await waitFor(async () => {
      if (exited) throw new Error(`nats-server exited at start-up: ${stderr}`);
      return portOpen(this.port);
    }, 10_000, `nats-server on port ${this.port}`);
  }

  /** Kills the server (SIGKILL unless told otherwise) and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const proc = this.proc;
    this.proc = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill(signal);
    await exited;
  }

  /** Freezes the server (SIGSTOP): its connections stay open but nothing answers, like a hung host. */
  pause(): void {
    this.proc?.kill('SIGSTOP');
  }

  /** Lets a paused server run again (SIGCONT); harmless if it is not paused. */
  resume(): void {
    this.proc?.kill('SIGCONT');
  }

  /** Stops and starts the server on the same port and store, as a crash and recovery would. */
  async restart(downMs = 0): Promise<void> {
    await this.stop();
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    await this.launch();
  }

  /** Stops the server and deletes its store. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/**
 * A JetStream cluster of `size` nats-servers on loopback ports, each with its own store, routed to
 * every other. `url` lists every member, as a client's NATS_URL would. Members can be killed and
 * restarted one at a time.
 */
export class NatsCluster {
  readonly servers: NatsServer[];

  private constructor(servers: NatsServer[]) {
    this.servers = servers;
  }

  /** Starts every member and waits until the cluster has a JetStream meta leader. */
  static async start(size = 3): Promise<NatsCluster> {
    const ports = await Promise.all(Array.from({ length: size }, () => freePort()));
    const routePorts = await Promise.all(Array.from({ length: size }, () => freePort()));
    const name = `saga-test-${process.pid}`;
    const servers = await Promise.all(ports.map((port, i) => NatsServer.create(port, { cluster: { name, serverName: `n${i + 1}`, routePort: routePorts[i]!, routePorts } })));
    await Promise.all(servers.map((s) => s.launch()));
    return new NatsCluster(servers);
  }

  /** Every member's client URL, comma-separated. */
  get url(): string {
    return this.servers.map((s) => s.url).join(',');
  }

  /** Stops every member and deletes their stores. */
  async dispose(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.dispose()));
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killOnExit } from './children.ts';
import { freePort, waitFor } from './nats-server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type Entry = 'orchestrator' | 'inventory' | 'payment' | 'shipping' | 'travel';

export interface ProcessOptions {
  /** Run dist/bin/<entry>.js (as deployed) instead of src/bin/<entry>.ts. */
  compiled?: boolean;
  /** Checkout to run the code of; defaults to this one. */
  root?: string;
  /** Start the travel process too (default: when the checkout has it). The order benchmark leaves it out, so both builds it compares run the same processes. */
  travel?: boolean;
}

/** One of the four real entry points run as a child process (TypeScript run directly by Node 24). */
export class ServiceProcess {
  readonly entry: Entry;
  readonly env: Record<string, string>;
  private proc: ChildProcess | undefined;
  private output = '';
  exitCode: number | null = null;

  /** Run the compiled entry point (dist/bin/<entry>.js, as deployed) instead of the TypeScript source. */
  private readonly compiled: boolean;
  /** The checkout whose code runs (the benchmark compares this one with another build). */
  private readonly root: string;

  constructor(entry: Entry, env: Record<string, string>, options: ProcessOptions = {}) {
    this.entry = entry;
    this.env = env;
    this.compiled = options.compiled ?? false;
    this.root = options.root ?? ROOT;
  }

  /** Everything the process wrote (last 64 KiB), for failure messages. */
  get logs(): string {
    return this.output;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** Spawns the process and, if it serves HTTP, waits until /healthz answers. */
  async start(): Promise<void> {
    this.exitCode = null;
    const script = this.compiled ? join(this.root, 'dist/bin', `${this.entry}.js`) : join(this.root, 'src/bin', `${this.entry}.ts`);
    const proc = spawn(process.execPath, [script], {
      cwd: this.root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-65_536);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    proc.once('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? 128 : 0);
    });
    this.proc = proc;
    killOnExit(proc);
    const port = this.env.HTTP_PORT;
    if (port) {
      await waitFor(async () => {
        if (this.exitCode !== null) throw new Error(`${this.entry} exited with ${this.exitCode}: ${this.output}`);
        try {
          return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
        } catch {
          return false;
        }
      }, 20_000, `${this.entry} /healthz`);
    }
  }

  /** Freezes the process (SIGSTOP): it holds its connections but does nothing, like a long GC pause. */
  pause(): void {
    this.proc?.kill('SIGSTOP');
  }

  /** Lets a paused process run again (SIGCONT). */
  resume(): void {
    this.proc?.kill('SIGCONT');
  }

  /** Sends a signal and waits for the process to exit; returns its exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<number | null> {
    const proc = this.proc;
    if (!proc || this.exitCode !== null) return this.exitCode;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill(signal);
    await Promise.race([exited, new Promise((_, reject) => setTimeout(() => reject(new Error(`${this.entry} did not exit after ${signal}`)), timeoutMs))]);
    return this.exitCode;
  }
}

/** The orchestrator and the participant processes, each participant with its own database in `dir`. */
export interface ProcessSystem {
  orchestrator: ServiceProcess;
  inventory: ServiceProcess;
  payment: ServiceProcess;
  shipping: ServiceProcess;
  /** flights, hotels and cars, in one process; absent when the checkout predates it (benchmark baselines). */
  travel: ServiceProcess | undefined;
  /** SIGKILLs whatever still runs. */
  killAll(): Promise<void>;
}

type Env = Record<string, string>;

/** Starts the orchestrator (which creates the streams), then the participants, on free ports. */
export async function startProcesses(
  natsUrl: string,
  dir: string,
  env: { all?: Env; orchestrator?: Env; participants?: Env; inventory?: Env; payment?: Env; shipping?: Env; travel?: Env } = {},
  options: ProcessOptions = {},
): Promise<ProcessSystem> {
  const make = async (entry: Entry, own: Env | undefined, group: Env | undefined) => {
    const databases: Env =
      entry === 'travel'
        ? { FLIGHTS_DATABASE_PATH: join(dir, 'flights.db'), HOTELS_DATABASE_PATH: join(dir, 'hotels.db'), CARS_DATABASE_PATH: join(dir, 'cars.db') }
        : { DATABASE_PATH: join(dir, `${entry}.db`) };
    const p = new ServiceProcess(entry, {
      NATS_URL: natsUrl,
      ...databases,
      HTTP_PORT: String(await freePort()),
      ...env.all,
      ...group,
      ...own,
    }, options);
    await p.start();
    return p;
  };
  const orchestrator = await make('orchestrator', env.orchestrator, undefined);
  const inventory = await make('inventory', env.inventory, env.participants);
  const payment = await make('payment', env.payment, env.participants);
  const shipping = await make('shipping', env.shipping, env.participants);
  const root = options.root ?? ROOT;
  const hasTravel = options.travel ?? existsSync(options.compiled ? join(root, 'dist/bin/travel.js') : join(root, 'src/bin/travel.ts'));
  const travel = hasTravel ? await make('travel', env.travel, env.participants) : undefined;
  return {
    orchestrator,
    inventory,
    payment,
    shipping,
    travel,
    async killAll() {
      for (const p of [orchestrator, inventory, payment, shipping, travel]) await p?.stop('SIGKILL').catch(() => null);
    },
  };
}

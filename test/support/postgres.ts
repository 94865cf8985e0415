// A PostgreSQL server of the test's own: Debian's postgresql package (initdb and pg_ctl from
// /usr/lib/postgresql/<major>/bin) in a temporary directory, on a free loopback port, run as the
// postgres user (initdb refuses root). Never the server already running on the machine. It can be
// stopped, killed and restarted on its data, as a crash and recovery would.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './nats-server.ts';

/** The newest installed PostgreSQL's binaries, or a message saying how to install them. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const m of majors) if (existsSync(join(root, m, 'bin', 'initdb'))) return join(root, m, 'bin');
  throw new Error('PostgreSQL not found: install it (apt-get install postgresql)');
}

function ids(user: string): { uid: number; gid: number } {
  const out = execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim();
  const gid = execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim();
  return { uid: Number(out), gid: Number(gid) };
}

/** Runs a PostgreSQL binary as the postgres user when we are root (initdb and postgres refuse root). */
function runAsPostgres(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export class PostgresServer {
  readonly port: number;
  readonly dir: string;
  private readonly bin: string;

  private constructor(port: number, dir: string, bin: string) {
    this.port = port;
    this.dir = dir;
    this.bin = bin;
  }

  /** initdb in a temporary directory, then start on a free port; durability settings are PostgreSQL's defaults. */
  static async start(): Promise<PostgresServer> {
    const bin = postgresBin();
    const dir = mkdtempSync(join(tmpdir(), 'saga-pg-'));
    if (process.getuid?.() === 0) {
      const { uid, gid } = ids('postgres');
      chownSync(dir, uid, gid);
    }
    chmodSync(dir, 0o700);
    runAsPostgres(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-instructions']);
    const server = new PostgresServer(await freePort(), dir, bin);
    server.launch();
    return server;
  }

  /** A connection URL for `database` as the superuser postgres. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /**
   * Starts the server on its data and waits until it accepts connections over TCP. PostgreSQL starts
   * even when its TCP port is taken, on its Unix socket alone: that is checked, and the start
   * retried while the port frees up.
   */
  launch(): void {
    for (let attempt = 1; ; attempt++) {
      this.startOnce();
      const ready = spawnSync(join(this.bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(this.port), '-t', '10'], { encoding: 'utf8' });
      if (ready.status === 0) return;
      this.stop('fast');
      if (attempt >= 10) throw new Error(`PostgreSQL started but does not answer on 127.0.0.1:${this.port}: ${ready.stdout}${this.logTail(1_000)}`);
      spawnSync('sleep', ['0.5']);
    }
  }

  private startOnce(): void {
    runAsPostgres(join(this.bin, 'pg_ctl'), [
      '-D', join(this.dir, 'data'),
      '-l', join(this.dir, 'server.log'),
      // Room for a whole deployment's pools (the chaos run has 11 processes, up to 90 connections).
      '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=300`,
      '-w', '-t', '60', 'start',
    ]);
  }

  /** Stops the server: `fast` (clean shutdown) or `immediate` (no checkpoint: recovery at the next start, as after a crash). */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    runAsPostgres(join(this.bin, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  /** Stops (crash-like by default) and starts again on the same data and port. */
  restart(mode: 'fast' | 'immediate' = 'immediate'): void {
    this.stop(mode);
    this.launch();
  }

  /** Creates an empty database `name` (a letter, then letters, digits or _). */
  createDatabase(name: string): void {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
    runAsPostgres(join(this.bin, 'psql'), ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${name}`]);
  }

  /** The end of the server's log, for failure messages. */
  logTail(chars = 3_000): string {
    try {
      return readFileSync(join(this.dir, 'server.log'), 'utf8').slice(-chars);
    } catch {
      return '(no server log)';
    }
  }

  /** Stops the server (if running) and deletes its data. */
  dispose(): void {
    try {
      this.stop('immediate');
    } catch {
      // Already stopped.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

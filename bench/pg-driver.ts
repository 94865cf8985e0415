// Picks the PostgreSQL driver by measurement (issue 18): node-postgres (`pg`) and Postgres.js
// (`postgres`) run the orchestrator's typical commit, one event applied to one saga, on a server
// of their own (Debian's PostgreSQL, synchronous_commit on): lock the saga row, update it, append
// a history row and an outbox row, commit. Reports commits per second and the client's CPU per
// commit, alternating the drivers. Run: node bench/pg-driver.ts [--commits N] [--concurrency C] [--rounds R]
import { parseArgs } from 'node:util';
import pg from 'pg';
import postgres from 'postgres';
import { PostgresServer } from '../test/support/postgres.ts';

const { values: args } = parseArgs({
  options: { commits: { type: 'string', default: '4000' }, concurrency: { type: 'string', default: '16' }, rounds: { type: 'string', default: '3' } },
});
const COMMITS = Number(args.commits);
const CONCURRENCY = Number(args.concurrency);
const ROUNDS = Number(args.rounds);
const SAGAS = 1_000;
const SNAPSHOT = JSON.stringify({ value: { forward: { chargePayment: 'awaiting' } }, context: { pad: 'x'.repeat(1200) } });
const PAYLOAD = Buffer.alloc(300, 7);

const SCHEMA = `
DROP TABLE IF EXISTS outbox, saga_history, sagas;
CREATE TABLE sagas (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, snapshot TEXT NOT NULL, updated_at BIGINT NOT NULL);
CREATE TABLE saga_history (saga_id TEXT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, event TEXT NOT NULL, PRIMARY KEY (saga_id, seq));
CREATE TABLE outbox (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, saga_id TEXT NOT NULL, msg_id TEXT NOT NULL, payload BYTEA NOT NULL);
INSERT INTO sagas SELECT 's' || i, 0, '{}', 0 FROM generate_series(1, ${SAGAS}) i;`;

interface Driver {
  name: string;
  /** One commit of the workload on saga `id`. */
  commit(id: string): Promise<void>;
  end(): Promise<void>;
}

function nodePostgres(url: string): Driver {
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  return {
    name: 'pg 8 (node-postgres)',
    async commit(id) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const { rows } = await c.query({ name: 'lock', text: 'SELECT seq FROM sagas WHERE id = $1 FOR UPDATE', values: [id] });
        const seq = (rows[0] as { seq: number }).seq + 1;
        await c.query({ name: 'upd', text: 'UPDATE sagas SET seq = $2, snapshot = $3, updated_at = $4 WHERE id = $1', values: [id, seq, SNAPSHOT, Date.now()] });
        await c.query({ name: 'hist', text: 'INSERT INTO saga_history (saga_id, seq, at, event) VALUES ($1, $2, $3, $4)', values: [id, seq, Date.now(), '{"type":"REPLY"}'] });
        await c.query({ name: 'out', text: 'INSERT INTO outbox (saga_id, msg_id, payload) VALUES ($1, $2, $3) RETURNING id', values: [id, `${id}:${seq}`, PAYLOAD] });
        await c.query('COMMIT');
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        c.release();
      }
    },
    end: () => pool.end(),
  };
}

function postgresJs(url: string): Driver {
  const sql = postgres(url, { max: CONCURRENCY, onnotice: () => {} });
  return {
    name: 'postgres 3 (Postgres.js)',
    async commit(id) {
      await sql.begin(async (tx) => {
        const [row] = await tx`SELECT seq FROM sagas WHERE id = ${id} FOR UPDATE`;
        const seq = (row as { seq: number }).seq + 1;
        await tx`UPDATE sagas SET seq = ${seq}, snapshot = ${SNAPSHOT}, updated_at = ${Date.now()} WHERE id = ${id}`;
        await tx`INSERT INTO saga_history (saga_id, seq, at, event) VALUES (${id}, ${seq}, ${Date.now()}, ${'{"type":"REPLY"}'})`;
        await tx`INSERT INTO outbox (saga_id, msg_id, payload) VALUES (${id}, ${`${id}:${seq}`}, ${PAYLOAD}) RETURNING id`;
      });
    },
    end: () => sql.end(),
  };
}

async function run(driver: Driver): Promise<{ perSecond: number; cpuMs: number }> {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (;;) {
        const i = next++;
        if (i >= COMMITS) return;
        // Each worker has its own sagas: no lock waits, only the commit path is measured.
        await driver.commit(`s${1 + ((i * CONCURRENCY + w) % SAGAS)}`);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { perSecond: COMMITS / seconds, cpuMs: (cpu.user + cpu.system) / 1000 / COMMITS };
}

const server = await PostgresServer.start();
try {
  const setup = new pg.Client({ connectionString: server.url() });
  await setup.connect();
  const { rows } = await setup.query('SHOW synchronous_commit');
  console.log(`PostgreSQL on :${server.port}, synchronous_commit ${(rows[0] as { synchronous_commit: string }).synchronous_commit}; ${COMMITS} commits per run, ${CONCURRENCY} at once`);
  const results = new Map<string, { perSecond: number; cpuMs: number }[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const make of round % 2 === 0 ? [nodePostgres, postgresJs] : [postgresJs, nodePostgres]) {
      await setup.query(SCHEMA);
      const driver = make(server.url());
      // A warm-up run (connections opened, statements prepared), then the measured one on a fresh schema.
      await run(driver);
      await setup.query(SCHEMA);
      const r = await run(driver);
      await driver.end();
      console.log(`round ${round + 1} ${driver.name}: ${r.perSecond.toFixed(0)} commits/s, ${r.cpuMs.toFixed(3)} ms client CPU per commit`);
      results.set(driver.name, [...(results.get(driver.name) ?? []), r]);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [name, rs] of results) {
    console.log(`median ${name}: ${median(rs.map((r) => r.perSecond)).toFixed(0)} commits/s, ${median(rs.map((r) => r.cpuMs)).toFixed(3)} ms client CPU per commit`);
  }
  await setup.end();
} finally {
  server.dispose();
}

// `npm run bench -- --modes engine`: the orchestrator's saga work alone, in-process. The engine and
// its SQLite store on a real file (group commit, WAL fsync as deployed) drive order sagas through
// the happy path: a wave of starts, then for each step the records of what JetStream acknowledged
// and the participants' replies, as the outbox relay and the reply consumer submit them. No NATS,
// no HTTP, no other process: the CPU it reports is the engine's, with a spread of a few percent
// where the whole system's is ±10 %, so it can judge a change to the engine that the system
// cannot. Runs as a child process (a fresh V8 each time) against a build's compiled `dist/`:
//
//   node bench/engine-cpu.ts --root <checkout> [--sagas 4000] [--wave 50]
//
// and prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchOrderInput } from './load.ts';

/** What one run measured. */
export interface EngineRun {
  sagas: number;
  completed: number;
  cpuMsPerSaga: number;
  wallMsPerSaga: number;
}

interface OutboxRecord {
  id: number;
  saga_id: string;
  msg_id: string;
  subject: string;
  payload: Uint8Array;
}

const PARTICIPANTS = ['inventory', 'payment', 'shipping'];
// Long enough that no timer falls due during a run: the happy path only.
const STEP = { maxAttempts: 3, timeoutMs: 600_000, queueTimeoutMs: 600_000, initialBackoffMs: 100, multiplier: 2, maxBackoffMs: 1_000, jitter: 0 };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { root: { type: 'string' }, sagas: { type: 'string', default: '4000' }, wave: { type: 'string', default: '50' } } });
  if (!values.root) throw new Error('--root <checkout with a build in dist/> is required');
  const dist = resolve(values.root, 'dist');
  // The build's compiled modules, typed as this checkout's: a build measured here has the same API.
  const load = <M>(path: string) => import(pathToFileURL(join(dist, path)).href) as Promise<M>;
  const [{ SagaEngine }, store, { allSagaDefinitions }, { decodeCommand }] = await Promise.all([
    load<typeof import('../src/engine/index.ts')>('src/engine/index.js'),
    load<typeof import('../src/store/index.ts')>('src/store/index.js'),
    load<typeof import('../sagas/registry.ts')>('sagas/registry.js'),
    load<typeof import('../src/contracts/index.ts')>('src/contracts/index.js'),
  ]);
  if (typeof store.SagaStore?.prototype?.markPublished !== 'function') throw new Error(`${values.root}: its SagaStore has no markPublished (builds from issue 13 on)`);

  const dir = mkdtempSync(join(tmpdir(), 'saga-bench-engine-'));
  const db = store.openDatabase(join(dir, 'orchestrator.db'));
  try {
    store.migrate(db, 'orchestrator');
    const sagaStore = new store.SagaStore(db);
    const engine = new SagaEngine({ store: sagaStore, definitions: allSagaDefinitions({ step: STEP, compensation: STEP }) });
    const readOutbox = db.prepare('SELECT id, saga_id, msg_id, subject, payload FROM outbox WHERE id > ? ORDER BY id');
    let publishedThrough = 0;

    /** What the relay does once JetStream acknowledged every queued row; returns the commands for the participants. */
    const publishAll = async () => {
      const rows = readOutbox.all(publishedThrough) as OutboxRecord[];
      if (rows.length === 0) return [];
      publishedThrough = rows.at(-1)!.id;
      const commands = rows.filter((r) => r.subject.startsWith('saga.cmd.'));
      const at = Date.now();
      await engine.submit(
        () => sagaStore.markPublished(publishedThrough, commands.map((r) => ({ sagaId: r.saga_id, msgId: r.msg_id, subject: r.subject, streamSeq: r.id, at }))),
        {},
        { durable: false },
      );
      return commands.map((r) => decodeCommand(r.payload));
    };

    const wave = async (size: number) => {
      await Promise.all(
        Array.from({ length: size }, () => engine.startSaga('order', benchOrderInput('engine').input)),
      );
      for (const participant of PARTICIPANTS) {
        const commands = await publishAll();
        // One submission per reply, as the reply consumer's batches arrive: group commit joins them.
        await Promise.all(
          commands.map((c) =>
            engine.submit(
              (e) =>
                e.applyBatch([{ sagaId: c.sagaId, event: { type: 'REPLY', at: Date.now(), participant, commandId: c.commandId, attempt: c.attempt, outcome: 'OK', reasonCode: '', detail: 'done' } }]),
              { sagaIds: [c.sagaId] },
            ),
          ),
        );
      }
      await publishAll();
    };

    const sagas = Number(values.sagas);
    const waveSize = Number(values.wave);
    await wave(waveSize); // warm-up: compiled code and caches, not counted
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    for (let done = 0; done < sagas; done += waveSize) await wave(Math.min(waveSize, sagas - done));
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - wallBefore;
    const completed = (db.prepare("SELECT count(*) FROM sagas WHERE status = 'completed'").pluck().get() as number) - waveSize;
    const run: EngineRun = {
      sagas,
      completed,
      cpuMsPerSaga: Math.round(((cpu.user + cpu.system) / 1000 / sagas) * 1000) / 1000,
      wallMsPerSaga: Math.round((wall / sagas) * 1000) / 1000,
    };
    console.log(JSON.stringify(run));
  } finally {
    store.closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

// npm run migrate-store -- --from <sqlite file> --to <postgres url>: copies a stopped
// orchestrator's sagas, history, outbox, timers and idempotency keys from SQLite into an empty
// PostgreSQL database, verifies the counts, and refuses while an orchestrator holds the file.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { classify } from '../errors.ts';
import { copySqliteToPostgres } from '../store/postgres/copy-from-sqlite.ts';

const USAGE = 'usage: npm run migrate-store -- --from <orchestrator.db> --to postgres://user@host:port/database\n';

let values: { from?: string; to?: string };
try {
  ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true }));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!values.from || !values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
  process.stderr.write(USAGE);
  process.exit(2);
}

/** The URL without its password, for messages. */
const shown = values.to.replace(/^(postgres(?:ql)?:\/\/[^:@/]+):[^@/]*@/, '$1:***@');
const client = new pg.Client({ connectionString: values.to });
try {
  await client.connect();
  const started = Date.now();
  const counts = await copySqliteToPostgres(values.from, client);
  process.stdout.write(
    `copied ${values.from} to ${shown} in ${Date.now() - started} ms: ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')}; counts verified\n`,
  );
  await client.end();
} catch (err) {
  const e = classify(err);
  process.stderr.write(`migrate-store: ${e.code}: ${e.kind === 'bug' && !(err instanceof Error) ? String(err) : e.message}\n`);
  await client.end().catch(() => {});
  process.exit(1);
}

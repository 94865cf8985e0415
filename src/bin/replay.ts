// npm run replay -- --db PATH [--type T] [--to-version V] [--limit N]: replays recorded sagas from an
// orchestrator database through the definitions (src/verify/replay.ts) and reports, per saga, the
// first event where they now send other commands or reach another status. Exit 1 if any differs.
// The retry policies come from the same STEP_* / COMPENSATION_* variables as the orchestrator's.
import { parseArgs } from 'node:util';
import { registerSagaTypes } from '../../sagas/registry.ts';
import { loadOrchestratorConfig } from '../config/orchestrator.ts';
import { readRecordedSagas } from '../store/index.ts';
import { formatReplay, replaySaga } from '../verify/index.ts';

const USAGE = 'usage: npm run replay -- --db PATH [--type T] [--to-version V] [--limit N]';
let options: { db: string; type?: string; toVersion?: number; limit?: number };
try {
  const { values } = parseArgs({ options: { db: { type: 'string' }, type: { type: 'string' }, 'to-version': { type: 'string' }, limit: { type: 'string' } }, strict: true });
  if (!values.db) throw new Error('--db is required');
  const int = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--${name} must be a positive integer`);
    return Number(v);
  };
  options = { db: values.db, type: values.type, toVersion: int('to-version', values['to-version']), limit: int('limit', values.limit) };
  if (options.toVersion !== undefined && !options.type) throw new Error('--to-version needs --type');
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
}

const config = loadOrchestratorConfig(process.env);
const types = registerSagaTypes({ step: config.stepPolicy, compensation: config.compensationPolicy });
const definition = (type: string, version: number) => types.find((t) => t.plugin.name === type)?.definitions.find((d) => d.version === version);
if (options.type && !types.some((t) => t.plugin.name === options.type)) {
  process.stderr.write(`no saga type ${options.type}; known types: ${types.map((t) => t.plugin.name).join(', ')}\n`);
  process.exit(2);
}
if (options.toVersion !== undefined && !definition(options.type!, options.toVersion)) {
  process.stderr.write(`saga type ${options.type} has no version ${options.toVersion}\n`);
  process.exit(2);
}

const sagas = readRecordedSagas(options.db, { type: options.type, limit: options.limit });
const results = sagas.map((saga) => {
  const def = definition(saga.type, options.toVersion ?? saga.version);
  if (!def) throw new Error(`saga ${saga.id}: definition ${saga.type}@${saga.version} is not loaded`);
  return replaySaga(saga, def);
});
process.stdout.write(`${formatReplay(results)}\n`);
process.exit(results.some((r) => r.divergence) ? 1 : 0);

// npm run check:sagas: explores every registered saga type and version (src/verify) and exits 1 on
// any violation, printing the shortest event sequence that shows it. With --write, first writes
// each type's compensation map (sagas/<type>/compensation-map.ts) from the explored paths.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAGA_TYPES } from '../../sagas/registry.ts';
import { checkSagaTypes, EXPLORATION_BOUND, formatExploration, writeCompensationMaps } from '../verify/index.ts';

const args = process.argv.slice(2);
if (args.some((a) => a !== '--write')) {
  process.stderr.write('usage: npm run check:sagas [-- --write]\n');
  process.exit(2);
}
const started = Date.now();
let results = checkSagaTypes(SAGA_TYPES);
if (args.includes('--write')) {
  // The repository root, from src/bin/ or dist/src/bin/: the folder holding sagas/.
  const here = dirname(fileURLToPath(import.meta.url));
  const root = resolve(here, here.includes('/dist/') ? '../../..' : '../..');
  for (const file of writeCompensationMaps(root, results)) process.stdout.write(`wrote ${file}\n`);
  process.stdout.write('the definitions read these files at load: run the check again to verify them\n');
  process.exit(0);
}
process.stdout.write(`bound: ${EXPLORATION_BOUND}\n`);
for (const r of results) process.stdout.write(`${formatExploration(r)}\n`);
const failed = results.filter((r) => r.violations.length > 0);
process.stdout.write(`${results.length} definition(s) checked in ${Date.now() - started} ms; ${failed.length === 0 ? 'all hold' : `${failed.length} with violations`}\n`);
process.exit(failed.length === 0 ? 0 : 1);

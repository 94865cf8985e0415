// npm run check:sagas: explores every registered saga type and version (src/verify) and exits 1 on
// any violation, printing the shortest event sequence that shows it.
import { SAGA_TYPES } from '../../sagas/registry.ts';
import { checkSagaTypes, EXPLORATION_BOUND, formatExploration } from '../verify/index.ts';

const started = Date.now();
const results = checkSagaTypes(SAGA_TYPES);
process.stdout.write(`bound: ${EXPLORATION_BOUND}\n`);
for (const r of results) process.stdout.write(`${formatExploration(r)}\n`);
const failed = results.filter((r) => r.violations.length > 0);
process.stdout.write(`${results.length} definition(s) checked in ${Date.now() - started} ms; ${failed.length === 0 ? 'all hold' : `${failed.length} with violations`}\n`);
process.exit(failed.length === 0 ? 0 : 1);

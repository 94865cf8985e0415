// The recorded histories of every order and trip path (test/fixtures/histories.json, written by
// npm run record:histories) replayed through the current definitions: a change in what a saga sends
// or which status it reaches fails here, event by event, until it is looked at and recorded again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BasePolicies } from '../../sagas/kit/index.ts';
import { registerSagaTypes } from '../../sagas/registry.ts';
import { formatReplay, replaySaga, type RecordedSaga } from '../../src/verify/index.ts';

const fixtures = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/histories.json'), 'utf8')) as {
  policies: BasePolicies;
  sagas: (RecordedSaga & { path: string })[];
};
// The definitions on the policies the histories were recorded with: attempts counts are behaviour too.
const types = registerSagaTypes(fixtures.policies);

describe('recorded histories replayed through the current definitions', () => {
  it('cover every path of both types', () => {
    expect(new Set(fixtures.sagas.map((s) => s.type))).toEqual(new Set(types.map((t) => t.plugin.name)));
    const outcomes = new Set(fixtures.sagas.map((s) => s.history.at(-1)!.status));
    expect(outcomes).toEqual(new Set(['completed', 'cancelled', 'needs_attention']));
  });

  it.each(fixtures.sagas.map((s) => [s.path, s] as const))('%s: every event does what it did', (_path, saga) => {
    const def = types.find((t) => t.plugin.name === saga.type)!.definitions.find((d) => d.version === saga.version)!;
    const result = replaySaga(saga, def);
    expect(result.divergence, `${formatReplay([result])}\nIf the change is wanted: npm run record:histories`).toBeNull();
  });
});

// Dependencies point one way (DESIGN.md, "Layout"): the rooms below may not import what their rule
// names. A known violation is listed with the issue that removes it, so a new one fails at once.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importEdges, sourceFiles, violations, type DependencyRule } from '../support/import-graph.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A room: a folder under the root, e.g. room('src/engine') matches src/engine/… */
const room = (path: string) => new RegExp(`^${path.replace(/[.]/g, '\\.')}/`);
/** A saga type: anything under sagas/ but the kit (sagas/registry.ts lists the types, so it counts). */
const SAGA_TYPE = /^sagas\/(?!kit\/)/;
/** A saga type's machine or plugin: anything of a type but its contract package (sagas/<type>/contracts/). */
const SAGA_MACHINE = /^sagas\/(?!kit\/)(?![^/]+\/contracts\/)/;

const RULES: DependencyRule[] = [
  {
    name: 'sagas are pure: only the kit, other saga code and the contracts',
    from: /^sagas\//,
    not: [/^src\/(?!contracts\/)/],
  },
  {
    name: 'the kit knows no saga type',
    from: room('sagas/kit'),
    not: [SAGA_TYPE],
  },
  {
    name: 'engine, store, messaging, contracts, http, telemetry, the API, the explorer and the checker import no saga type (only the kit)',
    from: /^src\/(engine|store|messaging|contracts|http|telemetry|api|ui|verify)\//,
    not: [SAGA_TYPE],
  },
  {
    name: 'store knows nothing of messaging, sagas, the engine or the services',
    from: room('src/store'),
    not: [room('src/messaging'), /^sagas\//, room('src/engine'), room('src/api'), room('src/participants'), room('src/telemetry')],
  },
  {
    name: 'messaging and contracts know nothing of storage, sagas, the engine or the services',
    from: /^src\/(messaging|contracts)\//,
    not: [room('src/store'), /^sagas\//, room('src/engine'), room('src/api'), room('src/participants'), room('src/telemetry')],
  },
  {
    name: 'the engine does not call the HTTP layer or the participants',
    from: room('src/engine'),
    not: [room('src/api'), room('src/http'), room('src/participants'), room('src/config')],
  },
  {
    name: 'participants know nothing of the orchestrator or of saga machines (only the contracts they serve)',
    from: room('src/participants'),
    not: [room('src/engine'), room('src/api'), SAGA_MACHINE],
  },
  {
    name: 'the participant kit knows no participant and no saga type',
    from: room('src/participants/kit'),
    not: [/^src\/participants\/(?!kit\/)/, /^sagas\//],
  },
  {
    name: 'the API does not reach into the participants',
    from: room('src/api'),
    not: [room('src/participants')],
  },
  {
    name: 'shared HTTP plumbing knows no service',
    from: room('src/http'),
    not: [room('src/engine'), room('src/api'), room('src/participants'), room('src/store'), /^sagas\//],
  },
  {
    name: 'only the composition roots are imported by nobody',
    from: /^(src|sagas)\//,
    not: [room('src/bin')],
  },
];

describe('dependency rules', () => {
  const files = sourceFiles(ROOT, ['src', 'sagas']);

  it('hold for the whole tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(violations(importEdges(ROOT, files), RULES)).toEqual([]);
  });

  it('every known violation still exists (remove it from the list once fixed)', () => {
    const edges = importEdges(ROOT, files);
    for (const rule of RULES) {
      for (const a of rule.allowed ?? []) expect(edges, `${rule.name}: ${a.from} -> ${a.to}`).toContainEqual({ from: a.from, to: a.to });
    }
  });

  it('fail when an engine file imports a saga type, with the rule and the edge named', () => {
    const read = (file: string) =>
      file === 'src/engine/engine.ts'
        ? `${readFileSync(resolve(ROOT, file), 'utf8')}\nimport { orderSagaV1 } from '../../sagas/order/index.ts';\n`
        : readFileSync(resolve(ROOT, file), 'utf8');
    expect(violations(importEdges(ROOT, files, read), RULES)).toEqual([
      'engine, store, messaging, contracts, http, telemetry, the API, the explorer and the checker import no saga type (only the kit): src/engine/engine.ts -> sagas/order/index.ts',
    ]);
  });

  it('fail when the store imports messaging, or a participant the engine, through any import form', () => {
    const extra: Record<string, string> = {
      'src/store/saga-store.ts': "export { STREAM } from '../messaging/subjects.ts';\n",
      'src/participants/kit/runtime.ts': "const engine = await import('../../engine/engine.ts');\n",
      'src/participants/payment/domain.ts': "import { tripSagaV1 } from '../../../sagas/trip/index.ts';\n",
      'src/http/health.ts': "import '../api/app.ts';\n",
    };
    const read = (file: string) => readFileSync(resolve(ROOT, file), 'utf8') + (extra[file] ?? '');
    expect(violations(importEdges(ROOT, files, read), RULES).sort()).toEqual(
      [
        'store knows nothing of messaging, sagas, the engine or the services: src/store/saga-store.ts -> src/messaging/subjects.ts',
        'participants know nothing of the orchestrator or of saga machines (only the contracts they serve): src/participants/kit/runtime.ts -> src/engine/engine.ts',
        'participants know nothing of the orchestrator or of saga machines (only the contracts they serve): src/participants/payment/domain.ts -> sagas/trip/index.ts',
        'shared HTTP plumbing knows no service: src/http/health.ts -> src/api/app.ts',
      ].sort(),
    );
  });

  it('only the composition roots read process.env', () => {
    const readers = files.filter((f) => /process\.env\b/.test(readFileSync(resolve(ROOT, f), 'utf8')));
    expect(readers.every((f) => f.startsWith('src/bin/'))).toBe(true);
  });
});

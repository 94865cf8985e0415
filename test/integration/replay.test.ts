// Replay of recorded histories (npm run replay): sagas of both types run against a real
// nats-server, then their histories, read from the orchestrator's database, are replayed through
// the definitions. The current definitions do exactly what was recorded; a changed one is caught at
// the first event where it sends something else.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecordedSagas } from '../../src/store/index.ts';
import { formatReplay, replaySaga } from '../../src/verify/index.ts';
import { edit, mutate, type Config } from '../support/mutate-machine.ts';
import { TestSystem } from '../support/system.ts';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('replay of recorded histories', () => {
  let sys: TestSystem;
  let dbPath: string;
  const ids: string[] = [];

  beforeAll(async () => {
    sys = await TestSystem.start({ defaultStock: 100 });
    dbPath = join(sys.dir, 'orchestrator.db');
    sys.payment.domain.setBalance('poor', 1);
    sys.flights.domain.setCapacity('SOLD', 0);
    ids.push(
      sys.startOrder(),
      sys.startOrder({ customerId: 'poor' }),
      sys.startOrder({ shippingAddress: { line1: '1 Ice Rd', city: 'McMurdo', postalCode: '0', country: 'AQ' } }),
      sys.startTrip(),
      sys.startTrip({ flight: { number: 'SOLD', date: '2027-01-01', seats: 1, pricePerSeat: 1 } }),
      sys.startTrip({ car: { city: 'Atlantis', pickUp: '2027-01-01', days: 1, pricePerDay: 1 } }),
    );
    for (const id of ids) await sys.waitForStatus(id, ['completed', 'cancelled']);
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  it('the current definitions do what every recorded saga did, event by event', () => {
    const sagas = readRecordedSagas(dbPath);
    expect(sagas.map((s) => s.id).sort()).toEqual([...ids].sort());
    const results = sagas.map((s) => replaySaga(s, sys.sagaTypes.find((t) => t.plugin.name === s.type)!.definitions[0]!));
    expect(results.map((r) => r.divergence), formatReplay(results)).toEqual(results.map(() => null));
    expect(results.every((r) => r.events >= 3)).toBe(true);
    expect(readRecordedSagas(dbPath, { type: 'trip', limit: 2 }).map((s) => s.type)).toEqual(['trip', 'trip']);
  });

  it('a definition that skips the charge is caught at the reply after which it sends something else', () => {
    const order = sys.sagaTypes.find((t) => t.plugin.name === 'order')!.definitions[0]!;
    const noCharge = mutate(order, (c) =>
      edit(c, ['forward', 'reserveInventory'], (step) => {
        const replies = (step.on as { REPLY: Config[] }).REPLY.map((t, i) => (i === 0 ? { ...t, target: '#scheduleShipment' } : t));
        return { ...step, on: { ...(step.on as Config), REPLY: replies } };
      }),
    );
    const recorded = readRecordedSagas(dbPath, { type: 'order' }).find((s) => s.id === ids[0])!;
    const result = replaySaga(recorded, noCharge);
    expect(result.divergence).toMatchObject({
      event: 'REPLY',
      recorded: { status: 'running', commands: ['chargePayment#1'] },
      replayed: { status: 'running', commands: ['scheduleShipment#1'] },
    });
    expect(formatReplay([result])).toContain(`differs at event ${result.divergence!.seq} REPLY`);
  });

  it('npm run replay: exit 0 when every saga does what it did, a usage error for bad arguments', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'src/bin/replay.ts'), '--db', dbPath], { env: { ...process.env, STEP_MAX_ATTEMPTS: '3' } });
    expect(stdout).toContain('6 saga(s) replayed');
    expect(stdout).toContain('every one does what it did');
    const bad = await run(process.execPath, [join(ROOT, 'src/bin/replay.ts'), '--type', 'order'], {}).catch((err: { code: number; stderr: string }) => err);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--db is required') });
    // Moving the trips to a version: the one they ran on is safe; one that does not exist is refused.
    const moved = await run(process.execPath, [join(ROOT, 'src/bin/replay.ts'), '--db', dbPath, '--type', 'trip', '--to-version', '1', '--limit', '2']);
    expect(moved.stdout).toContain('2 saga(s) replayed');
    const noSuchVersion = await run(process.execPath, [join(ROOT, 'src/bin/replay.ts'), '--db', dbPath, '--type', 'trip', '--to-version', '9']).catch((err: { code: number; stderr: string }) => err);
    expect(noSuchVersion).toMatchObject({ code: 2, stderr: expect.stringContaining('saga type trip has no version 9') });
  });
});

// Several orchestrator processes on one PostgreSQL database (DATABASE_URL), all active: sagas
// started through either API are driven by whichever instance takes their replies and timers, and
// when one instance is SIGKILLed the others take over what it held: its leased outbox rows once
// the lease runs out, its unacknowledged replies once their ack wait runs out, its timers at once.
// Inventory runs as two instances on the same database (its own schema), sharing its consumer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NatsServer, freePort, waitFor } from '../support/nats-server.ts';
import { PostgresServer } from '../support/postgres.ts';
import { ServiceProcess, startProcesses, type ProcessSystem } from '../support/processes.ts';
import { orderBody } from '../support/system.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats, STREAM } from '../../src/messaging/index.ts';
import { ORCHESTRATOR_DURABLE } from '../../src/engine/orchestrator.ts';

/** The outbox lease (PgSagaStore's default) and the claim poll: the bound on taking over a dead instance's rows. */
const LEASE_MS = 5_000;
const CLAIM_POLL_MS = 1_000;
const REPLY_ACK_WAIT_MS = 5_000;

describe('several orchestrators on PostgreSQL', () => {
  let nats: NatsServer;
  let postgres: PostgresServer;
  let db: pg.Pool;
  let dir: string;
  let system: ProcessSystem;
  let second: ServiceProcess;
  let inventoryB: ServiceProcess;
  /** Instance A reaches NATS through it, so a test can cut A off from the broker alone. */
  let proxy: TcpProxy;
  const apis: string[] = [];

  const orchestratorEnv = (id: string) => ({
    DATABASE_URL: postgres.url(),
    INSTANCE_ID: id,
    REPLY_ACK_WAIT_MS: String(REPLY_ACK_WAIT_MS),
    STEP_TIMEOUT_MS: '2000',
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saga-multi-'));
    nats = await NatsServer.start();
    postgres = await PostgresServer.start();
    db = new pg.Pool({ connectionString: postgres.url(), max: 2 });
    proxy = await TcpProxy.start(nats.port);
    system = await startProcesses(nats.url, dir, {
      orchestrator: { ...orchestratorEnv('A'), NATS_URL: `nats://127.0.0.1:${proxy.port}` },
      participants: { INVENTORY_DEFAULT_STOCK: '1000000' },
      inventory: { DATABASE_URL: postgres.url() },
    });
    inventoryB = new ServiceProcess('inventory', { ...system.inventory.env, HTTP_PORT: String(await freePort()) });
    await inventoryB.start();
    second = new ServiceProcess('orchestrator', { NATS_URL: nats.url, HTTP_PORT: String(await freePort()), ...orchestratorEnv('B') });
    await second.start();
    apis.push(`http://127.0.0.1:${system.orchestrator.env.HTTP_PORT}`, `http://127.0.0.1:${second.env.HTTP_PORT}`);
  }, 120_000);

  afterAll(async () => {
    await second?.stop('SIGKILL').catch(() => null);
    await inventoryB?.stop('SIGKILL').catch(() => null);
    await system?.killAll();
    await proxy?.cut();
    await db?.end();
    postgres?.dispose();
    nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (sql: string, values: unknown[] = []) => Number((await db.query<{ n: string }>(sql, values)).rows[0]!.n);

  /** Posts an order to `api`; resolves with its saga id, or null when that instance is down. */
  async function post(api: string, body: Record<string, unknown>): Promise<string | null> {
    try {
      const res = await fetch(`${api}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 202) throw new Error(`POST /orders: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { sagaId: string }).sagaId;
    } catch (err) {
      if ((err as Error).message.startsWith('POST /orders')) throw err;
      return null;
    }
  }

  /** What must hold of every saga whatever the instances did: one sequence per saga, each reply applied once, nothing left behind. */
  async function expectConsistent(): Promise<void> {
    expect(await count("SELECT count(*) AS n FROM sagas WHERE status NOT IN ('completed', 'cancelled')")).toBe(0);
    // A killed instance's last rows (e.g. a final event) go out once their lease ran out.
    await waitFor(async () => (await count('SELECT count(*) AS n FROM outbox')) === 0, LEASE_MS + CLAIM_POLL_MS + 5_000, 'the outbox drained');
    // Two instances applying events to one saga at once would leave a gap, a duplicate or a mismatch here.
    expect(await count(`SELECT count(*) AS n FROM sagas s WHERE s.seq <> (SELECT count(*) FROM saga_history h WHERE h.saga_id = s.id)
      OR s.seq <> (SELECT max(seq) FROM saga_history h WHERE h.saga_id = s.id)`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM (SELECT saga_id, event::jsonb->>'commandId' AS c FROM saga_history
      WHERE event_type = 'REPLY' AND ignored = 0 GROUP BY 1, 2 HAVING count(*) > 1) d`)).toBe(0);
    // One reservation per saga, across both inventory instances, and the stock adds up: 2 units per order.
    expect(await count('SELECT count(*) AS n FROM sagas s WHERE NOT EXISTS (SELECT 1 FROM inventory.reservations r WHERE r.order_id = s.business_key)')).toBe(0);
    expect(await count("SELECT count(*) AS n FROM inventory.processed_commands WHERE kind = 'reserveInventory'")).toBe(await count('SELECT count(*) AS n FROM sagas'));
    const held = await count("SELECT coalesce(sum((i->>'quantity')::int), 0) AS n FROM inventory.reservations r, jsonb_array_elements(r.items) i WHERE r.status = 'reserved'");
    expect(await count('SELECT reserved AS n FROM inventory.stock WHERE sku = $1', ['SKU-1'])).toBe(held);
    expect(await count('SELECT available + reserved AS n FROM inventory.stock WHERE sku = $1', ['SKU-1'])).toBe(1_000_000);
  }

  it('drives sagas started through either instance to the same outcomes', async () => {
    const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => post(apis[i % 2]!, orderBody({ orderId: `both-${i}`, customerId: `c-${i}`, shippingAddress: { line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: i % 10 === 0 ? 'AQ' : 'DE' } }))));
    expect(ids.every((id) => id !== null)).toBe(true);
    await waitFor(async () => (await count("SELECT count(*) AS n FROM sagas WHERE status IN ('running', 'compensating')")) === 0, 60_000, 'every saga final');
    await expectConsistent();
    expect(await count("SELECT count(*) AS n FROM sagas WHERE status = 'completed'")).toBe(54);
    expect(await count("SELECT count(*) AS n FROM sagas WHERE status = 'cancelled' AND reason = 'SHIPPING_UNAVAILABLE'")).toBe(6);
    // Any instance answers for any saga.
    for (const api of apis) expect(await (await fetch(`${api}/sagas/${ids[1]}`)).json()).toMatchObject({ sagaId: ids[1], status: 'completed' });
  }, 90_000);

  it('takes over the outbox rows a SIGKILLed instance held, within lease + poll, and finishes its sagas', async () => {
    // Cut off from the broker, A still commits the sagas it is asked to start: their messages wait
    // in the outbox, leased to A (which renews the lease while it lives).
    await proxy.cut();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await post(apis[0]!, orderBody({ orderId: `held-${i}`, customerId: `h-${i}` })))!);
    const held = await count("SELECT count(*) AS n FROM outbox WHERE claimed_by = 'A'");
    expect(held).toBe(40);
    await new Promise((r) => setTimeout(r, LEASE_MS + CLAIM_POLL_MS));
    // Alive, A keeps its rows: nobody else publishes them.
    expect(await count("SELECT count(*) AS n FROM outbox WHERE claimed_by = 'A'")).toBe(40);
    await system.orchestrator.stop('SIGKILL');
    const killedAt = Date.now();
    await waitFor(async () => (await count("SELECT count(*) AS n FROM outbox WHERE claimed_by = 'A'")) === 0, LEASE_MS + CLAIM_POLL_MS + 5_000, "A's outbox rows taken over");
    const takenOverMs = Date.now() - killedAt;
    await waitFor(async () => (await count("SELECT count(*) AS n FROM sagas WHERE id = ANY($1) AND status = 'completed'", [ids])) === ids.length, 30_000, "A's sagas completed");
    const completedMs = Date.now() - killedAt;
    process.stdout.write(`takeover: ${held} outbox rows leased to the killed instance; taken over ${takenOverMs} ms after the kill (lease ${LEASE_MS} ms, poll ${CLAIM_POLL_MS} ms); its ${ids.length} sagas completed ${completedMs} ms after it\n`);
    expect(takenOverMs).toBeLessThanOrEqual(LEASE_MS + CLAIM_POLL_MS + 2_000);
    await proxy.open();
  }, 90_000);

  it('hands the replies a frozen, then SIGKILLed, instance had taken to another within the ack wait', async () => {
    await system.orchestrator.start();
    const nc = await connectNats({ servers: nats.url, name: 'takeover-observer' });
    try {
      const jsm = await jetstreamManager(nc);
      // Frozen, A keeps the pull requests it had open: replies the server hands to them wait, unacknowledged.
      system.orchestrator.pause();
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push((await post(apis[1]!, orderBody({ orderId: `frozen-${i}`, customerId: `f-${i}` })))!);
      let held = 0;
      await waitFor(async () => (held = (await jsm.consumers.info(STREAM.replies, ORCHESTRATOR_DURABLE)).num_ack_pending) > 0, 10_000, 'replies held by the frozen instance');
      await system.orchestrator.stop('SIGKILL');
      const killedAt = Date.now();
      await waitFor(async () => (await count("SELECT count(*) AS n FROM sagas WHERE id = ANY($1) AND status = 'completed'", [ids])) === ids.length, REPLY_ACK_WAIT_MS + 15_000, 'the sagas whose replies A held');
      const doneMs = Date.now() - killedAt;
      process.stdout.write(`takeover: ${held} replies held unacknowledged by the frozen instance; its sagas completed ${doneMs} ms after the kill (ack wait ${REPLY_ACK_WAIT_MS} ms)\n`);
      expect(doneMs).toBeLessThanOrEqual(REPLY_ACK_WAIT_MS + 3_000);
      await expectConsistent();
    } finally {
      await nc.close();
    }
  }, 90_000);

  it('keeps every saga consistent when an instance is SIGKILLed under load: none lost, none driven twice', async () => {
    await system.orchestrator.start();
    const ids: (string | null)[] = [];
    let killedAt = 0;
    for (let i = 0; i < 150; i++) {
      ids.push(await post(apis[i % 2]!, orderBody({ orderId: `kill-${i}`, customerId: `k-${i}` })));
      if (i === 50) {
        await system.orchestrator.stop('SIGKILL');
        killedAt = Date.now();
      }
      await new Promise((r) => setTimeout(r, 15));
    }
    await waitFor(async () => (await count("SELECT count(*) AS n FROM sagas WHERE status IN ('running', 'compensating')")) === 0, 60_000, 'every saga final');
    const allFinalMs = Date.now() - killedAt;
    const accepted = ids.filter((id): id is string => id !== null);
    // Orders posted to the dead instance were refused (connection error), none half-accepted.
    expect(accepted.length).toBeGreaterThanOrEqual(100);
    expect(await count('SELECT count(*) AS n FROM sagas WHERE id = ANY($1)', [accepted])).toBe(accepted.length);
    await expectConsistent();
    expect(await count("SELECT count(*) AS n FROM sagas WHERE id = ANY($1) AND status = 'completed'", [accepted])).toBe(accepted.length);
    // Bounded by the lease and the replies' ack wait (redelivery of what it had taken), plus a step's retry.
    expect(allFinalMs).toBeLessThan(LEASE_MS + REPLY_ACK_WAIT_MS + 20_000);
  }, 120_000);
});

// The deployment's NATS configuration (deploy/nats/nats-server.conf, the file docker-compose.yml
// mounts) on a real nats-server: every service runs as a process on its own credentials, and the
// inventory service's credentials are refused everything that is not its own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AckPolicy, jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCommand, encodeReply, type Reply } from '../../src/contracts/index.ts';
import { ReleaseInventory } from '../../sagas/order/contracts/index.ts';
import { connectNats, PRESENCE_SUBJECTS, STREAM, StreamPublisher, commandSubject, presenceSubject, replySubject } from '../../src/messaging/index.ts';
import { NatsServer, freePort, waitFor } from '../support/nats-server.ts';
import { startProcesses, ServiceProcess, type ProcessSystem } from '../support/processes.ts';
import { orderBody } from '../support/system.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NATS_CONFIG = join(ROOT, 'deploy/nats/nats-server.conf');
const SERVICES = ['orchestrator', 'inventory', 'payment', 'shipping', 'travel'] as const;
type Service = (typeof SERVICES)[number];

// Fresh passwords per run, handed to the server through the environment exactly as compose does
// ($ORCHESTRATOR_NATS_PASSWORD…). Letters first: nats-server parses the value like a config value.
const PASSWORD: Record<Service, string> = Object.fromEntries(
  SERVICES.map((s) => [s, `pw_${s}_${randomBytes(12).toString('hex')}`]),
) as Record<Service, string>;
const SERVER_ENV = Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_NATS_PASSWORD`, PASSWORD[s]]));

/** The environment one service process gets: its own user and password, nothing else about NATS. */
function credentialsOf(service: Service): Record<string, string> {
  return { NATS_USER: service, NATS_PASSWORD: PASSWORD[service] };
}

/** Connects in this test process as `service` (its inbox prefix is _INBOX.<service>, as in the real process). */
function connectAs(url: string, service: Service): Promise<NatsConnection> {
  return connectNats({ servers: url, name: service, auth: { kind: 'userPassword', user: service, password: PASSWORD[service] } });
}

/** Runs `use` with a StreamPublisher on a connection of its own, and closes both afterwards. */
async function withPublisher(connection: Promise<NatsConnection>, use: (publisher: StreamPublisher, nc: NatsConnection) => Promise<void>): Promise<void> {
  const nc = await connection;
  const publisher = new StreamPublisher(nc);
  try {
    await use(publisher, nc);
  } finally {
    publisher.close();
    await nc.close();
  }
}

interface SagaView {
  status: string;
  reason: string | null;
  steps: { name: string; status: string; attempts: number }[];
  compensations: { name: string; status: string }[];
}
interface HistoryView {
  events: { type: string; ignored: boolean; event: { commandId?: string; participant?: string } }[];
}

describe('least-privilege NATS access with deploy/nats/nats-server.conf', () => {
  let nats: NatsServer;
  let dir: string;
  let system: ProcessSystem;
  let api: string;
  let orchestratorNc: NatsConnection;
  let orchestratorJsm: JetStreamManager;

  beforeAll(async () => {
    nats = await NatsServer.start({ configFile: NATS_CONFIG, env: SERVER_ENV });
    dir = mkdtempSync(join(tmpdir(), 'saga-perms-'));
    system = await startProcesses(nats.url, dir, {
      // Long step timeouts: the forged-reply test keeps a saga waiting for the payment step.
      orchestrator: { ...credentialsOf('orchestrator'), STEP_TIMEOUT_MS: '30000' },
      participants: { INVENTORY_DEFAULT_STOCK: '100' },
      inventory: credentialsOf('inventory'),
      payment: credentialsOf('payment'),
      shipping: credentialsOf('shipping'),
      travel: credentialsOf('travel'),
    });
    api = `http://127.0.0.1:${system.orchestrator.env.HTTP_PORT}`;
    orchestratorNc = await connectAs(nats.url, 'orchestrator');
    orchestratorJsm = await jetstreamManager(orchestratorNc);
  });

  afterAll(async () => {
    await orchestratorNc?.close();
    await system?.killAll();
    await nats?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function placeOrder(overrides: Record<string, unknown> = {}): Promise<string> {
    const body = orderBody(overrides);
    const res = await fetch(`${api}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, items: [{ sku: 'PERM-1', quantity: 1, unitPrice: 100 }], ...overrides }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { sagaId: string }).sagaId;
  }

  async function saga(id: string): Promise<SagaView> {
    return (await (await fetch(`${api}/sagas/${id}`)).json()) as SagaView;
  }

  async function finished(id: string): Promise<SagaView> {
    let view: SagaView | undefined;
    await waitFor(async () => {
      view = await saga(id);
      return view.status === 'completed' || view.status === 'cancelled';
    }, 30_000, `saga ${id} to finish`);
    return view!;
  }

  /** Reasons of the dead letters the orchestrator wrote, read with the orchestrator's credentials. */
  async function orchestratorDeadLetterReasons(): Promise<string[]> {
    const reasons: string[] = [];
    const last = (await orchestratorJsm.streams.info(STREAM.deadLetters)).state.last_seq;
    for (let seq = 1; seq <= last; seq++) {
      const m = await orchestratorJsm.streams.getMessage(STREAM.deadLetters, { seq }).catch(() => null);
      if (m?.subject === 'saga.dlq.orchestrator') reasons.push(m.header.get('Dead-Letter-Reason'));
    }
    return reasons;
  }

  it('refuses connections without credentials or with a wrong password', async () => {
    await expect(connectNats({ servers: nats.url, name: 'anonymous' })).rejects.toThrow(/Authorization Violation/);
    await expect(
      connectNats({ servers: nats.url, name: 'inventory', auth: { kind: 'userPassword', user: 'inventory', password: PASSWORD.payment } }),
    ).rejects.toThrow(/Authorization Violation/);
  });

  it('a service started with a wrong password exits with an error that does not show the password', async () => {
    const wrong = `pw_wrong_${randomBytes(8).toString('hex')}`;
    const proc = new ServiceProcess('shipping', {
      NATS_URL: nats.url,
      NATS_USER: 'shipping',
      NATS_PASSWORD: wrong,
      DATABASE_PATH: join(dir, 'shipping-wrong.db'),
      HTTP_PORT: String(await freePort()),
    });
    await expect(proc.start()).rejects.toThrow(/exited with 1/);
    expect(proc.logs).toMatch(/Authorization Violation/);
    expect(proc.logs).not.toContain(wrong);
  });

  it('each service is connected as its own user', async () => {
    const res = await fetch(`http://127.0.0.1:${nats.monitorPort}/connz?auth=true&limit=100`);
    const connz = (await res.json()) as { connections: { name?: string; authorized_user?: string }[] };
    for (const service of ['inventory', 'payment', 'shipping'] as const) {
      const mine = connz.connections.filter((c) => c.name === service);
      expect(mine.length, service).toBeGreaterThan(0);
      for (const c of mine) expect(c.authorized_user).toBe(service);
    }
    expect(connz.connections.filter((c) => c.name === 'orchestrator').every((c) => c.authorized_user === 'orchestrator')).toBe(true);
  });

  it('a saga completes, and a declined payment is compensated, with every service on its own credentials', async () => {
    const ok = await finished(await placeOrder());
    expect(ok.status).toBe('completed');
    expect(ok.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);

    const declined = await finished(await placeOrder({ customerId: 'perm-poor', items: [{ sku: 'PERM-2', quantity: 1, unitPrice: 10_000_000 }] }));
    expect(declined).toMatchObject({ status: 'cancelled', reason: 'PAYMENT_DECLINED' });
    expect(declined.compensations.find((s) => s.name === 'releaseInventory')?.status).toBe('succeeded');
    const stock = (await (await fetch(`http://127.0.0.1:${system.inventory.env.HTTP_PORT}/stock/PERM-2`)).json()) as { available: number; reserved: number };
    expect(stock).toMatchObject({ available: 100, reserved: 0 });
  });

  it("inventory's credentials are refused for others' commands, replies, consumers, events and streams; the connection stays up", async () => {
    const nc = await connectAs(nats.url, 'inventory');
    try {
      const js = jetstream(nc);
      const jsm = await jetstreamManager(nc);
      const refused = /Permissions Violation/;
      const bytes = new Uint8Array([1]);
      // Commands and domain events are the orchestrator's.
      await expect(js.publish(commandSubject('payment', 'charge'), bytes)).rejects.toThrow(refused);
      await expect(js.publish(commandSubject('inventory', 'reserve'), bytes)).rejects.toThrow(refused);
      await expect(js.publish('order.created', bytes)).rejects.toThrow(refused);
      // Replies: only on its own reply subject, never as another participant or on the bare saga-type subject.
      await expect(js.publish(replySubject('order', 'payment'), bytes)).rejects.toThrow(refused);
      await expect(js.publish(replySubject('order'), bytes)).rejects.toThrow(refused);
      await expect(js.publish('saga.dlq.payment', bytes)).rejects.toThrow(refused);
      // Streams: nobody but the orchestrator creates, changes, purges or deletes them.
      await expect(jsm.streams.delete(STREAM.commands)).rejects.toThrow(refused);
      await expect(jsm.streams.purge(STREAM.replies)).rejects.toThrow(refused);
      await expect(jsm.streams.update(STREAM.commands, { max_msgs: 1 })).rejects.toThrow(refused);
      await expect(jsm.streams.add({ name: 'STOLEN', subjects: ['stolen.>'] })).rejects.toThrow(refused);
      // Another participant's consumer: neither read, created, deleted nor pulled from.
      await expect(jsm.consumers.info(STREAM.commands, 'payment')).rejects.toThrow(refused);
      await expect(jsm.consumers.add(STREAM.commands, { durable_name: 'payment', filter_subject: 'saga.cmd.payment.>', ack_policy: AckPolicy.Explicit })).rejects.toThrow(refused);
      await expect(jsm.consumers.delete(STREAM.commands, 'payment')).rejects.toThrow(refused);
      await expect(nc.request(`$JS.API.CONSUMER.MSG.NEXT.${STREAM.commands}.payment`, JSON.stringify({ batch: 1 }))).rejects.toThrow(refused);
      // Its own consumer name with someone else's filter: the subject it may use carries its own
      // filter, and the server refuses a body that disagrees with the subject.
      const hijack = await nc.request(
        `$JS.API.CONSUMER.CREATE.${STREAM.commands}.inventory.saga.cmd.inventory.>`,
        JSON.stringify({ stream_name: STREAM.commands, config: { durable_name: 'inventory', filter_subject: 'saga.cmd.payment.>', ack_policy: 'explicit' } }),
      );
      expect(hijack.json<{ error?: { code: number } }>().error?.code).toBe(400);
      await expect(
        nc.request(`$JS.API.CONSUMER.DURABLE.CREATE.${STREAM.commands}.inventory`, JSON.stringify({ stream_name: STREAM.commands, config: { durable_name: 'inventory' } })),
      ).rejects.toThrow(refused);
      // Eavesdropping on other services' inboxes or on the command subjects.
      for (const subject of ['_INBOX.>', '_INBOX.payment.>', 'saga.cmd.>', 'saga.reply.>', PRESENCE_SUBJECTS]) {
        const sub = nc.subscribe(subject);
        expect(String(await sub.closed), subject).toMatch(refused);
      }

      // None of that closed the connection: what inventory may do still works on it.
      expect(nc.isClosed()).toBe(false);
      expect((await jsm.streams.info(STREAM.commands)).config.name).toBe(STREAM.commands);
      expect((await jsm.consumers.info(STREAM.commands, 'inventory')).config.filter_subject).toBe('saga.cmd.inventory.>');
    } finally {
      await nc.close();
    }
  });

  it('a participant announces its own presence only; the orchestrator hears every participant', async () => {
    const heard: { subject: string; data: string }[] = [];
    const sub = orchestratorNc.subscribe(PRESENCE_SUBJECTS, { callback: (_err, m) => void heard.push({ subject: m.subject, data: m.string() }) });
    const nc = await connectAs(nats.url, 'inventory');
    // A core NATS publish the server refuses does not throw: the refusal comes back as a status event.
    const refusals: string[] = [];
    void (async () => {
      for await (const s of nc.status()) if (s.type === 'error') refusals.push(s.error.message);
    })();
    try {
      await orchestratorNc.flush();
      // The running participant processes announce themselves on their own credentials.
      for (const participant of ['inventory', 'payment', 'shipping']) {
        await waitFor(() => heard.some((h) => h.subject === presenceSubject(participant)), 10_000, `${participant} presence heard by the orchestrator`);
      }

      nc.publish(presenceSubject('payment'), 'forged by inventory');
      nc.publish(presenceSubject('inventory'), 'inventory itself');
      await waitFor(() => heard.some((h) => h.data === 'inventory itself'), 10_000, "inventory's own presence heard");
      await waitFor(() => refusals.some((r) => /Permissions Violation for Publish to "?saga\.presence\.payment/.test(r)), 10_000, 'the forged presence refused');
      // Published before the permitted one on the same connection, so it would have arrived first.
      expect(heard.filter((h) => h.data === 'forged by inventory')).toHaveLength(0);
      expect(nc.isClosed()).toBe(false);
    } finally {
      sub.unsubscribe();
      await nc.close();
    }
  });

  it('a stream publish the account may not make fails at once with PUBLISH_NOT_PERMITTED', () =>
    withPublisher(connectAs(nats.url, 'inventory'), async (publisher, nc) => {
      const t0 = performance.now();
      await expect(publisher.publish(commandSubject('payment', 'charge'), new Uint8Array([1]), { msgID: 'perm-1', timeout: 10_000 })).rejects.toMatchObject({ code: 'PUBLISH_NOT_PERMITTED', kind: 'transient' });
      // Told by the server, not by the ack timeout.
      expect(performance.now() - t0).toBeLessThan(5_000);
      expect(nc.isClosed()).toBe(false);
    }));

  it('several stream publishes refused at once all fail at once, each with PUBLISH_NOT_PERMITTED', () =>
    withPublisher(connectAs(nats.url, 'inventory'), async (publisher) => {
      const t0 = performance.now();
      const refused = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) => publisher.publish(commandSubject('payment', 'charge'), new Uint8Array([i]), { msgID: `perm-many-${i}`, timeout: 10_000 })),
      );
      expect(refused.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'fulfilled'))).toEqual(Array(5).fill('PUBLISH_NOT_PERMITTED'));
      expect(performance.now() - t0).toBeLessThan(5_000);
      // A permitted publish on the same publisher still goes through.
      await expect(publisher.publish(replySubject('order', 'inventory'), new Uint8Array([1]), { msgID: 'perm-many-ok', timeout: 10_000 })).resolves.toMatchObject({ stream: STREAM.replies });
    }));

  it('a publisher whose ack inbox the account may not subscribe to fails with PUBLISH_NOT_PERMITTED instead of waiting for acks', () =>
    withPublisher(connectNats({ servers: nats.url, name: 'inventory', inboxPrefix: '_INBOX.payment', auth: { kind: 'userPassword', user: 'inventory', password: PASSWORD.inventory } }), async (publisher) => {
      const t0 = performance.now();
      // A subject it may not publish to either (nothing is stored); the server refuses the subscription first.
      await expect(publisher.publish(commandSubject('payment', 'charge'), new Uint8Array([1]), { msgID: 'perm-inbox-1', timeout: 10_000 })).rejects.toMatchObject({
        code: 'PUBLISH_NOT_PERMITTED',
        message: expect.stringMatching(/Permissions Violation for Subscription/),
      });
      // And every later publish at once, without sending it: no ack could come back.
      await expect(publisher.publish(replySubject('order', 'inventory'), new Uint8Array([1]), { msgID: 'perm-inbox-2', timeout: 10_000 })).rejects.toMatchObject({ code: 'PUBLISH_NOT_PERMITTED' });
      expect(performance.now() - t0).toBeLessThan(5_000);
    }));

  it('a reply forged with inventory credentials cannot answer the payment step; the saga completes on the real reply', async () => {
    await system.payment.stop('SIGTERM');
    let paymentRestarted = false;
    const nc = await connectAs(nats.url, 'inventory');
    try {
      const sagaId = await placeOrder({ customerId: 'perm-forged' });
      await waitFor(async () => ((await saga(sagaId)).steps.find((s) => s.name === 'chargePayment')?.attempts ?? 0) >= 1, 10_000, 'charge sent');
      const js = jetstream(nc);
      const forged = (participant: string, detail: string): Uint8Array =>
        encodeReply({ sagaId, commandId: `${sagaId}:chargePayment`, attempt: 1, outcome: 'OK', reasonCode: '', detail, participant } satisfies Reply);
      // Claiming to be payment on inventory's own subject: the subject names the sender, so this is dead-lettered.
      await js.publish(replySubject('order', 'inventory'), forged('payment', 'forged as payment'), { msgID: `forged-1-${sagaId}` });
      // Honest about the sender but answering payment's step: the step ignores replies from others.
      await js.publish(replySubject('order', 'inventory'), forged('inventory', 'forged as inventory'), { msgID: `forged-2-${sagaId}` });

      await waitFor(async () => (await orchestratorDeadLetterReasons()).some((r) => r.startsWith('REPLY_SENDER_MISMATCH')), 10_000, 'sender mismatch dead-lettered');
      let history: HistoryView | undefined;
      await waitFor(async () => {
        history = (await (await fetch(`${api}/sagas/${sagaId}/history`)).json()) as HistoryView;
        return history.events.some((e) => e.type === 'REPLY' && e.ignored && e.event.participant === 'inventory');
      }, 10_000, 'forged reply recorded as ignored');
      expect(history!.events.filter((e) => e.type === 'REPLY' && !e.ignored).map((e) => e.event.commandId)).toEqual([`${sagaId}:reserveInventory`]);
      const waiting = await saga(sagaId);
      expect(waiting.status).toBe('running');
      expect(waiting.steps.find((s) => s.name === 'chargePayment')?.status).toBe('running');

      await system.payment.start();
      paymentRestarted = true;
      expect((await finished(sagaId)).status).toBe('completed');
    } finally {
      await nc.close();
      if (!paymentRestarted) await system.payment.start();
    }
  });

  it('a publish the server refuses inside the running inventory process does not crash it', async () => {
    // Only the orchestrator can publish commands, so it is the one that could send a bad reply
    // address; inventory's reply to payment's subject is refused by the server.
    const js = jetstream(orchestratorNc);
    const command = encodeCommand({
      sagaId: 'perm-crafted',
      commandId: 'perm-crafted:releaseInventory',
      attempt: 1,
      sagaType: 'order',
      replyTo: replySubject('order', 'payment'),
      commandType: ReleaseInventory.name,
      payload: ReleaseInventory.encode({ orderId: 'perm-crafted', items: [{ sku: 'PERM-3', quantity: 1, unitPriceMinor: 1 }] }),
      businessKey: 'perm-crafted',
    });
    const ack = await js.publish(commandSubject('inventory', 'release'), command, { msgID: 'perm-crafted' });
    try {
      await waitFor(() => /Permissions Violation for Publish to \\?"saga\.reply\.order\.payment\\?"/.test(system.inventory.logs), 15_000, 'the refused reply in the inventory log');
      expect(system.inventory.exitCode).toBeNull();
      const base = `http://127.0.0.1:${system.inventory.env.HTTP_PORT}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      // And it goes on serving sagas.
      expect((await finished(await placeOrder({ customerId: 'perm-after' }))).status).toBe('completed');
    } finally {
      // The refused command would be redelivered forever (its reply can never be published): remove it.
      await orchestratorJsm.streams.deleteMessage(STREAM.commands, ack.seq).catch(() => false);
    }
  });
});

import { AckPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { connectNats } from '../src/messaging/index.ts';

/**
 * The raw JetStream ceiling on this machine: a closed-loop command→reply round trip through two
 * file-backed work-queue streams with a trivial responder, `inFlight` round trips outstanding.
 * Returns round trips per second.
 */
export async function measureCeiling(natsUrl: string, inFlight: number, durationMs: number): Promise<number> {
  const nc = await connectNats({ servers: natsUrl, name: 'bench-ceiling' });
  const responderNc = await connectNats({ servers: natsUrl, name: 'bench-responder' });
  try {
    const jsm = await jetstreamManager(nc);
    const suffix = `${inFlight}_${Date.now()}`;
    const cmd = `BENCH_CMD_${suffix}`;
    const reply = `BENCH_REPLY_${suffix}`;
    for (const [name, subject] of [[cmd, `bench.${suffix}.cmd`], [reply, `bench.${suffix}.reply`]] as const) {
      await jsm.streams.add({ name, subjects: [subject], retention: RetentionPolicy.Workqueue, storage: StorageType.File, duplicate_window: 120_000_000_000 });
      await jsm.consumers.add(name, { durable_name: 'c', ack_policy: AckPolicy.Explicit, max_ack_pending: inFlight * 2 });
    }
    const js = jetstream(nc);
    const rjs = jetstream(responderNc);
    const payload = new Uint8Array(200);

    // Responder: take a command, publish its reply, ack the command.
    const responderMessages = await (await rjs.consumers.get(cmd, 'c')).consume({ max_messages: inFlight });
    const responder = (async () => {
      for await (const m of responderMessages) {
        void rjs.publish(`bench.${suffix}.reply`, payload, { msgID: `r-${m.seq}` }).then(() => m.ack(), () => m.nak());
      }
    })();

    let completed = 0;
    let sent = 0;
    const deadline = Date.now() + durationMs;
    const send = () => {
      sent++;
      void js.publish(`bench.${suffix}.cmd`, payload, { msgID: `c-${sent}` }).catch(() => {});
    };
    const replies = await (await js.consumers.get(reply, 'c')).consume({ max_messages: inFlight });
    const started = Date.now();
    for (let i = 0; i < inFlight; i++) send();
    for await (const m of replies) {
      m.ack();
      completed++;
      if (Date.now() >= deadline) break;
      send();
    }
    const elapsed = (Date.now() - started) / 1000;
    replies.stop();
    responderMessages.stop();
    await responder;
    await jsm.streams.delete(cmd);
    await jsm.streams.delete(reply);
    return completed / elapsed;
  } finally {
    await nc.close();
    await responderNc.close();
  }
}

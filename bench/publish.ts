import { jetstream, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { connectNats, publishWithRetry, StreamPublisher, type StreamPublish } from '../src/messaging/index.ts';

/** Client CPU per acknowledged stream publish, for the JetStream client and for the services' StreamPublisher. */
export interface PublishCost {
  jetStreamClientUsPerPublish: number;
  streamPublisherUsPerPublish: number;
  /** Acked publishes per second with the StreamPublisher, 128 in flight. */
  streamPublisherPerSecond: number;
}

/**
 * The cost, in this process's CPU time, of one publish acknowledged by a file-backed stream, `count`
 * publishes 128 in flight, measured `rounds` times per publisher, alternating which goes first.
 * Only the client's CPU is counted: the two publishers send the same bytes to the same server.
 */
export async function measurePublishCost(natsUrl: string, count: number, rounds: number): Promise<PublishCost> {
  const nc = await connectNats({ servers: natsUrl, name: 'bench-publish' });
  const publisher = new StreamPublisher(nc);
  try {
    const jsm = await jetstreamManager(nc);
    const stream = `BENCH_PUBLISH_${Date.now()}`;
    await jsm.streams.add({ name: stream, subjects: [`${stream}.>`], storage: StorageType.File, max_msgs: 100_000 });
    const payload = new Uint8Array(200);
    let sequence = 0;
    const run = async (p: StreamPublish, n: number) => {
      let started = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: 128 }, async () => {
          while (started < n) {
            started++;
            const i = sequence++;
            await publishWithRetry(p, `${stream}.${i % 8}`, payload, { msgID: `${stream}-${i}` }, { attempts: 1 });
          }
        }),
      );
      const cpu = process.cpuUsage(cpu0);
      return { us: (cpu.user + cpu.system) / n, perSecond: n / ((performance.now() - t0) / 1000) };
    };
    const clients: [string, StreamPublish][] = [
      ['js', jetstream(nc)],
      ['own', publisher],
    ];
    for (const [, p] of clients) await run(p, Math.min(count, 2_000)); // warm-up: JIT, buffers
    const us: Record<string, number[]> = { js: [], own: [] };
    const rates: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [name, p] of round % 2 ? [...clients].reverse() : clients) {
        const r = await run(p, count);
        us[name]!.push(r.us);
        if (name === 'own') rates.push(r.perSecond);
      }
    }
    await jsm.streams.delete(stream);
    return { jetStreamClientUsPerPublish: median(us.js!), streamPublisherUsPerPublish: median(us.own!), streamPublisherPerSecond: median(rates) };
  } finally {
    publisher.close();
    await nc.close();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
}

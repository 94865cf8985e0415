// StreamPublisher against a real nats-server: acks, deduplication, pipelining and every way a
// publish can fail, each as the TransientError code the callers retry on.
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats, StreamPublisher } from '../../src/messaging/index.ts';
import { NatsServer } from '../support/nats-server.ts';

describe('StreamPublisher on a real nats-server', () => {
  let nats: NatsServer;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let publisher: StreamPublisher;
  const bytes = new Uint8Array([1, 2, 3]);

  beforeAll(async () => {
    nats = await NatsServer.start();
    nc = await connectNats({ servers: nats.url, name: 'publisher-test' });
    jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'PUB', subjects: ['pub.>'], duplicate_window: 60_000_000_000 });
    await jsm.streams.add({ name: 'SMALL', subjects: ['small.>'], max_msg_size: 8 });
    publisher = new StreamPublisher(nc);
  });

  afterAll(async () => {
    publisher?.close();
    await nc?.close();
    await nats?.dispose();
  });

  it('resolves with the stream and sequence; the same msgID again is a duplicate of the same message', async () => {
    const first = await publisher.publish('pub.a', bytes, { msgID: 'dedup-1' });
    expect(first).toMatchObject({ stream: 'PUB', duplicate: false });
    const again = await publisher.publish('pub.a', bytes, { msgID: 'dedup-1' });
    expect(again).toMatchObject({ stream: 'PUB', seq: first.seq, duplicate: true });
    const stored = await jsm.streams.getMessage('PUB', { seq: first.seq });
    expect(stored?.header.get('Nats-Msg-Id')).toBe('dedup-1');
    expect(Array.from(stored!.data)).toEqual([1, 2, 3]);
  });

  it('pipelines many publishes at once, each acked with its own sequence, headers kept', async () => {
    const { headers } = await import('@nats-io/transport-node');
    const acks = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => {
        const h = headers();
        h.set('X-Index', String(i));
        return publisher.publish(`pub.many.${i % 7}`, bytes, { msgID: `many-${i}`, headers: h });
      }),
    );
    expect(new Set(acks.map((a) => a.seq)).size).toBe(1_000);
    const last = acks.at(-1)!;
    expect((await jsm.streams.getMessage('PUB', { seq: last.seq }))?.header.get('X-Index')).toBe('999');
  });

  it('fails at once with PUBLISH_NO_STREAM when no stream takes the subject', async () => {
    const t0 = performance.now();
    await expect(publisher.publish('nowhere.x', bytes, { msgID: 'n-1', timeout: 5_000 })).rejects.toMatchObject({ code: 'PUBLISH_NO_STREAM', kind: 'transient' });
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('fails with PUBLISH_REJECTED when the stream refuses the message', async () => {
    await expect(publisher.publish('small.x', new Uint8Array(64), { msgID: 's-1' })).rejects.toMatchObject({ code: 'PUBLISH_REJECTED', kind: 'transient' });
  });

  it('fails with PUBLISH_TIMEOUT when no ack comes, and ignores the ack that comes late', async () => {
    // A plain subscriber that answers late stands in for a stream that acks after the deadline.
    const late = nc.subscribe('slow.x', { callback: (_err, m) => void setTimeout(() => m.respond(JSON.stringify({ stream: 'SLOW', seq: 1 })), 600) });
    try {
      await expect(publisher.publish('slow.x', bytes, { msgID: 't-1', timeout: 200 })).rejects.toMatchObject({ code: 'PUBLISH_TIMEOUT', kind: 'transient' });
      await new Promise((r) => setTimeout(r, 700));
      // The publisher still works after the stray ack.
      expect((await publisher.publish('pub.after', bytes, { msgID: 't-2' })).stream).toBe('PUB');
    } finally {
      late.unsubscribe();
    }
  });

  it('close() fails what is still waiting with PUBLISH_CLOSED, and later publishes too', async () => {
    const own = new StreamPublisher(nc);
    const silent = nc.subscribe('silent.x');
    try {
      const waiting = own.publish('silent.x', bytes, { msgID: 'c-1' });
      own.close();
      await expect(waiting).rejects.toMatchObject({ code: 'PUBLISH_CLOSED' });
      await expect(own.publish('pub.x', bytes, { msgID: 'c-2' })).rejects.toMatchObject({ code: 'PUBLISH_CLOSED' });
    } finally {
      silent.unsubscribe();
    }
  });

  it('while the server is down, refuses at once with PUBLISH_DISCONNECTED (nothing is buffered for later), and publishes again after it is back', async () => {
    await nats.stop();
    await expect.poll(() => publisher.publish('pub.down', bytes, { msgID: 'd-0', timeout: 200 }).catch((e: { code: string }) => e.code), { timeout: 10_000 }).toBe('PUBLISH_DISCONNECTED');
    const t0 = performance.now();
    const refused = await Promise.allSettled(Array.from({ length: 500 }, (_, i) => publisher.publish('pub.down', new Uint8Array(1_024), { msgID: `d-${i + 1}` })));
    expect(refused.every((r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'PUBLISH_DISCONNECTED')).toBe(true);
    expect(performance.now() - t0).toBeLessThan(500);
    await nats.restart();
    await expect.poll(() => publisher.publish('pub.back', bytes, { msgID: 'b-1', timeout: 1_000 }).then((a) => a.stream, () => null), { timeout: 15_000 }).toBe('PUB');
  });
});

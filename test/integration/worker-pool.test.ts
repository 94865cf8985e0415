// The worker pool's in-progress acks against a real nats-server: a handler slower than the
// consumer's ack wait keeps its delivery (no redelivery, handled once), so the ack wait can be
// short and a dead instance's deliveries come back quickly; without them the slow message is
// delivered again while still being handled.
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats, ensureConsumer, startWorkerPool } from '../../src/messaging/index.ts';
import { NatsServer, waitFor } from '../support/nats-server.ts';

describe('worker pool on a real nats-server', () => {
  let nats: NatsServer;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    nats = await NatsServer.start();
    nc = await connectNats({ servers: nats.url, name: 'pool-test' });
    jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'WORK', subjects: ['work.>'] });
  });

  afterAll(async () => {
    await nc?.close();
    await nats?.dispose();
  });

  /** Handles one message that takes `handleMs` on a consumer whose ack wait is 1 s; returns how often it was handled and redelivered. */
  async function slowHandler(durable: string, handleMs: number, progressEveryMs: number | undefined) {
    await ensureConsumer(jsm, { stream: 'WORK', durable, filterSubject: `work.${durable}`, ackWaitMs: 1_000, maxAckPending: 4 });
    await jetstream(nc).publish(`work.${durable}`, new Uint8Array([1]));
    let handled = 0;
    let done = 0;
    const pool = await startWorkerPool(jetstream(nc), {
      stream: 'WORK',
      durable,
      concurrency: 4,
      progressEveryMs,
      onError: () => {},
      handle: async (msg) => {
        handled++;
        await new Promise((r) => setTimeout(r, handleMs));
        msg.ack();
        done++;
      },
    });
    try {
      await waitFor(() => done >= 1, 10_000, 'the slow message handled');
      // Long enough for a redelivery to arrive and be counted.
      await new Promise((r) => setTimeout(r, 1_500));
    } finally {
      await pool.stop();
    }
    const info = await jsm.consumers.info('WORK', durable);
    return { handled, redelivered: info.num_redelivered, pending: info.num_ack_pending + info.num_pending };
  }

  it('a handler three times slower than the ack wait keeps its delivery with in-progress acks', async () => {
    expect(await slowHandler('kept', 3_000, 333)).toEqual({ handled: 1, redelivered: 0, pending: 0 });
  });

  it('without them the same handler gets its message delivered again while it still works on it', async () => {
    // (num_redelivered counts only messages still pending, so the proof is the second handling.)
    expect((await slowHandler('lost', 3_000, undefined)).handled).toBeGreaterThan(1);
  });
});

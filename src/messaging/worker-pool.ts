import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';

export interface WorkerPoolOptions {
  stream: string;
  durable: string;
  /** Messages handled at once; also how many the consumer pulls ahead. */
  concurrency: number;
  /** Handles one message and acks, naks or terminates it. A throw is a bug: see onError. */
  handle: (msg: JsMsg) => Promise<void>;
  /** Called when handle throws; the message is then nak'ed with a delay so it is not lost. */
  onError: (err: unknown, msg: JsMsg) => void;
  /** Delay before a message whose handler threw is redelivered. */
  errorRedeliveryDelayMs?: number;
  /**
   * Tell the server "in progress" (+WPI, which restarts the ack wait) for every message still being
   * handled after this long, and again as often: a third of the consumer's ack wait, so a slow
   * handler keeps its delivery and the ack wait can stay short. None when absent.
   */
  progressEveryMs?: number;
}

/** A running consume loop with a bounded number of handlers in flight. */
export interface WorkerPool {
  /** Stops pulling, lets in-flight handlers finish, returns once they have. */
  stop(): Promise<void>;
  /** Handlers currently running. */
  readonly inFlight: number;
}

/**
 * Consumes a durable pull consumer with at most `concurrency` handlers running. The consume()
 * loop of @nats-io/jetstream resumes by itself after a reconnect, so this runs until stop().
 */
export async function startWorkerPool(js: JetStreamClient, options: WorkerPoolOptions): Promise<WorkerPool> {
  const consumer = await js.consumers.get(options.stream, options.durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: options.concurrency });
  const running = new Set<Promise<void>>();
  /** Messages being handled, with when their handling (or their last in-progress ack) began. */
  const handling = new Map<JsMsg, number>();
  let stopping = false;
  const every = options.progressEveryMs;
  // One timer for every message in hand: nothing per message in the usual case of a fast handler.
  const progress =
    every === undefined
      ? undefined
      : setInterval(() => {
          const now = Date.now();
          for (const [msg, since] of handling) {
            if (now - since < every) continue;
            msg.working();
            handling.set(msg, now);
          }
        }, Math.max(50, Math.floor(every / 2)));
  progress?.unref();

  const loop = (async () => {
    for await (const msg of messages) {
      if (stopping) {
        // Pulled but not started: hand it back now rather than after ack_wait.
        msg.nak();
        continue;
      }
      while (running.size >= options.concurrency) await Promise.race(running);
      handling.set(msg, Date.now());
      const job: Promise<void> = options
        .handle(msg)
        .catch((err: unknown) => {
          options.onError(err, msg);
          msg.nak(options.errorRedeliveryDelayMs ?? 1_000);
        })
        .finally(() => {
          handling.delete(msg);
          running.delete(job);
        });
      running.add(job);
    }
  })();

  return {
    get inFlight() {
      return running.size;
    },
    async stop() {
      stopping = true;
      messages.stop();
      await loop;
      await Promise.allSettled([...running]);
      if (progress) clearInterval(progress);
    },
  };
}

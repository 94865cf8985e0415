import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { PULL_OPTIONS } from './consumers.ts';

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
  /**
   * Called when the server says the consumer is gone (deleted, or not found when the pulls go
   * unanswered): the caller creates it again, and the pulls resume once it exists. Never run twice
   * at once. Without it a deleted consumer leaves the pool idle until a restart.
   */
  onConsumerLost?: () => Promise<void>;
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
  /** Consumes the durable consumer; replaced when the consumer was lost and created again. */
  const open = async (): Promise<ConsumerMessages> => (await js.consumers.get(options.stream, options.durable)).consume({ max_messages: options.concurrency, ...PULL_OPTIONS });
  let messages: ConsumerMessages = await open();
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

  /**
   * Watches one consume() for the consumer going away. Once the caller has created it again, that
   * consume() is stopped and the loop opens a new one: the old one would only pull again after its
   * idle heartbeats were missed (seconds, see PULL_OPTIONS).
   */
  const watch = (current: ConsumerMessages): void => {
    const recreate = options.onConsumerLost;
    if (!recreate) return;
    void (async () => {
      for await (const status of current.status()) {
        if (status.type !== 'consumer_deleted' && status.type !== 'consumer_not_found') continue;
        if (stopping) return;
        await recreate();
        current.stop();
        return;
      }
    })();
  };
  watch(messages);

  const loop = (async () => {
    for (;;) {
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
      if (stopping) return;
      // Ended without stop(): the consumer was replaced (see watch). Consume the new one.
      for (;;) {
        try {
          messages = await open();
          // stop() may have come while this one was opening: it stopped the previous one only.
          if (stopping) {
            messages.stop();
            return;
          }
          watch(messages);
          break;
        } catch (err) {
          if (stopping || (err instanceof Error && err.name === 'ClosedConnectionError')) return;
          await new Promise((r) => setTimeout(r, 1_000));
        }
      }
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

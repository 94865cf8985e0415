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
  let stopping = false;

  const loop = (async () => {
    for await (const msg of messages) {
      if (stopping) {
        // Pulled but not started: hand it back now rather than after ack_wait.
        msg.nak();
        continue;
      }
      while (running.size >= options.concurrency) await Promise.race(running);
      const job: Promise<void> = options
        .handle(msg)
        .catch((err: unknown) => {
          options.onError(err, msg);
          msg.nak(options.errorRedeliveryDelayMs ?? 1_000);
        })
        .finally(() => running.delete(job));
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
    },
  };
}

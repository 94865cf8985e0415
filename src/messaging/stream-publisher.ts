import type { PubAck } from '@nats-io/jetstream';
import { createInbox, errors, headers as natsHeaders, type Msg, type MsgHdrs, type NatsConnection, type QueuedIterator, type Status, type Subscription } from '@nats-io/transport-node';
import { TransientError } from '../errors.ts';
import { inboxPrefixOf } from './connection.ts';

export interface StreamPublishOptions {
  /** Nats-Msg-Id: the stream drops a second message with the same id within its duplicate window. */
  msgID: string;
  headers?: MsgHdrs;
  /** How long to wait for the stream's ack; default 5 s. */
  timeout?: number;
}

/** Publishing to a stream and waiting for its ack: what the JetStream client and StreamPublisher both offer. */
export interface StreamPublish {
  publish(subject: string, data: Uint8Array, options: StreamPublishOptions): Promise<PubAck>;
}

interface Pending {
  subject: string;
  deadline: number;
  resolve: (ack: PubAck) => void;
  reject: (err: Error) => void;
}

const SWEEP_MS = 100;

/**
 * Publishes to JetStream streams and waits for their acks, pipelined over one reply subscription.
 *
 * The JetStream client's publish is a NATS request: per message a request object, a timer, a
 * TextDecoder, and an Error with a captured stack trace that rejects the already-settled request
 * when it is cleaned up. This publisher sends the message with a reply subject of its own inbox
 * (`<inbox>.<n>`), keeps one map entry per publish and one sweep timer for all deadlines, and parses
 * the ack as the client does. Failures are TransientErrors with a code: PUBLISH_TIMEOUT,
 * PUBLISH_NO_STREAM (no stream takes the subject), PUBLISH_REJECTED (the stream refused it),
 * PUBLISH_NOT_PERMITTED (the account may not publish there, or not subscribe to its ack inbox),
 * PUBLISH_DISCONNECTED (no connection to the server right now), PUBLISH_CLOSED.
 *
 * While the connection is down it refuses at once instead of letting nats.js buffer the message:
 * the caller keeps it (an outbox row, an unacked command) and tries again, so an outage of any
 * length costs no memory here.
 */
export class StreamPublisher implements StreamPublish {
  private readonly nc: NatsConnection;
  private readonly prefix: string;
  private readonly sub: Subscription;
  private readonly statuses: AsyncIterable<Status>;
  private readonly pending = new Map<number, Pending>();
  private readonly decoder = new TextDecoder();
  private next = 0;
  private sweeper: NodeJS.Timeout | undefined;
  private closed = false;
  /** Why acks can no longer arrive (the server refused or ended the ack subscription). */
  private broken: Error | undefined;
  /** Between a disconnect and the next reconnect. */
  private disconnected = false;

  constructor(nc: NatsConnection) {
    this.nc = nc;
    this.prefix = `${createInbox(inboxPrefixOf(nc))}.`;
    this.sub = nc.subscribe(`${this.prefix}*`, { callback: (err, msg) => (err ? this.failAll(permissionOrOther(err)) : this.settle(msg)) });
    this.statuses = nc.status();
    void this.watchStatus();
    // Ends with the connection, or at once if the server refuses the subscription (the account may
    // not subscribe below its inbox prefix): then no ack can arrive, and waiting for one is futile.
    void this.sub.closed.then((err) => {
      if (this.closed) return;
      this.broken = err instanceof Error ? permissionOrOther(err) : new TransientError('PUBLISH_CLOSED', 'the connection for stream acks is closed');
      this.failAll(this.broken);
    });
  }

  /** Publishes `data` to `subject` with `msgID` and resolves with the stream's ack. */
  publish(subject: string, data: Uint8Array, options: StreamPublishOptions): Promise<PubAck> {
    if (this.closed) return Promise.reject(new TransientError('PUBLISH_CLOSED', 'the publisher is closed'));
    if (this.broken) return Promise.reject(this.broken);
    if (this.disconnected) return Promise.reject(new TransientError('PUBLISH_DISCONNECTED', `not connected to NATS; the message on ${subject} was not sent`));
    const id = ++this.next;
    const headers = options.headers ?? natsHeaders();
    headers.set('Nats-Msg-Id', options.msgID);
    return new Promise<PubAck>((resolve, reject) => {
      this.pending.set(id, { subject, deadline: Date.now() + (options.timeout ?? 5_000), resolve, reject });
      try {
        this.nc.publish(subject, data, { reply: `${this.prefix}${id}`, headers });
      } catch (err) {
        this.pending.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
    });
  }

  /** Fails what still waits for an ack and stops listening for acks. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.failAll(new TransientError('PUBLISH_CLOSED', 'the publisher was closed before the stream acknowledged'));
    this.sub.unsubscribe();
    // nats.js returns a QueuedIterator, whose stop() ends the loop below and unregisters it.
    (this.statuses as Partial<QueuedIterator<Status>>).stop?.();
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  private settle(msg: Msg): void {
    const id = Number(msg.subject.slice(this.prefix.length));
    const p = this.pending.get(id);
    // An ack that comes after its deadline: the caller already gave up (and will republish, deduplicated).
    if (!p) return;
    this.pending.delete(id);
    if (msg.headers?.hasError) {
      const noStream = msg.headers.code === 503;
      p.reject(new TransientError(noStream ? 'PUBLISH_NO_STREAM' : 'PUBLISH_REJECTED', noStream ? `no stream takes messages on ${p.subject}` : `publish to ${p.subject} failed: ${msg.headers.code} ${msg.headers.description}`));
      return;
    }
    let ack: { stream?: string; seq?: number; duplicate?: boolean; domain?: string; error?: { code: number; err_code?: number; description: string } };
    try {
      ack = JSON.parse(this.decoder.decode(msg.data)) as typeof ack;
    } catch {
      p.reject(new TransientError('PUBLISH_REJECTED', `publish to ${p.subject}: the answer is not a stream ack`));
      return;
    }
    if (ack.error) {
      p.reject(new TransientError('PUBLISH_REJECTED', `the stream refused the message on ${p.subject}: ${ack.error.description} (${ack.error.err_code ?? ack.error.code})`));
    } else if (!ack.stream || typeof ack.seq !== 'number') {
      p.reject(new TransientError('PUBLISH_REJECTED', `publish to ${p.subject}: the answer is not a stream ack`));
    } else {
      p.resolve({ stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate === true, domain: ack.domain ?? '' } as PubAck);
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, p] of this.pending) {
      if (p.deadline > now) continue;
      this.pending.delete(id);
      p.reject(new TransientError('PUBLISH_TIMEOUT', `no ack from the stream for a message on ${p.subject}`));
    }
    if (this.pending.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /**
   * Follows the connection: while it is down, publishes are refused and those waiting fail (their
   * acks, if any, were lost with it); a publish the server refused for lack of permission is
   * answered by no ack, so it fails at once, as the client's request does.
   */
  private async watchStatus(): Promise<void> {
    for await (const s of this.statuses) {
      if (s.type === 'disconnect') {
        this.disconnected = true;
        this.failAll(new TransientError('PUBLISH_DISCONNECTED', 'the connection to NATS was lost before the stream acknowledged'));
        continue;
      }
      if (s.type === 'reconnect') {
        this.disconnected = false;
        continue;
      }
      if (s.type !== 'error' || !(s.error instanceof errors.PermissionViolationError) || s.error.operation !== 'publish') continue;
      const refusal = s.error;
      for (const [id, p] of this.pending) {
        if (p.subject !== refusal.subject) continue;
        this.pending.delete(id);
        // The server's own words ("Permissions Violation for Publish to …") name what to fix.
        p.reject(new TransientError('PUBLISH_NOT_PERMITTED', `the server refused the publish: ${refusal.message}`, { cause: refusal }));
        break;
      }
    }
  }
}

function permissionOrOther(err: Error): Error {
  return err instanceof errors.PermissionViolationError
    ? new TransientError('PUBLISH_NOT_PERMITTED', `the server refused the subscription for stream acks: ${err.message}`, { cause: err })
    : err;
}

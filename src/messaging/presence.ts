// Presence: each participant announces on core NATS that it is consuming, so the orchestrator can
// tell a participant that has a command and does not answer (a failed attempt) from one that is
// down, restarting or frozen (the command is only queued). Core NATS, not JetStream: a presence
// message is worth nothing once it is late, so nothing should store or redeliver it.
import type { Msg, NatsConnection } from '@nats-io/transport-node';
import { silentLogger, type Logger } from '../logger.ts';

/** What every participant's presence subject matches (the orchestrator subscribes to it). */
export const PRESENCE_SUBJECTS = 'saga.presence.*';
/** How often a participant announces itself by default. */
export const PRESENCE_INTERVAL_MS = 1_000;
/** Three and a half intervals: one or two lost or late announcements do not make a participant absent. */
export const PRESENCE_WINDOW_MS = 3_500;

/**
 * Subject one participant announces itself on: saga.presence.<participant>. As with replies, the
 * sender is the subject, so NATS permissions authenticate it (a participant may publish only its own).
 */
export function presenceSubject(participant: string): string {
  return `saga.presence.${participant}`;
}

export interface PresenceBeacon {
  /** Stops announcing; idempotent. */
  stop(): void;
}

export interface PresenceBeaconOptions {
  /** Between two announcements; default {@link PRESENCE_INTERVAL_MS}. */
  intervalMs?: number;
}

/**
 * Announces `participant` on {@link presenceSubject} now and then every `intervalMs`, until stop().
 * Never throws once started: an announcement that cannot be sent is skipped. While the connection
 * is down nothing is published, because nats.js would buffer the publishes until it reconnects and
 * then deliver a burst of stale announcements.
 */
export function startPresenceBeacon(nc: NatsConnection, participant: string, options: PresenceBeaconOptions = {}): PresenceBeacon {
  const intervalMs = positive('intervalMs', options.intervalMs ?? PRESENCE_INTERVAL_MS);
  const subject = presenceSubject(participant);
  const connection = followConnection(nc);
  const announce = (): void => {
    if (!connection.up()) return;
    try {
      // Empty: the subject says who; a payload could only disagree with it.
      nc.publish(subject);
    } catch {
      // Closed or draining since the check: there is no one left to announce.
    }
  };
  announce();
  const timer = setInterval(announce, intervalMs);
  // Presence alone must not keep a process alive.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      connection.stop();
    },
  };
}

/** Whether a connection is up, from its status events (nats.js has no public "connected" flag). */
function followConnection(nc: NatsConnection): { up(): boolean; stop(): void } {
  // Started on a connection that connect() has just returned, so up until told otherwise.
  let connected = true;
  const status = nc.status();
  void (async () => {
    for await (const s of status) {
      if (s.type === 'disconnect') connected = false;
      else if (s.type === 'reconnect') connected = true;
    }
  })().catch(() => {});
  return {
    up: () => connected && !nc.isClosed() && !nc.isDraining(),
    // The iterator nats.js returns can be stopped, which also removes its listener; the interface
    // only declares AsyncIterable.
    stop: () => (status as { stop?: () => void }).stop?.(),
  };
}

export interface PresenceTracker {
  /**
   * true: seen within the window; false: not seen within the window (or never, once the tracker
   * has listened for a full window); undefined: the tracker has not yet listened for a full window
   * and has not seen it (cannot judge yet).
   */
  available(participant: string): boolean | undefined;
  /** Called when a participant is seen again after being absent longer than the window (or for the first time). */
  onAvailable(listener: (participant: string) => void): void;
  /** Participants seen, with the age in ms of their last presence (for metrics/logs). */
  snapshot(): Record<string, number>;
  /** Unsubscribes and forgets the listeners; idempotent. */
  stop(): void;
}

export interface PresenceTrackerOptions {
  /** How long one announcement counts; default {@link PRESENCE_WINDOW_MS}. */
  windowMs?: number;
  /** Milliseconds now; Date.now by default (injected so tests can move time). */
  clock?: () => number;
  /** Where a refused subscription or a throwing listener is reported; silent by default. */
  logger?: Logger;
}

/**
 * Follows the participants' announcements on {@link PRESENCE_SUBJECTS}. The participant is taken
 * from the subject's last token, never from the payload. After a reconnect nats.js resubscribes
 * by itself; participants then look absent until their next announcement, which errs on the side
 * of "queued" rather than "failed".
 */
export function trackPresence(nc: NatsConnection, options: PresenceTrackerOptions = {}): PresenceTracker {
  const windowMs = positive('windowMs', options.windowMs ?? PRESENCE_WINDOW_MS);
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const lastSeen = new Map<string, number>();
  const listeners: ((participant: string) => void)[] = [];

  function seen(participant: string): void {
    const now = clock();
    const previous = lastSeen.get(participant);
    lastSeen.set(participant, now);
    if (previous !== undefined && now - previous <= windowMs) return;
    for (const listener of listeners) {
      try {
        listener(participant);
      } catch (err) {
        // Thrown inside nats.js's message dispatch it would break the connection's reader.
        logger.warn({ err, participant }, 'presence listener failed');
      }
    }
  }

  const sub = nc.subscribe(PRESENCE_SUBJECTS, {
    callback(err: Error | null, msg: Msg) {
      if (err) {
        logger.error({ err, subject: PRESENCE_SUBJECTS }, 'presence subscription closed');
        return;
      }
      const participant = msg.subject.split('.')[2];
      if (participant) seen(participant);
    },
  });
  const listeningSince = clock();

  return {
    available(participant) {
      const now = clock();
      const last = lastSeen.get(participant);
      if (last !== undefined) return now - last <= windowMs;
      return now - listeningSince >= windowMs ? false : undefined;
    },
    onAvailable(listener) {
      listeners.push(listener);
    },
    snapshot() {
      const now = clock();
      return Object.fromEntries([...lastSeen].map(([participant, at]) => [participant, now - at]));
    },
    stop() {
      listeners.length = 0;
      try {
        sub.unsubscribe();
      } catch {
        // The connection is already closed, and the subscription with it.
      }
    },
  };
}

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number of milliseconds, got ${value}`);
  return value;
}

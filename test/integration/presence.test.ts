import type { NatsConnection, Status } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESENCE_SUBJECTS, connectNats, presenceSubject, startPresenceBeacon, trackPresence, type PresenceTracker } from '../../src/messaging/index.ts';
import { NatsServer, waitFor } from '../support/nats-server.ts';

// Short interval and window keep the file fast; the defaults are 1 s and 3.5 s.
const INTERVAL_MS = 100;
const WINDOW_MS = 400;
const DEADLINE_MS = 5_000;

/** Resolves at the connection's next status event of this type (listening from the call on). */
async function nextStatus(nc: NatsConnection, type: Status['type']): Promise<void> {
  for await (const s of nc.status()) if (s.type === type) return;
}

describe('presence beacons and tracker on a real nats-server', () => {
  let nats: NatsServer;
  let participantNc: NatsConnection;
  let orchestratorNc: NatsConnection;
  const trackers: PresenceTracker[] = [];

  /** A tracker on the orchestrator's connection, subscribed before this returns (a flush). */
  async function tracker(): Promise<PresenceTracker> {
    const t = trackPresence(orchestratorNc, { windowMs: WINDOW_MS });
    trackers.push(t);
    await orchestratorNc.flush();
    return t;
  }

  beforeAll(async () => {
    nats = await NatsServer.start();
    participantNc = await connectNats({ servers: nats.url, name: 'participant' });
    orchestratorNc = await connectNats({ servers: nats.url, name: 'orchestrator' });
  });

  afterAll(async () => {
    for (const t of trackers) t.stop();
    await participantNc?.close();
    await orchestratorNc?.close();
    await nats?.dispose();
  });

  it('publishes an empty core NATS message on saga.presence.<participant>', async () => {
    expect(presenceSubject('payment')).toBe('saga.presence.payment');
    const sub = orchestratorNc.subscribe(PRESENCE_SUBJECTS, { max: 1 });
    await orchestratorNc.flush();
    const beacon = startPresenceBeacon(participantNc, 'subject-check', { intervalMs: INTERVAL_MS });
    try {
      for await (const m of sub) {
        expect(m.subject).toBe('saga.presence.subject-check');
        expect(m.data.length).toBe(0);
      }
    } finally {
      beacon.stop();
    }
  });

  it('sees a beacon at once, loses it a window after stop(), and calls onAvailable when it comes back', async () => {
    const presence = await tracker();
    const cameBack: string[] = [];
    presence.onAvailable((p) => cameBack.push(p));

    let beacon = startPresenceBeacon(participantNc, 'inventory', { intervalMs: INTERVAL_MS });
    await waitFor(() => presence.available('inventory') === true, 1_000, 'inventory seen');
    expect(cameBack).toEqual(['inventory']);
    // Announcements within the window are not a "coming back" (a few more arrive meanwhile).
    await new Promise((r) => setTimeout(r, 3 * INTERVAL_MS));
    expect(presence.available('inventory')).toBe(true);
    expect(cameBack).toEqual(['inventory']);

    beacon.stop();
    const stoppedAt = Date.now();
    await waitFor(() => presence.available('inventory') === false, DEADLINE_MS, 'inventory absent');
    // Absent only once a whole window has passed without an announcement.
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(WINDOW_MS - INTERVAL_MS);
    expect(presence.snapshot().inventory).toBeGreaterThan(WINDOW_MS);

    beacon = startPresenceBeacon(participantNc, 'inventory', { intervalMs: INTERVAL_MS });
    try {
      await waitFor(() => presence.available('inventory') === true, 1_000, 'inventory back');
      expect(cameBack).toEqual(['inventory', 'inventory']);
    } finally {
      beacon.stop();
    }
  });

  it('cannot judge a participant it has never seen until it has listened for a full window', async () => {
    const presence = await tracker();
    const startedAt = Date.now();
    expect(presence.available('never-seen')).toBeUndefined();
    await waitFor(() => presence.available('never-seen') !== undefined, DEADLINE_MS, 'a full window');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(WINDOW_MS - 10);
    expect(presence.available('never-seen')).toBe(false);
    expect(presence.snapshot()).not.toHaveProperty('never-seen');
  });

  it('takes the participant from the subject, and judges time by the injected clock', async () => {
    let now = 1_000_000;
    const presence = trackPresence(orchestratorNc, { windowMs: 3_500, clock: () => now });
    trackers.push(presence);
    await orchestratorNc.flush();
    expect(presence.available('shipping')).toBeUndefined();
    // The payload claims someone else; only the subject counts.
    participantNc.publish(presenceSubject('shipping'), 'payment');
    await waitFor(() => presence.available('shipping') === true, DEADLINE_MS, 'shipping seen');
    expect(presence.available('payment')).toBeUndefined();
    now += 3_500;
    expect(presence.available('shipping')).toBe(true);
    expect(presence.snapshot()).toEqual({ shipping: 3_500 });
    now += 1;
    expect(presence.available('shipping')).toBe(false);
    expect(presence.available('payment')).toBe(false);
  });

  it('a listener that throws does not stop the tracker', async () => {
    const presence = await tracker();
    const seen: string[] = [];
    presence.onAvailable(() => {
      throw new Error('listener bug');
    });
    presence.onAvailable((p) => seen.push(p));
    participantNc.publish(presenceSubject('throwing-a'));
    participantNc.publish(presenceSubject('throwing-b'));
    await waitFor(() => seen.length === 2, DEADLINE_MS, 'both announcements');
    expect(seen).toEqual(['throwing-a', 'throwing-b']);
    expect(orchestratorNc.isClosed()).toBe(false);
  });

  it('a beacon whose server is down does not throw, publishes nothing meanwhile, and resumes after the restart', async () => {
    const presence = await tracker();
    const beacon = startPresenceBeacon(participantNc, 'payment', { intervalMs: INTERVAL_MS });
    try {
      await waitFor(() => presence.available('payment') === true, 1_000, 'payment seen');

      const disconnected = nextStatus(participantNc, 'disconnect');
      await nats.stop();
      await disconnected;
      // nats.js would queue a publish made while it reconnects and send it late: the beacon makes none.
      const published = participantNc.stats().outMsgs;
      await new Promise((r) => setTimeout(r, 10 * INTERVAL_MS));
      expect(participantNc.stats().outMsgs).toBe(published);
      expect(participantNc.isClosed()).toBe(false);

      await nats.restart();
      await waitFor(() => presence.available('payment') === true, DEADLINE_MS, 'payment seen after the restart');
      expect(participantNc.stats().outMsgs).toBeGreaterThan(published);
    } finally {
      beacon.stop();
    }
  });

  it('stop() is idempotent on a closed connection', async () => {
    const nc = await connectNats({ servers: nats.url, name: 'closing' });
    const beacon = startPresenceBeacon(nc, 'closing', { intervalMs: INTERVAL_MS });
    const presence = trackPresence(nc, { windowMs: WINDOW_MS });
    await nc.close();
    // Ticks on a closed connection are skipped, not thrown.
    await new Promise((r) => setTimeout(r, 2 * INTERVAL_MS));
    expect(() => {
      beacon.stop();
      beacon.stop();
      presence.stop();
      presence.stop();
    }).not.toThrow();
  });

  it('rejects a non-positive interval or window', () => {
    expect(() => startPresenceBeacon(participantNc, 'x', { intervalMs: 0 })).toThrow(RangeError);
    expect(() => trackPresence(orchestratorNc, { windowMs: -1 })).toThrow(RangeError);
  });
});

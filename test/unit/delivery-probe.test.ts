import { describe, expect, it } from 'vitest';
import { DeliveryProbe, timerKey, type ConsumerPosition } from '../../src/engine/index.ts';
import type { TimerRow } from '../../src/store/index.ts';

/** A due attempt clock for a command at `seq` of `consumer`, published at 1,000 with a 5 s attempt. */
function clock(seq: number | null, consumer = 'payment', extra: Partial<TimerRow> = {}): TimerRow {
  return { saga_id: `s-${seq}`, timer_id: 'timeout', due_at: 6_000, event: '{}', consumer, stream_seq: seq, delay_ms: 5_000, ...extra };
}

/** The verdict on `t` given the consumer's position (or a failure to read it) and the participant's presence. */
async function verdict(position: Partial<ConsumerPosition> | Error, present: boolean | undefined, t: TimerRow, repliesWaiting = 0) {
  const p = new DeliveryProbe({
    clock: () => 6_000,
    available: () => present,
    repliesWaiting: async () => repliesWaiting,
    position: async () => {
      if (position instanceof Error) throw position;
      return { delivered: 0, ackFloor: 0, pending: 0, ...position };
    },
  });
  return (await p.judge([t])).get(timerKey(t));
}

describe('delivery probe: could the participant have answered?', () => {
  it('delivered to a present participant: the attempt counts', async () => {
    expect(await verdict({ delivered: 10, ackFloor: 5 }, true, clock(8))).toEqual({ kind: 'answerable' });
  });

  it('delivered to a participant that stopped announcing itself: queued, PARTICIPANT_UNAVAILABLE', async () => {
    expect(await verdict({ delivered: 10, ackFloor: 5 }, false, clock(8))).toEqual({ kind: 'queued', why: 'PARTICIPANT_UNAVAILABLE' });
  });

  it('presence not known yet: unknown (looked at again shortly)', async () => {
    expect(await verdict({ delivered: 10, ackFloor: 5 }, undefined, clock(8))).toEqual({ kind: 'unknown' });
  });

  it('still in the stream, not handed out: queued, NOT_DELIVERED, whether the participant is present or not', async () => {
    expect(await verdict({ delivered: 7, pending: 3 }, true, clock(8))).toEqual({ kind: 'queued', why: 'NOT_DELIVERED' });
    expect(await verdict({ delivered: 7, pending: 3 }, false, clock(8))).toEqual({ kind: 'queued', why: 'NOT_DELIVERED' });
  });

  it('neither handed out nor waiting in the stream: the message is gone, so the attempt counts (a new one resends)', async () => {
    expect(await verdict({ delivered: 7, pending: 0 }, false, clock(8))).toEqual({ kind: 'answerable' });
  });

  it('acknowledged by the participant while replies wait for the orchestrator: its reply may be among them, queued as REPLY_PENDING', async () => {
    expect(await verdict({ delivered: 10, ackFloor: 9 }, true, clock(8), 3)).toEqual({ kind: 'queued', why: 'REPLY_PENDING' });
  });

  it('acknowledged with no reply waiting (answered long ago, or dead-lettered): no reply is coming, the attempt counts', async () => {
    expect(await verdict({ delivered: 10, ackFloor: 9 }, true, clock(8), 0)).toEqual({ kind: 'answerable' });
  });

  it('JetStream cannot be asked: queued, BROKER_UNREACHABLE', async () => {
    expect(await verdict(new Error('timeout'), true, clock(8))).toEqual({ kind: 'queued', why: 'BROKER_UNREACHABLE' });
  });

  it('asks JetStream once per participant for a burst of timeouts, and again once the reading is a second old', async () => {
    let now = 6_000;
    let reads = 0;
    const p = new DeliveryProbe({
      clock: () => now,
      available: () => true,
      repliesWaiting: async () => 0,
      position: async () => {
        reads++;
        return { delivered: 100, ackFloor: 0, pending: 0 };
      },
    });
    const timers = [clock(1), clock(2), clock(3), clock(4, 'inventory')];
    const verdicts = await p.judge(timers);
    expect([...verdicts.values()].every((v) => v.kind === 'answerable')).toBe(true);
    expect(reads).toBe(2);
    await p.judge([clock(5)]);
    expect(reads).toBe(2);
    now += 1_000;
    await p.judge([clock(5)]);
    expect(reads).toBe(3);
  });
});

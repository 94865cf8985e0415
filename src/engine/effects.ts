import { encodeCommand, MESSAGE_TYPE, type MessageCatalog } from '../contracts/index.ts';
import { HEADER, commandSubject, protobufContentType, replySubject } from '../messaging/index.ts';
import { timerOf, type PublishEventParams, type SendCommandParams } from '../../sagas/kit/index.ts';
import { UNARMED, type NewOutboxRow } from '../store/index.ts';
import type { TraceContext } from '../telemetry/spans.ts';

/** An action as XState's pure `transition` returns it: type and resolved params. */
export interface MachineAction {
  type: string;
  params?: unknown;
}

export type { TraceContext };

/** A timer to store. A gated one is an attempt's clock: unarmed until its command is published. */
export interface TimerEffect {
  timerId: string;
  dueAt: number;
  event: string;
  gate?: { msgId: string; consumer: string; delayMs: number; queueBudgetMs: number };
}

/** What one transition asks the engine to do, in the order the machine asked. */
export interface Effects {
  outbox: NewOutboxRow[];
  timersSet: TimerEffect[];
  timersCancelled: string[];
  /** The commands sent, for observers (metrics, traces). */
  commands: { step: string; attempt: number; compensation: boolean; subject: string }[];
  /** A compact record for the saga history. */
  summary: object[];
}

interface EffectContext {
  sagaId: string;
  sagaType: string;
  /** History sequence of the transition: with the action index it makes a unique, stable message id. */
  seq: number;
  now: number;
  trace: TraceContext;
  /** The saga type's messages: commands and events are encoded with it. */
  contracts: MessageCatalog;
  /** Carried in every command envelope, for the participants' logs and traces. */
  businessKey: string;
}

/**
 * Turns a transition's actions into rows: `sendCommand`/`publishEvent` become outbox rows,
 * a delayed `xstate.raise` a timer, `xstate.cancel` a timer deletion. Pure; the caller writes.
 */
export function toEffects(actions: readonly MachineAction[], ctx: EffectContext): Effects {
  const effects: Effects = { outbox: [], timersSet: [], timersCancelled: [], commands: [], summary: [] };
  /** Commands sent by this transition, by step: a step's timeout set alongside becomes their clock. */
  const sent = new Map<string, { msgId: string; consumer: string; queueBudgetMs: number }>();
  actions.forEach((action, index) => {
    const msgId = `${ctx.sagaId}:${ctx.seq}:${index}`;
    switch (action.type) {
      case 'sendCommand': {
        const p = action.params as SendCommandParams;
        const subject = commandSubject(p.participant, p.action);
        const payload = encodeCommand({
          sagaId: ctx.sagaId,
          commandId: p.commandId,
          attempt: p.attempt,
          sagaType: ctx.sagaType,
          // Per participant, so NATS permissions authenticate who answers (see replySubject).
          replyTo: replySubject(ctx.sagaType, p.participant),
          commandType: p.command.type,
          payload: ctx.contracts.encode(p.command),
          businessKey: ctx.businessKey,
        });
        effects.outbox.push(
          row(ctx, subject, msgId, payload, MESSAGE_TYPE.command, {
            [HEADER.commandId]: p.commandId,
            [HEADER.sagaStep]: p.step,
            [HEADER.sagaAttempt]: String(p.attempt),
            ...(p.compensation ? { [HEADER.sagaCompensation]: 'true' } : {}),
          }),
        );
        effects.commands.push({ step: p.step, attempt: p.attempt, compensation: p.compensation, subject });
        // A participant's durable consumer is named after it.
        sent.set(p.step, { msgId, consumer: p.participant, queueBudgetMs: p.queueTimeoutMs });
        effects.summary.push({ kind: 'command', subject, step: p.step, commandId: p.commandId, attempt: p.attempt, compensation: p.compensation });
        break;
      }
      case 'publishEvent': {
        const p = action.params as PublishEventParams;
        effects.outbox.push(row(ctx, p.subject, msgId, ctx.contracts.encode(p.event), p.event.type));
        effects.summary.push({ kind: 'event', subject: p.subject, name: p.event.type });
        break;
      }
      case 'xstate.raise': {
        const p = action.params as { event: { type: string }; id?: string; delay?: number };
        // Undelayed raises are handled inside the transition; only delayed ones become timers.
        if (p.delay === undefined) break;
        const timerId = p.id ?? p.event.type;
        const timer = timerOf(p.event.type);
        const command = timer?.kind === 'timeout' ? sent.get(timer.step) : undefined;
        if (command) {
          // The attempt's clock starts when JetStream has the command, not now (see OutboxRelay).
          effects.timersSet.push({ timerId, dueAt: UNARMED, event: JSON.stringify(p.event), gate: { ...command, delayMs: p.delay } });
          effects.summary.push({ kind: 'timer', event: p.event.type, delayMs: p.delay, from: 'publish' });
          break;
        }
        const dueAt = ctx.now + p.delay;
        effects.timersSet.push({ timerId, dueAt, event: JSON.stringify(p.event) });
        effects.summary.push({ kind: 'timer', event: p.event.type, dueAt });
        break;
      }
      case 'xstate.cancel': {
        const p = action.params as { sendId: string };
        effects.timersCancelled.push(p.sendId);
        break;
      }
      default:
        break;
    }
  });
  return effects;
}

function row(ctx: EffectContext, subject: string, msgId: string, payload: Uint8Array, messageType: string, extra: Record<string, string> = {}): NewOutboxRow {
  const headers: Record<string, string> = {
    [HEADER.sagaId]: ctx.sagaId,
    [HEADER.sagaType]: ctx.sagaType,
    [HEADER.contentType]: protobufContentType(messageType),
    ...extra,
  };
  if (ctx.trace.traceparent) headers[HEADER.traceparent] = ctx.trace.traceparent;
  if (ctx.trace.tracestate) headers[HEADER.tracestate] = ctx.trace.tracestate;
  return { saga_id: ctx.sagaId, subject, msg_id: msgId, headers: JSON.stringify(headers), payload, created_at: ctx.now };
}

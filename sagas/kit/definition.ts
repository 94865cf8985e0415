import type { AnyStateMachine, AnyMachineSnapshot } from 'xstate';
import type { z } from 'zod';
import type { Message, MessageCatalog } from '../../src/contracts/index.ts';
import type { RetryPolicy } from './retry-policy.ts';

/** Where a saga is in its life; `reason` explains the last three. */
export type SagaStatus = 'running' | 'compensating' | 'completed' | 'cancelled' | 'needs_attention';

/** Statuses a saga never leaves. */
export const FINAL_STATUSES: readonly SagaStatus[] = ['completed', 'cancelled'];

/** Params of the `sendCommand` action: the engine turns it into an outbox row. */
export interface SendCommandParams {
  participant: string;
  action: string;
  step: string;
  commandId: string;
  attempt: number;
  compensation: boolean;
  /** How long the command may stay queued (not with an available participant) before QUEUE_EXPIRED. */
  queueTimeoutMs: number;
  /** A message of the saga type's contract package, e.g. order.v1.ReserveInventory. */
  command: Message;
}

/** Params of the `publishEvent` action: a domain event for other systems, via the same outbox. */
export interface PublishEventParams {
  subject: string;
  /** A message of the saga type's contract package, e.g. order.v1.OrderCreated. */
  event: Message;
}

/** Events the engine feeds to every saga machine. Each carries the engine's clock reading. */
export type EngineEvent =
  | {
      type: 'REPLY';
      at: number;
      /**
       * The participant that answered, as authenticated by the reply's NATS subject. A step accepts
       * replies from its own participant only. Absent only in events built in-process (tests).
       */
      participant?: string;
      commandId: string;
      attempt: number;
      outcome: 'OK' | 'REJECTED' | 'FAILED';
      reasonCode: string;
      detail: string;
    }
  /**
   * The engine found the awaited command of `step` not taken by an available participant when its
   * attempt timed out (undelivered, held by a participant that is down, or the broker unreachable):
   * the attempt does not count, the step waits. `why` says which (see QUEUE_REASON).
   */
  | { type: 'COMMAND_QUEUED'; at: number; step: string; why: string }
  /** A queued step's command is now with an available participant: its attempt clock starts again. */
  | { type: 'COMMAND_DELIVERED'; at: number; step: string }
  /** A step stayed queued longer than its command's queue budget (the engine measures queued time). */
  | { type: 'QUEUE_EXPIRED'; at: number; step: string }
  | { type: 'START'; at: number }
  | { type: 'CANCEL'; at: number }
  | { type: 'RETRY'; at: number };

/** What a step looks like from outside (API, metrics, tests). */
export interface StepView {
  name: string;
  compensation: boolean;
  status: StepStatus;
  attempts: number;
  lastError: string | null;
  /** While queued: since when, and why (see QUEUE_REASON); null otherwise. */
  queuedAt: number | null;
  queueReason: string | null;
  startedAt: number | null;
  finishedAt: number | null;
}

export type StepStatus = 'pending' | 'running' | 'queued' | 'backoff' | 'succeeded' | 'rejected' | 'failed' | 'skipped' | 'parked';

/** Why a step is queued (the `why` of COMMAND_QUEUED). */
export const QUEUE_REASON = {
  /** JetStream holds the command; no participant has taken it yet (none pulling, or all busy). */
  notDelivered: 'NOT_DELIVERED',
  /** Delivered, but the participant that has it stopped announcing itself (down, frozen, cut off). */
  participantUnavailable: 'PARTICIPANT_UNAVAILABLE',
  /** The orchestrator cannot reach JetStream to tell. */
  brokerUnreachable: 'BROKER_UNREACHABLE',
  /** The participant answered (its consumer acknowledged the command); the reply waits for the orchestrator. */
  replyPending: 'REPLY_PENDING',
} as const;

/** Reason a saga ends with when a step stayed queued longer than its queue budget. */
export const STEP_QUEUE_EXPIRED = 'STEP_QUEUE_EXPIRED';

/** A step of a definition, as listed by GET /saga-types. */
export interface StepInfo {
  name: string;
  participant: string;
  action: string;
  compensation: boolean;
  /** Compensations: the forward step they undo. */
  compensates: string | null;
  /** Forward steps run in parallel with the others of the same group (null: alone). */
  parallelGroup: string | null;
  /** How the step is retried (timeouts, attempts, backoff, queue budget). */
  policy: RetryPolicy;
}

/** A saga type the engine can run: the machine plus how to read its input and its status. */
export interface SagaDefinition<TInput = unknown> {
  /** Saga type, e.g. "order"; also the reply subject suffix (saga.reply.<name>). */
  name: string;
  /** Bumped when the machine changes shape; rows keep the version they started on. */
  version: number;
  machine: AnyStateMachine;
  /** The raw input this version accepts (the API validates with it and publishes it as JSON Schema). */
  inputSchema: z.ZodType;
  /** Every step, forward ones first in the order they run, then the compensations. */
  steps: readonly StepInfo[];
  /** Every message the machine sends or publishes: the engine encodes them with it. */
  contracts: MessageCatalog;
  /**
   * For each configuration at rest (its atomic state ids, joined by +): the compensations owed if the
   * saga aborted there. Generated by `npm run check:sagas -- --write` into sagas/<type>/compensation-map.ts,
   * and verified against the explored paths by every check.
   */
  compensationMap?: Readonly<Record<string, readonly string[]>>;
  /**
   * How long a running or compensating saga may stay in a state before it counts as stuck, in ms,
   * by state node id (a kit step's id is its name). Default: each step's retry budget (stepAgeLimits).
   */
  ageLimits?: Readonly<Record<string, number>>;
  /** Validates untrusted input (throws with the offending field) and returns it typed; `sagaId` fills defaults. */
  parseInput(raw: unknown, sagaId: string): TInput;
  /** The machine input for a new saga (for XState's own initialTransition, e.g. in tests). */
  machineInput(sagaId: string, input: TInput, at: number): unknown;
  /** A new saga's resting first snapshot; the engine sends it START to begin. */
  createdSnapshot(sagaId: string, input: TInput, at: number): AnyMachineSnapshot;
  /** Status and reason read off a snapshot (what every transition stores). */
  status(snapshot: AnyMachineSnapshot): { status: SagaStatus; reason: string | null };
  /** Status, reason and steps read off a snapshot (what the API shows). */
  describe(snapshot: AnyMachineSnapshot): { status: SagaStatus; reason: string | null; steps: StepView[] };
  /** A short business key for listings and uniqueness (the order id, the trip id). */
  businessKey(input: TInput): string;
}

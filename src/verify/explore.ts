// Explores every reachable path of a saga definition with XState's pure transition function and
// no I/O, and checks the properties every saga built with the kit must have: every path ends
// (completed, cancelled, or parked in needs_attention for an operator), what was sent forward is
// compensated on an abort path, nothing is compensated that was never sent, no state is a dead end
// or unreachable. A violation comes with the shortest event sequence that shows it.
import type { AnyMachineSnapshot, AnyStateNode } from 'xstate';
import { PureTransitions } from '../engine/pure-transition.ts';
import { configurationKey, type EngineEvent, type SagaDefinition, type SagaStatus, type StepInfo, type StepState } from '../../sagas/kit/index.ts';

/** One event of a counterexample, with what it led to. */
export interface TraceStep {
  event: string;
  state: string;
  status: SagaStatus;
  sent: string[];
}

export interface Violation {
  kind: 'DOES_NOT_END' | 'NOT_COMPENSATED' | 'COMPENSATED_NEVER_SENT' | 'DEAD_END' | 'UNREACHABLE_STATE' | 'PATH_TOO_LONG' | 'COMPENSATED_ON_COMPLETION' | 'COMPENSATION_MAP_STALE';
  message: string;
  /** The shortest sequence of events from the start that shows it (empty for an unreachable state). */
  trace: TraceStep[];
}

export interface Exploration {
  type: string;
  version: number;
  /** Distinct abstract states (snapshot, steps, pending timers, what was sent) and the events between them. */
  states: number;
  transitions: number;
  /** Distinct configurations (sets of active atomic states) at rest. */
  configurations: number;
  /** State nodes that can be at rest, and how many of them the exploration reached. */
  restingNodes: number;
  reachedNodes: number;
  /** Reachable states with no event left: completed, cancelled. */
  finalStates: number;
  /** Reachable states parked for an operator (needs_attention). */
  parkedStates: number;
  longestShortestPath: number;
  pathLimit: number;
  violations: Violation[];
  /** For each configuration at rest: the compensations owed if the saga aborted there. */
  compensationMap: Record<string, string[]>;
}

/** The bound the exploration uses, printed with its results. */
export const EXPLORATION_BOUND =
  'every step answered OK, REJECTED or FAILED, or never (its timers fire), queued and delivered or expired; CANCEL in every state, RETRY when parked; 2 attempts per step (further attempts behave like the second)';

interface Node {
  snapshot: AnyMachineSnapshot;
  /** Delayed events pending, by timer id. */
  timers: Map<string, { type: string }>;
  /** Steps whose command was sent, and forward steps answered REJECTED. */
  sent: Set<string>;
  rejected: Set<string>;
  depth: number;
  parent: { node: Node; event: string } | undefined;
}

interface Action {
  type: string;
  params?: Record<string, unknown>;
}

const SAGA = 'check';

/** The steps a snapshot records, as the kit keeps them. */
function stepsOf(snapshot: AnyMachineSnapshot): Record<string, StepState> {
  return (snapshot.context as { steps: Record<string, StepState> }).steps;
}

function configuration(snapshot: AnyMachineSnapshot): string {
  return configurationKey((snapshot as unknown as { _nodes: AnyStateNode[] })._nodes);
}

/** What makes two nodes equivalent: attempts beyond the second, and clock readings, do not matter. */
function keyOf(node: Omit<Node, 'depth' | 'parent'>): string {
  const steps = Object.entries(stepsOf(node.snapshot))
    .map(([name, s]) => `${name}:${s.status}:${s.owed ? 1 : 0}:${Math.min(2, s.attempts - s.attemptsBeforeRetry)}`)
    .join(',');
  return [
    JSON.stringify(node.snapshot.value),
    (node.snapshot.context as { reason: string | null }).reason ?? '',
    steps,
    [...node.timers.keys()].sort().join(','),
    [...node.sent].sort().join(','),
    [...node.rejected].sort().join(','),
  ].join('|');
}

/** The events that can happen next: answers and timers of the steps in flight, engine verdicts, operator actions. */
function candidates(def: SagaDefinition, node: Node): EngineEvent[] {
  const events: EngineEvent[] = [];
  const steps = stepsOf(node.snapshot);
  for (const info of def.steps) {
    const s = steps[info.name];
    if (!s || (s.status !== 'running' && s.status !== 'queued')) continue;
    const reply = (outcome: 'OK' | 'REJECTED' | 'FAILED') =>
      ({ type: 'REPLY', at: 0, participant: info.participant, commandId: `${SAGA}:${info.name}`, attempt: s.attempts, outcome, reasonCode: outcome === 'REJECTED' ? 'CHECK_REJECTED' : outcome === 'FAILED' ? 'TRANSIENT' : '', detail: '' }) as const;
    events.push(reply('OK'), reply('REJECTED'), reply('FAILED'));
    if (s.status === 'running') events.push({ type: 'COMMAND_QUEUED', at: 0, step: info.name, why: 'NOT_DELIVERED' });
    else events.push({ type: 'COMMAND_DELIVERED', at: 0, step: info.name }, { type: 'QUEUE_EXPIRED', at: 0, step: info.name });
  }
  for (const timer of node.timers.values()) events.push({ ...(timer as { type: string }), at: 0 } as unknown as EngineEvent);
  events.push({ type: 'CANCEL', at: 0 }, { type: 'RETRY', at: 0 });
  return events;
}

function describeEvent(e: EngineEvent): string {
  if (e.type === 'REPLY') return `REPLY ${e.commandId.slice(SAGA.length + 1)} ${e.outcome}`;
  if ('step' in e) return `${e.type} ${e.step}`;
  const timer = /^xstate\.after\.(\w+)\.(\w+)\./.exec(e.type);
  return timer ? `${timer[1]} timer of ${timer[2]} fires` : e.type;
}

function traceOf(def: SagaDefinition, node: Node): TraceStep[] {
  const chain: Node[] = [];
  // The created snapshot has no parent: the trace starts with the START that left it.
  for (let n: Node | undefined = node; n?.parent; n = n.parent.node) chain.unshift(n);
  return chain.map((n) => ({
    event: n.parent!.event,
    state: configuration(n.snapshot),
    status: def.status(n.snapshot).status,
    sent: [...n.sent].sort(),
  }));
}

/**
 * Every state node that can be at rest. Passed through, so not counted: nodes with eventless
 * transitions (a compensation's `check`), and final nodes whose parent moves on
 * when they are reached (`compensating.done`).
 */
function restingNodes(def: SagaDefinition): string[] {
  const ids: string[] = [];
  const walk = (n: AnyStateNode) => {
    const completesParent = n.type === 'final' && n.parent !== undefined && n.parent.config.onDone !== undefined;
    if ((n.type === 'atomic' || n.type === 'final') && n.always === undefined && !completesParent) ids.push(n.id);
    for (const child of Object.values(n.states)) walk(child as AnyStateNode);
  };
  walk(def.machine.root);
  return ids;
}

/** Explores one definition (built with small retry budgets: see EXPLORATION_BOUND) from a sample input. */
export function explore(def: SagaDefinition, input: unknown, options: { maxStates?: number } = {}): Exploration {
  const maxStates = options.maxStates ?? 200_000;
  const forward = def.steps.filter((s) => !s.compensation);
  const compensationOf = new Map(def.steps.filter((s) => s.compensation && s.compensates).map((s) => [s.compensates!, s] as [string, StepInfo]));
  const forwardOf = new Map(def.steps.filter((s) => s.compensation && s.compensates).map((s) => [s.name, s.compensates!]));
  const pathLimit = 12 * def.steps.length;

  const pure = new PureTransitions();
  const step = (from: Node, event: EngineEvent): Node | null => {
    const [next, actions] = pure.transition(def.machine, from.snapshot, event as never);
    if (next === from.snapshot) return null;
    const timers = new Map(from.timers);
    const sent = new Set(from.sent);
    const rejected = new Set(from.rejected);
    // A fired timer is gone; the actions below may set it again.
    if (event.type.startsWith('xstate.after.')) for (const [id, t] of timers) if (t.type === event.type) timers.delete(id);
    for (const a of actions as Action[]) {
      if (a.type === 'xstate.raise' && a.params?.delay !== undefined) timers.set(String(a.params.id ?? (a.params.event as { type: string }).type), a.params.event as { type: string });
      if (a.type === 'xstate.cancel') timers.delete(String(a.params!.sendId));
      if (a.type === 'sendCommand') sent.add(String(a.params!.step));
    }
    if (event.type === 'REPLY' && event.outcome === 'REJECTED') rejected.add(event.commandId.slice(SAGA.length + 1));
    return { snapshot: next, timers, sent, rejected, depth: from.depth + 1, parent: { node: from, event: describeEvent(event) } };
  };

  const sagaInput = def.parseInput(input, SAGA);
  const created: Node = { snapshot: def.createdSnapshot(SAGA, sagaInput, 0), timers: new Map(), sent: new Set(), rejected: new Set(), depth: 0, parent: undefined };
  const start = step(created, { type: 'START', at: 0 });
  if (!start) throw new Error(`${def.name}@${def.version}: START changes nothing`);

  const seen = new Map<string, Node>([[keyOf(start), start]]);
  const visitedNodes = new Set<string>((created.snapshot as unknown as { _nodes: AnyStateNode[] })._nodes.map((n) => n.id));
  const queue: Node[] = [start];
  const violations: Violation[] = [];
  const reported = new Set<string>();
  const report = (kind: Violation['kind'], message: string, node: Node | undefined) => {
    if (reported.has(`${kind}:${message}`)) return;
    reported.add(`${kind}:${message}`);
    violations.push({ kind, message, trace: node ? traceOf(def, node) : [] });
  };
  const configurations = new Set<string>();
  const compensationMap: Record<string, Set<string>> = {};
  let transitions = 0;
  let finalStates = 0;
  let parkedStates = 0;
  let longest = 0;

  while (queue.length > 0) {
    const node = queue.shift()!;
    const { status } = def.status(node.snapshot);
    const config = configuration(node.snapshot);
    configurations.add(config);
    for (const n of (node.snapshot as unknown as { _nodes: AnyStateNode[] })._nodes) visitedNodes.add(n.id);
    longest = Math.max(longest, node.depth);
    if (node.depth > pathLimit) report('PATH_TOO_LONG', `a path takes more than ${pathLimit} events (12 per step)`, node);

    // Owed if it aborted now: forward steps sent and not rejected whose compensation has not run yet
    // (nothing once final: a finished saga cannot abort).
    const owed = status === 'completed' || status === 'cancelled' ? [] : forward.filter((f) => node.sent.has(f.name) && !node.rejected.has(f.name) && !node.sent.has(compensationOf.get(f.name)?.name ?? '')).map((f) => compensationOf.get(f.name)?.name ?? `(none for ${f.name})`);
    compensationMap[config] ??= new Set();
    for (const c of owed) compensationMap[config]!.add(c);

    for (const c of node.sent) {
      const f = forwardOf.get(c);
      if (f && !node.sent.has(f)) report('COMPENSATED_NEVER_SENT', `${c} was sent although ${f} never was`, node);
    }
    if (status === 'completed' || status === 'cancelled') {
      finalStates++;
      if (status === 'cancelled') {
        for (const f of forward) {
          if (!node.sent.has(f.name) || node.rejected.has(f.name)) continue;
          const c = compensationOf.get(f.name);
          if (!c) report('NOT_COMPENSATED', `${f.name} was sent (answered OK or in doubt) and has no compensation`, node);
          else if (!node.sent.has(c.name)) report('NOT_COMPENSATED', `${f.name} was sent (answered OK or in doubt) but ${c.name} was never sent`, node);
        }
      } else {
        for (const c of def.steps.filter((s) => s.compensation)) if (node.sent.has(c.name)) report('COMPENSATED_ON_COMPLETION', `${c.name} was sent on a path that completed`, node);
      }
      continue;
    }
    if (status === 'needs_attention') parkedStates++;

    let moved = false;
    for (const event of candidates(def, node)) {
      const next = step(node, event);
      if (!next) continue;
      moved = true;
      transitions++;
      const key = keyOf(next);
      if (seen.has(key)) continue;
      if (seen.size >= maxStates) throw new Error(`${def.name}@${def.version}: more than ${maxStates} states; the bound does not hold for this machine`);
      seen.set(key, next);
      queue.push(next);
    }
    if (!moved) report(status === 'needs_attention' ? 'DEAD_END' : 'DOES_NOT_END', `${config} (${status}) has no way out`, node);
  }

  const resting = restingNodes(def);
  for (const id of resting) if (!visitedNodes.has(id)) report('UNREACHABLE_STATE', `state ${id} is never reached`, undefined);
  const explored = Object.fromEntries(Object.entries(compensationMap).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));
  if (JSON.stringify(explored) !== JSON.stringify(sortedMap(def.compensationMap ?? {}))) {
    report('COMPENSATION_MAP_STALE', `the definition's compensation map is ${def.compensationMap ? 'not what the paths show' : 'missing'}: run npm run check:sagas -- --write`, undefined);
  }

  return {
    type: def.name,
    version: def.version,
    states: seen.size,
    transitions,
    configurations: configurations.size,
    restingNodes: resting.length,
    reachedNodes: resting.filter((id) => visitedNodes.has(id)).length,
    finalStates,
    parkedStates,
    longestShortestPath: longest,
    pathLimit,
    violations,
    compensationMap: explored,
  };
}

function sortedMap(map: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));
}

// Replays recorded saga histories through a definition with the pure transition function: each
// recorded event, with its recorded clock reading, in order, from the saga's recorded input. Where
// the definition now sends other commands, or reaches another status, than the recorded run did,
// the first such event is reported. With another version than the one a saga ran on, it shows what
// that saga would have done on it, and so whether moving sagas in flight to it would be safe.
import type { SagaDefinition, SagaStatus } from '../../sagas/kit/index.ts';
import { PureTransitions, replayHistory } from '../engine/pure-transition.ts';
import type { RecordedSagaRow } from '../store/index.ts';

/** One saga as recorded: its row and its history, as the store reads them (JSON columns as text). */
export type RecordedSaga = RecordedSagaRow;

export interface Divergence {
  seq: number;
  event: string;
  recorded: { status: string; commands: string[]; ignored: boolean };
  replayed: { status: SagaStatus; commands: string[]; ignored: boolean };
}

export interface ReplayResult {
  sagaId: string;
  type: string;
  /** The version the saga ran on, and the one it was replayed on. */
  recordedVersion: number;
  replayedVersion: number;
  events: number;
  /** The first event where the replay differs; null when it does everything the recorded run did. */
  divergence: Divergence | null;
}

/** A command as the comparison sees it: step, attempt, and whether it compensates. */
function commandKey(step: unknown, attempt: unknown, compensation: unknown): string {
  return `${String(step)}#${String(attempt)}${compensation ? ' (compensation)' : ''}`;
}

/** Replays one saga through `def` (its own version, or another one of its type). */
export function replaySaga(saga: RecordedSaga, def: SagaDefinition, pure = new PureTransitions()): ReplayResult {
  const result: ReplayResult = { sagaId: saga.id, type: saga.type, recordedVersion: saga.version, replayedVersion: def.version, events: 0, divergence: null };
  for (const { row, before, next, actions } of replayHistory(def, { id: saga.id, input: JSON.parse(saga.input), createdAt: saga.createdAt }, saga.history, pure)) {
    result.events++;
    const ignored = next === before;
    const commands = actions.filter((a) => a.type === 'sendCommand').map((a) => {
      const p = a.params as { step: string; attempt: number; compensation: boolean };
      return commandKey(p.step, p.attempt, p.compensation);
    });
    const recordedCommands = row.ignored
      ? []
      : (JSON.parse(row.effects) as { kind: string; step?: string; attempt?: number; compensation?: boolean }[])
          .filter((e) => e.kind === 'command')
          .map((e) => commandKey(e.step, e.attempt, e.compensation));
    const status = ignored ? def.status(before).status : def.status(next).status;
    const same = ignored === row.ignored && status === row.status && JSON.stringify(commands) === JSON.stringify(recordedCommands);
    if (!same) {
      result.divergence = {
        seq: row.seq,
        event: row.eventType,
        recorded: { status: row.status, commands: recordedCommands, ignored: row.ignored },
        replayed: { status, commands, ignored },
      };
      return result;
    }
  }
  return result;
}

/** One line per diverging saga, then a summary. */
export function formatReplay(results: readonly ReplayResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (!r.divergence) continue;
    const d = r.divergence;
    lines.push(
      `${r.type} ${r.sagaId} (recorded on v${r.recordedVersion}, replayed on v${r.replayedVersion}): differs at event ${d.seq} ${d.event}`,
      `  recorded: ${d.recorded.ignored ? 'ignored' : d.recorded.status} sent [${d.recorded.commands.join(', ')}]`,
      `  replayed: ${d.replayed.ignored ? 'ignored' : d.replayed.status} sent [${d.replayed.commands.join(', ')}]`,
    );
  }
  const diverged = results.filter((r) => r.divergence).length;
  lines.push(`${results.length} saga(s) replayed, ${results.reduce((n, r) => n + r.events, 0)} events: ${diverged === 0 ? 'every one does what it did' : `${diverged} differ`}`);
  return lines.join('\n');
}

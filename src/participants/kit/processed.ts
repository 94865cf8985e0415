import type { Db } from '../../store/index.ts';
import type { HandlerResult } from './types.ts';

/** One row of processed_commands: the reply a participant gave to a command id. */
export interface ProcessedCommand extends HandlerResult {
  commandId: string;
  sagaId: string;
  kind: string;
  processedAt: number;
}

interface Row {
  command_id: string;
  saga_id: string;
  kind: string;
  outcome: 'OK' | 'REJECTED';
  reason_code: string;
  detail: string;
  processed_at: number;
}

/** The processed_commands table every participant database has (see migrations/<name>/001_init.sql). */
export interface ProcessedCommands {
  find(commandId: string): ProcessedCommand | undefined;
  record(entry: ProcessedCommand): void;
}

/** Prepared statements over processed_commands. */
export function processedCommands(db: Db): ProcessedCommands {
  const select = db.prepare<[string], Row>('SELECT * FROM processed_commands WHERE command_id = ?');
  // Positional: binding by name looks up every parameter on the object (see SagaStore).
  const insert = db.prepare<[string, string, string, string, string, string, number]>(
    'INSERT INTO processed_commands (command_id, saga_id, kind, outcome, reason_code, detail, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    find(commandId) {
      const row = select.get(commandId);
      if (!row) return undefined;
      return {
        commandId: row.command_id,
        sagaId: row.saga_id,
        kind: row.kind,
        outcome: row.outcome,
        reasonCode: row.reason_code,
        detail: row.detail,
        processedAt: row.processed_at,
      };
    },
    record(entry) {
      insert.run(entry.commandId, entry.sagaId, entry.kind, entry.outcome, entry.reasonCode, entry.detail, entry.processedAt);
    },
  };
}

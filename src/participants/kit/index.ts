// The participant kit: write a participant as handlers over its own SQLite database; the kit runs
// the protocol (docs/protocol.md) around them. See "Write a participant" in the README.
export { defineParticipant, routesOf, type AnyParticipantDefinition, type ParticipantDefinition, type ParticipantDomain, type PgParticipantDomain } from './define.ts';
export { handles, handlesPg, ok, rejected, REASON, DEFAULT_ACK_WAIT_MS, type AnyPgHandlerEntry, type PgCommandHandler, type PgCommandHandlers, type PgHandlerContext, type PgHandlerEntry, type Sql, type AnyHandlerEntry, type Clock, type CommandHandler, type CommandHandlers, type HandlerContext, type HandlerEntry, type HandlerResult } from './types.ts';
export { amountSchema } from './amount.ts';
export { runParticipants } from './process.ts';
export { loadProcessConfig, processEnvVars, PARTICIPANT_DEFAULTS, type ParticipantSettings, type ProcessConfig } from './config.ts';
export { createParticipantApp, pathParam, parseBody, type MetricsSource, type ParticipantAppOptions, type ParticipantRoutes, type ReadinessCheck, type RouteKit } from './http.ts';
export {
  startParticipant,
  type ChaosOptions,
  type CommandObservation,
  type ParticipantRuntimeMetrics,
  type ParticipantRuntime,
  type ParticipantRuntimeOptions,
  type ParticipantStats,
} from './runtime.ts';
export { processedCommands, type ProcessedCommand, type ProcessedCommands } from './processed.ts';

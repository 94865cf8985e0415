export { SagaEngine, type SagaView, type SagaSummary, type ApplyResult, type SagaEvent, type StartOptions, type CommitInfo, type TransitionObservation, type DeliveryVerdict, type DeliveryVerdicts, statePath, timerKey, isGated } from './engine.ts';
export { startOrchestrator, ORCHESTRATOR_DURABLE, type Orchestrator, type OrchestratorOptions, type OrchestratorObserver } from './orchestrator.ts';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.ts';
export { DeliveryProbe, type ConsumerPosition, type DeliveryProbeOptions } from './delivery-probe.ts';
export { TimerScheduler } from './timer-scheduler.ts';
export { toEffects, type TraceContext } from './effects.ts';
export { silentLogger, type Logger } from '../logger.ts';
export { applyAction, selectForBulk, runBulk, MAX_BULK, BULK_ACTIONS, ACTION_STATUS, type BulkActionName, type BulkFilter, type BulkResult } from './bulk-actions.ts';

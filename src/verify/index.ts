export { explore, EXPLORATION_BOUND, type Exploration, type TraceStep, type Violation } from './explore.ts';
export { checkSagaTypes, formatExploration, CHECK_POLICIES } from './check.ts';
export { writeCompensationMaps } from './write-maps.ts';
export { replaySaga, formatReplay, type RecordedSaga, type ReplayResult, type Divergence } from './replay.ts';

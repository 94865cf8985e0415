export * from './definition.ts';
export * from './retry-policy.ts';
export * from './plugin.ts';
export { commandStep, commandIdOf, stepOfCommandId, timerOf, pendingStep, eventTime, type StepState, type StepContext, type CommandStepSpec } from './command-step.ts';
export { kitSagaStatus, kitDescribe, configurationKey } from './describe.ts';
export { parallelSteps, branchDone } from './parallel.ts';
export { stepAgeLimits, stepBudgetMs } from './age-limits.ts';

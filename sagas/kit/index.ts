export * from './definition.ts';
export * from './retry-policy.ts';
export { commandStep, commandIdOf, stepOfCommandId, timerOf, pendingStep, eventTime, type StepState, type StepContext, type CommandStepSpec } from './command-step.ts';

// The project's participants, by name, and their configuration: what the entry points, the local
// runner and the deployment checks read.
import { orderCommands } from '../../sagas/order/contracts/index.ts';
import { tripCommands } from '../../sagas/trip/contracts/index.ts';
import { commandKindOf } from '../contracts/index.ts';
import type { Env } from '../config/env.ts';
import { loadProcessConfig, processEnvVars, type AnyParticipantDefinition, type ParticipantSettings, type ProcessConfig } from './kit/index.ts';
import { inventory } from './inventory/participant.ts';
import { payment } from './payment/participant.ts';
import { shipping } from './shipping/participant.ts';
import { cars, flights, hotels } from './travel/index.ts';

/** Every participant of the project, by name. */
export const PARTICIPANTS = {
  inventory,
  payment,
  shipping,
  flights,
  hotels,
  cars,
} as const satisfies Record<string, AnyParticipantDefinition>;

export type ParticipantName = keyof typeof PARTICIPANTS;
export const PARTICIPANT_NAMES = Object.keys(PARTICIPANTS) as ParticipantName[];

/** Processes of several participants: name → the participants it runs. Any other participant runs alone. */
export const PARTICIPANT_PROCESSES: Readonly<Record<string, readonly ParticipantName[]>> = {
  travel: ['flights', 'hotels', 'cars'],
};

/** Every command kind of every saga type's contract (what CHAOS_ACTIONS may name, in any participant). */
export const COMMAND_KINDS: readonly string[] = [...new Set([...orderCommands, ...tripCommands].map((t) => commandKindOf(t.name)))];

/** The configuration of a process running participant `name` alone. */
export function loadParticipantConfig(name: ParticipantName, env: Env): ProcessConfig & ParticipantSettings {
  const { process, participants } = loadProcessConfig([PARTICIPANTS[name]], env, COMMAND_KINDS);
  return { ...process, ...participants[0]! };
}

/** Every environment variable each participant process reads (its configuration schema), for drift checks. */
export const PARTICIPANT_ENV_VARS: Readonly<Record<string, readonly string[]>> = Object.fromEntries([
  ...PARTICIPANT_NAMES.map((name) => [name, processEnvVars([PARTICIPANTS[name]])] as const),
  ...Object.entries(PARTICIPANT_PROCESSES).map(([name, members]) => [name, processEnvVars(members.map((m) => PARTICIPANTS[m]))] as const),
]);

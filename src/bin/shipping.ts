// Entry point: the shipping participant process (see src/participants/kit/process.ts).
import { COMMAND_KINDS, PARTICIPANTS } from '../participants/config.ts';
import { runParticipants } from '../participants/kit/index.ts';

await runParticipants({ name: 'shipping', participants: [PARTICIPANTS.shipping], knownKinds: COMMAND_KINDS }, process.env);

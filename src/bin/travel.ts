// Entry point: the travel process, which runs the flights, hotels and cars participants (see src/participants/kit/process.ts).
import { COMMAND_KINDS, PARTICIPANT_PROCESSES, PARTICIPANTS } from '../participants/config.ts';
import { runParticipants } from '../participants/kit/index.ts';

await runParticipants({ name: 'travel', participants: PARTICIPANT_PROCESSES.travel!.map((n) => PARTICIPANTS[n]), knownKinds: COMMAND_KINDS }, process.env);

// Entry point: the shipping participant process (see src/participants/main.ts).
import { runParticipant } from '../participants/main.ts';

await runParticipant('shipping', process.env);

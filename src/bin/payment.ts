// Entry point: the payment participant process (see src/participants/main.ts).
import { runParticipant } from '../participants/main.ts';

await runParticipant('payment', process.env);

// Entry point: the inventory participant process (see src/participants/main.ts).
import { runParticipant } from '../participants/main.ts';

await runParticipant('inventory', process.env);

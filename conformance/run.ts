// npm run conformance -- --nats URL --participant NAME [--restart-command "shell cmd"] [--timeout-ms N]
//
// Checks one running participant against docs/protocol.md over NATS only. Prints one line per
// check, `PASS|FAIL|SKIP <check>: <detail>`, on stdout; exits 0 only if no check failed, 1 if one
// did (or NATS could not be used), 2 on a usage error.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { EnvReader } from '../src/config/env.ts';
import { natsClientConfig, redactNatsUrl, type NatsClientConfig } from '../src/config/nats.ts';
import { CONFORMANCE_SAGA_TYPE, DEFAULT_TIMEOUT_MS, runConformance, type CheckResult } from './checks.ts';
import { PARTICIPANT_NAMES } from './profiles.ts';

const USAGE = 'usage: npm run conformance -- --nats URL --participant NAME [--restart-command "shell cmd"] [--timeout-ms N]';

const HELP = `${USAGE}

Checks a running saga participant against docs/protocol.md, over NATS only.

  --nats URL               NATS server(s), e.g. nats://127.0.0.1:4222
  --participant NAME       one of: ${PARTICIPANT_NAMES.join(', ')}
  --restart-command CMD    shell command that restarts the participant (e.g. kills and starts it);
                           without it the restart-mid-command check is skipped
  --timeout-ms N           bound of every wait (a reply, a dead letter, presence); default ${DEFAULT_TIMEOUT_MS}
  -h, --help               this text

Credentials and TLS come from the environment, as for the project's processes: NATS_USER and
NATS_PASSWORD, NATS_TOKEN or NATS_CREDS_FILE, and NATS_TLS_CA_FILE, NATS_TLS_CERT_FILE, NATS_TLS_KEY_FILE.

It publishes commands of saga type "${CONFORMANCE_SAGA_TYPE}" to saga.cmd.<participant>.<action> and reads
the replies on saga.reply.> with a core NATS subscription, saga.presence.<participant>, and the
SAGA_DLQ stream (message get by sequence). It creates SAGA_COMMANDS, SAGA_REPLIES and SAGA_DLQ if
they are missing and changes no existing stream. Its NATS user needs those rights, with inboxes
under _INBOX.conformance.

Run it against a NATS without a live orchestrator: an orchestrator consuming SAGA_REPLIES would
dead-letter every reply to these commands (UNKNOWN_SAGA: there are no "${CONFORMANCE_SAGA_TYPE}" sagas) to
saga.dlq.orchestrator. The checks still see the replies, so run it there only if you accept those
dead letters. Without an orchestrator the replies stay in SAGA_REPLIES (a work queue nobody consumes).
The commands have real effects on the participant (small reservations, charges of 1.00 EUR to new
customers, tombstones), under business keys "conformance-<random>".

The failed-not-stored check needs a participant that sometimes answers FAILED (the reference
participants: CHAOS_FAILURE_RATE=0.3); otherwise it is skipped.

Prints one line per check, "PASS|FAIL|SKIP <check>: <detail>", on stdout; exits 0 if no check
failed, 1 if one did (or NATS could not be used), 2 on a usage error.`;

class UsageError extends Error {}

interface Args {
  natsUrl: string;
  nats: NatsClientConfig;
  participant: string;
  restartCommand: string | undefined;
  timeoutMs: number;
}

/** node:util parseArgs with the CLI's options; strict, so an unknown option throws. */
function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      nats: { type: 'string' },
      participant: { type: 'string' },
      'restart-command': { type: 'string' },
      'timeout-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Parses the command line; throws UsageError for anything missing or invalid, returns null for --help. */
function parse(argv: string[]): Args | null {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values } = parsed;
  if (values.help) return null;
  if (!values.nats) throw new UsageError('--nats is required');
  if (!values.participant) throw new UsageError('--participant is required');
  if (!PARTICIPANT_NAMES.includes(values.participant)) {
    throw new UsageError(`unknown participant "${values.participant}" (known: ${PARTICIPANT_NAMES.join(', ')})`);
  }
  const rawTimeout = values['timeout-ms'];
  const timeoutMs = rawTimeout === undefined ? DEFAULT_TIMEOUT_MS : Number(rawTimeout);
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout-ms must be a positive integer, got "${rawTimeout}"`);
  const restartCommand = values['restart-command'];
  if (restartCommand !== undefined && restartCommand.trim() === '') throw new UsageError('--restart-command must not be empty');
  let nats: NatsClientConfig;
  try {
    nats = natsClientConfig(new EnvReader(process.env));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  return { natsUrl: values.nats, nats, participant: values.participant, restartCommand, timeoutMs };
}

/** Runs the restart command in a shell; its output goes to stderr so stdout stays one line per check. */
function shellRestart(command: string): () => Promise<void> {
  return () =>
    new Promise((resolve, reject) => {
      const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pipe(process.stderr, { end: false });
      child.stderr.pipe(process.stderr, { end: false });
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`restart command exited with ${code ?? signal}`));
      });
    });
}

function line(r: CheckResult): string {
  return `${r.status} ${r.check}: ${r.detail}`;
}

async function main(): Promise<number> {
  let args: Args | null;
  try {
    args = parse(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`conformance: ${err.message}\n${USAGE}\n(--help for details)\n`);
    return 2;
  }
  if (!args) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  let results: CheckResult[];
  try {
    results = await runConformance({
      natsUrl: args.natsUrl,
      auth: args.nats.auth,
      tls: args.nats.tls,
      participant: args.participant,
      restart: args.restartCommand === undefined ? undefined : shellRestart(args.restartCommand),
      timeoutMs: args.timeoutMs,
      onResult: (r) => process.stdout.write(`${line(r)}\n`),
    });
  } catch (err) {
    process.stderr.write(`conformance: cannot check ${args.participant} over ${redactNatsUrl(args.natsUrl)}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const count = (s: CheckResult['status']) => results.filter((r) => r.status === s).length;
  process.stderr.write(`${args.participant}: ${count('PASS')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped\n`);
  return count('FAIL') > 0 ? 1 : 0;
}

process.exitCode = await main();

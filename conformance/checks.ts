// Black-box conformance checks of one running participant, over NATS only, from what
// docs/protocol.md promises: a participant written in another language is checked the same way.
// Nothing here reads a participant's database or HTTP endpoints, and nothing depends on how its
// business turns out (a forward command may be accepted or refused): the checks compare the
// participant's answers with each other and with the protocol's rules.
//
// Replies are observed with a core NATS subscription on saga.reply.>, so the harness sees them
// whether or not an orchestrator consumes SAGA_REPLIES (one that runs would dead-letter these
// replies as UNKNOWN_SAGA: the `conformance` saga type has no sagas).
import { randomUUID } from 'node:crypto';
import { JetStreamApiCodes, JetStreamApiError, jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { MESSAGE_TYPE, commandKindOf, decodeReply, encodeCommand, type Reply } from '../src/contracts/index.ts';
import {
  HEADER,
  STREAM,
  commandSubject,
  connectNats,
  deadLetterSubject,
  ensureStreams,
  fromNatsHeaders,
  presenceSubject,
  protobufContentType,
  replySubject,
  sagaStreams,
  toNatsHeaders,
  type NatsConnectOptions,
} from '../src/messaging/index.ts';
import { profileOf, PARTICIPANT_NAMES, type ParticipantProfile, type SampleCommand } from './profiles.ts';

/** The checks, in the order they run. */
export const CHECK_NAMES = [
  'presence',
  'duplicate',
  'compensation-first',
  'failed-not-stored',
  'attempt-echo',
  'reply-subject-and-headers',
  'dead-letter',
  'restart-mid-command',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];
export type CheckStatus = 'PASS' | 'FAIL' | 'SKIP';

/** The verdict of one check. */
export interface CheckResult {
  check: CheckName;
  status: CheckStatus;
  /** Why, in one line: what was observed, or what was expected and what came instead. */
  detail: string;
  durationMs: number;
}

export interface ConformanceOptions {
  /** NATS server URL(s), comma-separated. */
  natsUrl: string;
  /** Credentials and TLS, as the project's processes take them (none by default). */
  auth?: NatsConnectOptions['auth'];
  tls?: NatsConnectOptions['tls'];
  /** The participant's name (the <participant> of its subjects); must have a profile. */
  participant: string;
  /** Restarts the participant (e.g. SIGKILL and start again); without it restart-mid-command is skipped. */
  restart?: () => Promise<void>;
  /** Bound of every single wait (a reply, a dead letter, presence); default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Run only these checks (all by default). */
  only?: readonly CheckName[];
  /** Called with each result as soon as its check ends, e.g. to print it. */
  onResult?: (result: CheckResult) => void;
}

/** Default bound of every wait. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** The saga type of every envelope the harness sends; replies go to saga.reply.conformance.<participant>. */
export const CONFORMANCE_SAGA_TYPE = 'conformance';
/** Message shown when failed-not-stored could not be exercised. */
export const NEVER_FAILED = 'participant never answered FAILED (run it with CHAOS_FAILURE_RATE to exercise this)';

/** Resends of one command id while it answers FAILED before a check gives up. */
const MAX_FAILED_RESENDS = 20;
/** Fresh commands failed-not-stored tries before concluding the participant never answers FAILED. */
const FAILED_PROBES = 30;
/** Stored-answer confirmations after the first final answer in failed-not-stored. */
const CONFIRMATIONS = 2;
/** How long to keep listening after a reply for stray copies on other subjects. */
const STRAY_GRACE_MS = 500;
/** How long a reply with an attempt never sent may stand before the matching one is given up on. */
const WRONG_ATTEMPT_GRACE_MS = 1_000;
const POLL_MS = 10;
/** A command type no participant serves (the dead-letter check's unsupported command). */
const UNSUPPORTED_TYPE = 'conformance.v1.NoSuchCommand';
const PROBE_HEADER = 'Conformance-Probe';

/** A reply seen on saga.reply.>, decoded if it could be. */
interface SeenReply {
  subject: string;
  headers: Record<string, string>;
  /** From the body, or the Command-Id header when the body is unusable. */
  commandId: string;
  reply: Reply | undefined;
  /** Why the body could not be decoded. */
  error: string | undefined;
}

/** A final (OK or REJECTED) answer and what it took to get it. */
interface Final {
  answer: SeenReply & { reply: Reply };
  /** The attempt that got it. */
  attempt: number;
  /** FAILED answers before it (each to the previous attempt). */
  failed: number;
}

/** A message of the dead-letter stream. */
interface StoredLetter {
  seq: number;
  data: Uint8Array;
  headers: Record<string, string>;
}

/** The ids of one command in one saga. */
interface Ids {
  sagaId: string;
  commandId: string;
  businessKey: string;
}

/** A failed check with its reason; anything else thrown by a check is reported the same way. */
class CheckFailure extends Error {}

function fail(detail: string): never {
  throw new CheckFailure(detail);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value; after `timeoutMs` the check fails with `what` (the participant did not do it in time). */
async function poll<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string | (() => string)): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) fail(`${typeof what === 'string' ? what : what()} within ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

/** OUTCOME/REASON "detail", for messages. */
function show(r: Reply): string {
  return `${r.outcome}${r.reasonCode ? `/${r.reasonCode}` : ''} "${r.detail}"`;
}

/** The same final answer: what a stored reply repeats (the attempt aside). */
function sameAnswer(a: Reply, b: Reply): boolean {
  return a.outcome === b.outcome && a.reasonCode === b.reasonCode && a.detail === b.detail;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** One NATS connection, the reply log and the send/await primitives the checks are written with. */
class Harness {
  readonly replies: SeenReply[] = [];
  private readonly sentAttempts = new Map<string, Set<number>>();
  private readonly subscriptions: Subscription[] = [];
  private publishes = 0;

  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly profile: ParticipantProfile;
  readonly timeoutMs: number;

  private constructor(nc: NatsConnection, jsm: JetStreamManager, profile: ParticipantProfile, timeoutMs: number) {
    this.nc = nc;
    this.js = jetstream(nc);
    this.jsm = jsm;
    this.profile = profile;
    this.timeoutMs = timeoutMs;
  }

  static async open(options: ConformanceOptions, profile: ParticipantProfile, timeoutMs: number): Promise<Harness> {
    // Named "conformance", so its inboxes are _INBOX.conformance.> (what its NATS user must be allowed to subscribe to).
    const nc = await connectNats({ servers: options.natsUrl, name: 'conformance', auth: options.auth, tls: options.tls });
    try {
      const jsm = await jetstreamManager(nc);
      const h = new Harness(nc, jsm, profile, timeoutMs);
      await h.ensureStreams();
      h.subscriptions.push(
        nc.subscribe(replySubject('>'), {
          callback: (err, msg) => {
            if (!err) h.record(msg);
          },
        }),
      );
      // The subscription must be registered on the server before the first command goes out.
      await nc.flush();
      return h;
    } catch (err) {
      await nc.close();
      throw err;
    }
  }

  get name(): string {
    return this.profile.name;
  }

  get replyTo(): string {
    return replySubject(CONFORMANCE_SAGA_TYPE, this.name);
  }

  /** Creates only the streams that are missing: an existing deployment's stream settings are not ours to change. */
  private async ensureStreams(): Promise<void> {
    const missing: string[] = [];
    for (const name of [STREAM.commands, STREAM.replies, STREAM.deadLetters]) {
      try {
        await this.jsm.streams.info(name);
      } catch (err) {
        if (!(err instanceof JetStreamApiError) || err.code !== JetStreamApiCodes.StreamNotFound) throw err;
        missing.push(name);
      }
    }
    if (missing.length > 0) await ensureStreams(this.jsm, sagaStreams().filter((s) => missing.includes(s.name)));
  }

  private record(msg: Msg): void {
    const headers = fromNatsHeaders(msg.headers);
    try {
      const reply = decodeReply(msg.data);
      this.replies.push({ subject: msg.subject, headers, commandId: reply.commandId, reply, error: undefined });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.replies.push({ subject: msg.subject, headers, commandId: headers[HEADER.commandId] ?? '', reply: undefined, error });
    }
  }

  /** Fresh ids for one command of a new saga (the command id has the orchestrator's <sagaId>:<step> shape). */
  ids(command: SampleCommand, businessKey: string, sagaId: string = randomUUID()): Ids {
    return { sagaId, commandId: `${sagaId}:${commandKindOf(command.type)}`, businessKey };
  }

  /** Publishes one attempt of a command the way the orchestrator's outbox does; returns its stream sequence. */
  async send(command: SampleCommand, ids: Ids, attempt: number): Promise<number> {
    let attempts = this.sentAttempts.get(ids.commandId);
    if (!attempts) this.sentAttempts.set(ids.commandId, (attempts = new Set()));
    attempts.add(attempt);
    const envelope = encodeCommand({
      sagaId: ids.sagaId,
      commandId: ids.commandId,
      attempt,
      sagaType: CONFORMANCE_SAGA_TYPE,
      replyTo: this.replyTo,
      commandType: command.type,
      payload: command.payload,
      businessKey: ids.businessKey,
    });
    const headers = toNatsHeaders({
      [HEADER.sagaId]: ids.sagaId,
      [HEADER.sagaType]: CONFORMANCE_SAGA_TYPE,
      [HEADER.commandId]: ids.commandId,
      [HEADER.sagaStep]: commandKindOf(command.type),
      [HEADER.sagaAttempt]: String(attempt),
      [HEADER.sagaCompensation]: command.compensation ? 'true' : undefined,
      [HEADER.contentType]: protobufContentType(MESSAGE_TYPE.command),
    });
    // A new Nats-Msg-Id per publish (as each attempt has): a repeat must reach the participant, not be deduplicated by the stream.
    const ack = await this.js.publish(commandSubject(this.name, command.action), envelope, {
      msgID: `${ids.sagaId}:${++this.publishes}:0`,
      headers,
      timeout: this.timeoutMs,
    });
    return ack.seq;
  }

  /** Replies seen for a command id, in arrival order. */
  repliesTo(commandId: string): SeenReply[] {
    return this.replies.filter((r) => r.commandId === commandId);
  }

  /**
   * Waits for the reply to one attempt, among replies seen from index `since` on. Replies to other
   * attempts this harness sent are ignored (a redelivery of an earlier one may answer late); one
   * carrying an attempt never sent means the attempt is not echoed, and fails the wait quickly.
   */
  async awaitReply(commandId: string, attempt: number, since: number): Promise<SeenReply & { reply: Reply }> {
    const sent = this.sentAttempts.get(commandId) ?? new Set<number>();
    let wrongSince: number | undefined;
    return poll(() => {
      let wrong: SeenReply | undefined;
      for (let i = since; i < this.replies.length; i++) {
        const r = this.replies[i]!;
        if (r.commandId !== commandId) continue;
        if (!r.reply) fail(`undecodable reply on ${r.subject}: ${r.error}`);
        if (r.reply.attempt === attempt) return { ...r, reply: r.reply };
        if (!sent.has(r.reply.attempt)) wrong = r;
      }
      if (wrong?.reply) {
        wrongSince ??= Date.now();
        if (Date.now() - wrongSince >= WRONG_ATTEMPT_GRACE_MS) {
          fail(`attempt ${attempt} was answered with attempt ${wrong.reply.attempt} (${show(wrong.reply)}): the command's attempt must be echoed`);
        }
      }
      return undefined;
    }, this.timeoutMs, () => {
      const others = this.replies.slice(since).flatMap((r) => (r.commandId === commandId && r.reply ? [r.reply.attempt] : []));
      const got = others.length > 0 ? ` (only replies with attempt ${others.join(', ')})` : '';
      return `no reply to attempt ${attempt} of ${commandId} on saga.reply.>${got}`;
    });
  }

  /** Sends one attempt and waits for its reply. */
  async request(command: SampleCommand, ids: Ids, attempt: number): Promise<SeenReply & { reply: Reply }> {
    const since = this.replies.length;
    await this.send(command, ids, attempt);
    return this.awaitReply(ids.commandId, attempt, since);
  }

  /**
   * Sends attempts from `first` on, each after the previous answered FAILED (as the orchestrator
   * resends), until one answers OK or REJECTED. FAILED is a legitimate transient answer at any time.
   */
  async finalAnswer(command: SampleCommand, ids: Ids, first: number): Promise<Final> {
    for (let attempt = first, failed = 0; failed < MAX_FAILED_RESENDS; attempt++, failed++) {
      const answer = await this.request(command, ids, attempt);
      if (answer.reply.outcome !== 'FAILED') return { answer, attempt, failed };
    }
    return fail(`${ids.commandId} answered FAILED to ${MAX_FAILED_RESENDS} attempts in a row (is FAILED stored, or the participant broken?)`);
  }

  /** Waits for a presence announcement heard after this call; returns its body. */
  async awaitPresence(): Promise<Uint8Array> {
    const heard: Uint8Array[] = [];
    const sub = this.nc.subscribe(presenceSubject(this.name), {
      callback: (err, msg) => {
        if (!err) heard.push(msg.data);
      },
    });
    try {
      return await poll(() => heard[0], this.timeoutMs, `no announcement on ${presenceSubject(this.name)}`);
    } finally {
      sub.unsubscribe();
    }
  }

  /** The last sequence of the dead-letter stream now: the cursor readDeadLetters starts after. */
  async deadLetterCursor(): Promise<number> {
    return (await this.jsm.streams.info(STREAM.deadLetters)).state.last_seq;
  }

  /** Reads the dead-letter stream past `cursor.seq`, keeping those on `subject` in `into`, and advances the cursor. */
  async readDeadLetters(subject: string, cursor: { seq: number }, into: StoredLetter[]): Promise<void> {
    const last = await this.deadLetterCursor();
    // By sequence with the message-get API: works on nats-server 2.9 (no batched direct get) and leaves no consumer behind.
    for (; cursor.seq < last; cursor.seq++) {
      const seq = cursor.seq + 1;
      try {
        const m = await this.jsm.streams.getMessage(STREAM.deadLetters, { seq });
        if (m && m.subject === subject) into.push({ seq, data: m.data, headers: fromNatsHeaders(m.header) });
      } catch (err) {
        // Deleted or expired meanwhile: nothing there.
        if (!(err instanceof JetStreamApiError) || err.code !== JetStreamApiCodes.NoMessageFound) throw err;
      }
    }
  }

  async close(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
    await this.nc.drain().catch(() => this.nc.close());
  }
}

type Check = (h: Harness, restart: (() => Promise<void>) | undefined) => Promise<{ status: 'PASS' | 'SKIP'; detail: string }>;

const pass = (detail: string) => ({ status: 'PASS' as const, detail });
const skip = (detail: string) => ({ status: 'SKIP' as const, detail });

/** The participant announces itself on saga.presence.<participant> with an empty body. */
const presence: Check = async (h) => {
  const body = await h.awaitPresence();
  if (body.length > 0) fail(`announcement on ${presenceSubject(h.name)} has a ${body.length}-byte body; it must be empty`);
  return pass(`heard ${presenceSubject(h.name)} (empty body)`);
};

/** The same command id twice (new Nats-Msg-Id, next attempt): the stored answer comes back, attempt echoed. */
const duplicate: Check = async (h) => {
  const { forward, businessKey } = h.profile.sample();
  const ids = h.ids(forward, businessKey);
  const first = await h.finalAnswer(forward, ids, 1);
  const second = await h.finalAnswer(forward, ids, first.attempt + 1);
  if (!sameAnswer(first.answer.reply, second.answer.reply)) {
    fail(`attempt ${first.attempt} got ${show(first.answer.reply)} but the repeat (attempt ${second.attempt}) got ${show(second.answer.reply)}: a repeat must get the stored answer`);
  }
  return pass(`attempts ${first.attempt} and ${second.attempt} both got ${show(second.answer.reply)}, each echoing its own attempt`);
};

/** A compensation before its original answers OK; the late original is REJECTED/ALREADY_COMPENSATED. */
const compensationFirst: Check = async (h) => {
  const { forward, compensation, businessKey } = h.profile.sample();
  const sagaId = randomUUID();
  const compIds = h.ids(compensation, businessKey, sagaId);
  const comp = await h.finalAnswer(compensation, compIds, 1);
  if (comp.answer.reply.outcome !== 'OK') {
    fail(`${compensation.type} of something never done got ${show(comp.answer.reply)}; expected OK (a compensation must never be REJECTED)`);
  }
  const original = await h.finalAnswer(forward, h.ids(forward, businessKey, sagaId), 1);
  const r = original.answer.reply;
  if (r.outcome !== 'REJECTED' || r.reasonCode !== 'ALREADY_COMPENSATED') {
    fail(`the late ${forward.type} got ${show(r)}; expected REJECTED/ALREADY_COMPENSATED`);
  }
  return pass(`${compensation.type} first: OK; then ${forward.type}: REJECTED/ALREADY_COMPENSATED`);
};

/** A FAILED answer is not stored: a later attempt of the same id still gets a final answer, which is then stored. */
const failedNotStored: Check = async (h) => {
  for (let probe = 0; probe < FAILED_PROBES; probe++) {
    const { forward, businessKey } = h.profile.sample();
    const ids = h.ids(forward, businessKey);
    const final = await h.finalAnswer(forward, ids, 1);
    // Answered at once: nothing learnt about FAILED, try a new command.
    if (final.failed === 0) continue;
    let attempt = final.attempt;
    for (let i = 0; i < CONFIRMATIONS; i++) {
      const again = await h.finalAnswer(forward, ids, attempt + 1);
      attempt = again.attempt;
      if (!sameAnswer(final.answer.reply, again.answer.reply)) {
        fail(`after ${show(final.answer.reply)} (attempt ${final.attempt}), attempt ${again.attempt} got ${show(again.answer.reply)}: the final answer must be stored`);
      }
    }
    return pass(
      `${final.failed} FAILED answer(s), then ${show(final.answer.reply)} at attempt ${final.attempt}; ${CONFIRMATIONS} later attempts got the same stored answer`,
    );
  }
  return skip(NEVER_FAILED);
};

/** The reply carries the attempt of the command it answers, also when the answer is a stored one. */
const attemptEcho: Check = async (h) => {
  const { forward, businessKey } = h.profile.sample();
  const ids = h.ids(forward, businessKey);
  const seven = await h.request(forward, ids, 7);
  // Lower than the first: an echo, not the highest attempt seen or the one stored with the answer.
  const three = await h.request(forward, ids, 3);
  return pass(`attempt 7 answered with attempt 7 (${seven.reply.outcome}), then attempt 3 with attempt 3 (${three.reply.outcome})`);
};

/** The reply goes to reply_to only, with the protocol's headers and the participant's own name. */
const replySubjectAndHeaders: Check = async (h) => {
  const { forward, businessKey } = h.profile.sample();
  const ids = h.ids(forward, businessKey);
  const since = h.replies.length;
  await h.send(forward, ids, 1);
  await h.awaitReply(ids.commandId, 1, since);
  // A participant that also (or instead) answered elsewhere under saga.reply.> shows up meanwhile.
  await sleep(STRAY_GRACE_MS);
  const seen = h.repliesTo(ids.commandId);
  const problems: string[] = [];
  for (const r of seen) {
    const at = `reply on ${r.subject}`;
    if (r.subject !== h.replyTo) problems.push(`${at}: expected only ${h.replyTo}`);
    if (!r.reply) {
      problems.push(`${at}: undecodable: ${r.error}`);
      continue;
    }
    const expect = (what: string, actual: string | undefined, wanted: string) => {
      if (actual !== wanted) problems.push(`${at}: ${what} is ${actual === undefined ? 'missing' : JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
    };
    expect('header Saga-Id', r.headers[HEADER.sagaId], ids.sagaId);
    expect('header Command-Id', r.headers[HEADER.commandId], ids.commandId);
    expect('header Nats-Msg-Id', r.headers[HEADER.msgId], `reply:${ids.commandId}:${r.reply.attempt}`);
    const contentType = r.headers[HEADER.contentType];
    if (!contentType?.includes(`messageType=${MESSAGE_TYPE.reply}`)) {
      problems.push(`${at}: header Content-Type is ${JSON.stringify(contentType)}, expected …messageType=${MESSAGE_TYPE.reply}`);
    }
    expect('Reply.participant', r.reply.participant, h.name);
    expect('Reply.saga_id', r.reply.sagaId, ids.sagaId);
    if (r.reply.outcome === 'OK' && r.reply.reasonCode !== '') problems.push(`${at}: OK with reason_code ${JSON.stringify(r.reply.reasonCode)}; it must be empty`);
    if (r.reply.outcome !== 'OK' && r.reply.reasonCode === '') problems.push(`${at}: ${r.reply.outcome} without a reason_code`);
  }
  if (problems.length > 0) fail(problems.join('; '));
  return pass(`${seen.length} reply on ${h.replyTo} only, with Saga-Id, Command-Id, Nats-Msg-Id reply:<commandId>:1, Content-Type ${MESSAGE_TYPE.reply}, participant ${h.name}`);
};

/** Undecodable bytes and an unsupported command type go to saga.dlq.<participant>, kept as they came; the participant lives on. */
const deadLetters: Check = async (h) => {
  const dlqSubject = deadLetterSubject(h.name);
  const cursor = { seq: await h.deadLetterCursor() };
  const found: StoredLetter[] = [];
  const { forward, businessKey } = h.profile.sample();
  const probe = randomUUID();

  // A length-delimited field 1 declaring 127 bytes with fewer present: no protobuf decoder accepts it.
  const garbage = new Uint8Array([0x0a, 0x7f, ...new TextEncoder().encode(probe)]);
  const garbageSubject = commandSubject(h.name, forward.action);
  const garbageAck = await h.js.publish(garbageSubject, garbage, {
    msgID: `conformance:garbage:${probe}`,
    headers: toNatsHeaders({ [PROBE_HEADER]: probe }),
    timeout: h.timeoutMs,
  });

  const unknownIds = h.ids({ ...forward, type: UNSUPPORTED_TYPE }, businessKey);
  const unknown = encodeCommand({
    sagaId: unknownIds.sagaId,
    commandId: unknownIds.commandId,
    attempt: 1,
    sagaType: CONFORMANCE_SAGA_TYPE,
    replyTo: h.replyTo,
    commandType: UNSUPPORTED_TYPE,
    payload: forward.payload,
    businessKey,
  });
  const unknownAck = await h.js.publish(garbageSubject, unknown, {
    msgID: `conformance:unsupported:${probe}`,
    headers: toNatsHeaders({ [PROBE_HEADER]: probe, [HEADER.sagaId]: unknownIds.sagaId, [HEADER.commandId]: unknownIds.commandId }),
    timeout: h.timeoutMs,
  });

  const expected = [
    { what: 'undecodable payload', data: garbage, seq: garbageAck.seq, reason: 'UNDECODABLE_MESSAGE' },
    { what: `unsupported command_type ${UNSUPPORTED_TYPE}`, data: unknown, seq: unknownAck.seq, reason: 'UNSUPPORTED_COMMAND' },
  ];
  const letters = await poll(async () => {
    await h.readDeadLetters(dlqSubject, cursor, found);
    const matched = expected.map((e) => found.find((f) => bytesEqual(f.data, e.data)));
    return matched.every((m) => m !== undefined) ? matched : undefined;
  }, h.timeoutMs, `the ${expected.map((e) => e.what).join(' and the ')} did not both appear on ${dlqSubject} in ${STREAM.deadLetters} with their original bytes`);

  const problems: string[] = [];
  for (const [i, e] of expected.entries()) {
    const headers = letters[i]!.headers;
    const reason = headers[HEADER.deadLetterReason] ?? '';
    if (!reason.startsWith(`${e.reason}:`)) problems.push(`${e.what}: Dead-Letter-Reason ${JSON.stringify(reason)}, expected "${e.reason}: …"`);
    if (headers[HEADER.deadLetterSubject] !== garbageSubject) {
      problems.push(`${e.what}: Dead-Letter-Subject ${JSON.stringify(headers[HEADER.deadLetterSubject])}, expected ${garbageSubject}`);
    }
    const msgId = `dlq:${h.name}:${STREAM.commands}:${e.seq}`;
    if (headers[HEADER.msgId] !== msgId) problems.push(`${e.what}: Nats-Msg-Id ${JSON.stringify(headers[HEADER.msgId])}, expected ${msgId}`);
    if (headers[PROBE_HEADER] !== probe) problems.push(`${e.what}: the original header ${PROBE_HEADER} was not kept`);
  }
  const answered = h.repliesTo(unknownIds.commandId);
  if (answered.length > 0) problems.push(`the dead-lettered command was also answered on ${answered[0]!.subject}`);
  if (problems.length > 0) fail(problems.join('; '));

  // Any answer, FAILED included, shows the participant survived both.
  const alive = await h.request(forward, h.ids(forward, businessKey), 1);
  return pass(`both dead-lettered on ${dlqSubject} (${expected.map((e) => e.reason).join(', ')}) with original bytes and headers; then a valid command got ${alive.reply.outcome}`);
};

/** A restart while a command is in flight: it is answered (maybe after redelivery), and only ever with one final answer. */
const restartMidCommand: Check = async (h, restart) => {
  if (!restart) return skip('no restart hook (pass --restart-command to run it)');
  const { forward, businessKey } = h.profile.sample();
  const ids = h.ids(forward, businessKey);
  const since = h.replies.length;
  await h.send(forward, ids, 1);
  try {
    await restart();
  } catch (err) {
    fail(`the restart hook failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  await h.awaitPresence().catch(() => fail(`no announcement on ${presenceSubject(h.name)} within ${h.timeoutMs} ms of the restart`));
  const first = await h.awaitReply(ids.commandId, 1, since);
  const final = first.reply.outcome === 'FAILED' ? await h.finalAnswer(forward, ids, 2) : { answer: first, attempt: 1, failed: 0 };
  const again = await h.finalAnswer(forward, ids, final.attempt + 1);
  if (!sameAnswer(final.answer.reply, again.answer.reply)) {
    fail(`attempt ${final.attempt} got ${show(final.answer.reply)}, the resend (attempt ${again.attempt}) ${show(again.answer.reply)}`);
  }
  // Every final answer this command id ever got, redeliveries' included, must be the one stored.
  const finals = h.repliesTo(ids.commandId).flatMap((r) => (r.reply && r.reply.outcome !== 'FAILED' ? [r.reply] : []));
  const other = finals.find((r) => !sameAnswer(r, final.answer.reply));
  if (other) fail(`two different final answers to one command id: ${show(final.answer.reply)} and ${show(other)} (attempt ${other.attempt})`);
  const toFirst = h.repliesTo(ids.commandId).filter((r) => r.reply?.attempt === 1).length;
  return pass(
    `answered ${show(final.answer.reply)} across the restart (${toFirst} repl${toFirst === 1 ? 'y' : 'ies'} to attempt 1, then attempt ${again.attempt} got the stored answer); all ${finals.length} final replies the same`,
  );
};

const CHECKS: Record<CheckName, Check> = {
  presence,
  duplicate,
  'compensation-first': compensationFirst,
  'failed-not-stored': failedNotStored,
  'attempt-echo': attemptEcho,
  'reply-subject-and-headers': replySubjectAndHeaders,
  'dead-letter': deadLetters,
  'restart-mid-command': restartMidCommand,
};

/** Runs the conformance checks against one running participant; resolves with one result per check (never rejects for a failed check). */
export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const profile = profileOf(options.participant);
  if (!profile) throw new Error(`no profile for participant "${options.participant}" (known: ${PARTICIPANT_NAMES.join(', ')})`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const h = await Harness.open(options, profile, timeoutMs);
  const results: CheckResult[] = [];
  try {
    for (const name of CHECK_NAMES) {
      if (options.only && !options.only.includes(name)) continue;
      const started = Date.now();
      let result: CheckResult;
      try {
        const { status, detail } = await CHECKS[name](h, options.restart);
        result = { check: name, status, detail, durationMs: Date.now() - started };
      } catch (err) {
        const detail = err instanceof CheckFailure ? err.message : `error: ${err instanceof Error ? err.message : String(err)}`;
        result = { check: name, status: 'FAIL', detail, durationMs: Date.now() - started };
      }
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await h.close();
  }
  return results;
}

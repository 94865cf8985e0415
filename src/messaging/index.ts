export { connectNats, inboxPrefixOf, type NatsConnectOptions } from './connection.ts';
export { StreamPublisher, type StreamPublish, type StreamPublishOptions } from './stream-publisher.ts';
export { ensureStreams, waitForStreams, sagaStreams, DUPLICATE_WINDOW_MS, type EventStream } from './streams.ts';
export { ensureConsumer, PULL_OPTIONS, type DurableConsumerSpec } from './consumers.ts';
export { publishWithRetry, type PublishRetry } from './publish.ts';
export { startWorkerPool, type WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';
export { deadLetter } from './dead-letter.ts';
export { HEADER, protobufContentType, toNatsHeaders, fromNatsHeaders } from './headers.ts';
export {
  STREAM,
  commandSubject,
  commandFilter,
  parseCommandSubject,
  replySubject,
  replySender,
  deadLetterSubject,
} from './subjects.ts';
export {
  createDeadLettersReader,
  type DeadLetter,
  type DeadLetterPage,
  type DeadLettersReader,
  type DeadLettersReaderOptions,
} from './dead-letters-reader.ts';
export {
  PRESENCE_INTERVAL_MS,
  PRESENCE_SUBJECTS,
  PRESENCE_WINDOW_MS,
  presenceSubject,
  startPresenceBeacon,
  trackPresence,
  type PresenceBeacon,
  type PresenceBeaconOptions,
  type PresenceTracker,
  type PresenceTrackerOptions,
} from './presence.ts';

// Imported before the generated code so protobufjs decodes int64 as plain numbers, not Long objects.
// The generated types say `number` (pbjs --force-number); this makes the runtime agree. Amounts are
// bounded at the edges to Number.MAX_SAFE_INTEGER, so no precision is lost.
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();

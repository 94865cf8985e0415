export * from './types.ts';
export { encodeCommand, decodeCommand, encodeReply, decodeReply, encodeEvent, decodeEvent, MESSAGE_TYPE } from './codec.ts';

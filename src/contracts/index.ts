export * from './types.ts';
export { COMMAND_KINDS, encodeCommand, decodeCommand, encodeReply, decodeReply, encodeEvent, decodeEvent, MESSAGE_TYPE } from './codec.ts';

export * from './types.ts';
export { encodeCommand, decodeCommand, encodeReply, decodeReply, moneySchema, MESSAGE_TYPE } from './codec.ts';
export { messageType, MessageCatalog, commandKindOf, type GeneratedMessage, type Message, type MessageType } from './catalog.ts';

export {
  startParticipant,
  type ChaosOptions,
  type CommandObservation,
  type ParticipantRuntimeMetrics,
  type ParticipantRuntime,
  type ParticipantRuntimeOptions,
  type ParticipantStats,
} from './runtime.ts';
export { REASON, type Clock, type CommandHandler, type CommandHandlers, type HandlerResult } from './types.ts';
export { processedCommands, type ProcessedCommand, type ProcessedCommands } from './processed.ts';
export {
  createInventoryParticipant,
  type InventoryOptions,
  type InventoryParticipant,
  type Reservation,
  type ReservedItem,
  type StockLevel,
} from './inventory/domain.ts';
export {
  createPaymentParticipant,
  type Account,
  type PaymentOptions,
  type PaymentParticipant,
  type PaymentRecord,
  type PaymentStatus,
} from './payment/domain.ts';
export { createShippingParticipant, type Shipment, type ShippingOptions, type ShippingParticipant } from './shipping/domain.ts';
export {
  loadParticipantConfig,
  PARTICIPANT_DEFAULTS,
  PARTICIPANT_NAMES,
  type DomainConfig,
  type ParticipantConfig,
  type ParticipantName,
} from './config.ts';
export {
  createParticipantApp,
  type MetricsSource,
  type ParticipantAppOptions,
  type ParticipantDomain,
  type ReadinessCheck,
} from './http.ts';
export { runParticipant } from './main.ts';

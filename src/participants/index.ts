export * from './kit/index.ts';
export { PARTICIPANTS, PARTICIPANT_NAMES, PARTICIPANT_PROCESSES, PARTICIPANT_ENV_VARS, COMMAND_KINDS, loadParticipantConfig, type ParticipantName } from './config.ts';
export { createInventoryParticipant, INVENTORY_REASON, type InventoryOptions, type InventoryParticipant, type Reservation, type ReservedItem, type StockLevel } from './inventory/domain.ts';
export { createPaymentParticipant, tripPaymentReference, PAYMENT_REASON, type Account, type PaymentOptions, type PaymentParticipant, type PaymentRecord, type PaymentStatus } from './payment/domain.ts';
export { createShippingParticipant, SHIPPING_REASON, type Shipment, type ShippingOptions, type ShippingParticipant } from './shipping/domain.ts';
export { inventory } from './inventory/participant.ts';
export { payment } from './payment/participant.ts';
export { shipping } from './shipping/participant.ts';
export * from './travel/index.ts';

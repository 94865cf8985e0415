// Order commands as tests write them (a kind and a body), turned into the envelope fields the
// orchestrator would send: the order.v1 type name and its encoded bytes.
import type { Command } from '../../src/contracts/index.ts';
import { orderContracts } from '../../sagas/order/contracts/index.ts';

export type OrderCommandKind = 'reserveInventory' | 'releaseInventory' | 'chargePayment' | 'refundPayment' | 'scheduleShipment' | 'cancelShipment';

/** A command as a test writes it. */
export interface TestCommand {
  kind: OrderCommandKind;
  body: Record<string, unknown>;
}

/** The envelope fields carrying `command`: order.v1.<Kind> and its encoded body. */
export function carrying(command: TestCommand): Pick<Command, 'commandType' | 'payload' | 'businessKey'> {
  const commandType = `order.v1.${command.kind.charAt(0).toUpperCase()}${command.kind.slice(1)}`;
  return { commandType, payload: orderContracts.encode({ type: commandType, body: command.body }), businessKey: String(command.body.orderId ?? '') };
}

// Plain views of the envelope and reply every saga type shares (proto/saga/v1). The codec converts
// between these and the generated classes, validating on the way in, so code past the edge never
// sees a missing field or a Long. Each saga type's own messages live in its plugin folder.

/** An integer number of minor units plus an ISO 4217 currency code (saga.v1.Money). */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** A decoded CommandEnvelope: the command itself is still bytes, decoded by whoever handles its type. */
export interface Command {
  sagaId: string;
  commandId: string;
  attempt: number;
  sagaType: string;
  replyTo: string;
  /** Fully-qualified protobuf name of the command message, e.g. order.v1.ReserveInventory. */
  commandType: string;
  /** The encoded command message. */
  payload: Uint8Array;
  /** The saga's business key (e.g. the order id), for logs and traces; may be empty. */
  businessKey: string;
}

export type Outcome = 'OK' | 'REJECTED' | 'FAILED';

/** A decoded Reply. */
export interface Reply {
  sagaId: string;
  commandId: string;
  attempt: number;
  outcome: Outcome;
  reasonCode: string;
  detail: string;
  participant: string;
}

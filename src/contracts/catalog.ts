import type { z } from 'zod';
import { InvalidInputError } from '../errors.ts';

/** The part of a protobufjs static message class (scripts/gen-contracts.mjs) a catalog uses. */
export interface GeneratedMessage {
  encode(message: never): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
  toObject(message: never, options: { longs: NumberConstructor; defaults: true; arrays: true }): Record<string, unknown>;
}

/** A message of a saga type's contract: its fully-qualified protobuf name and its plain body. */
export interface Message<N extends string = string, B = unknown> {
  type: N;
  body: B;
}

/** One message type: encodes a trusted body, decodes and validates untrusted bytes. */
export interface MessageType<B = unknown> {
  /** Fully-qualified protobuf name, e.g. order.v1.ReserveInventory. */
  readonly name: string;
  encode(body: B): Uint8Array;
  /** Throws InvalidInputError (UNDECODABLE_MESSAGE, MALFORMED_MESSAGE) for anything unusable. */
  decode(bytes: Uint8Array): B;
}

/**
 * Pairs a generated protobuf class with the zod schema its decoded body must satisfy. The schema is
 * the one source of the body's TypeScript type, and of what "well-formed" means at the edge (every
 * id present, money a safe integer...): protobuf alone accepts any missing field as a default.
 */
export function messageType<S extends z.ZodType>(name: string, generated: GeneratedMessage, schema: S): MessageType<z.infer<S>> {
  return {
    name,
    encode: (body) => generated.encode(body as never).finish(),
    decode(bytes) {
      let decoded: unknown;
      try {
        decoded = generated.decode(bytes);
      } catch (err) {
        throw new InvalidInputError('UNDECODABLE_MESSAGE', `${name}: not a valid protobuf message`, { cause: err });
      }
      const plain = generated.toObject(decoded as never, { longs: Number, defaults: true, arrays: true });
      const parsed = schema.safeParse(plain);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new InvalidInputError('MALFORMED_MESSAGE', `${name}: ${issue.path.join('.') || 'message'}: ${issue.message}`);
      }
      return parsed.data;
    },
  };
}

/** A message type of any body, as a catalog holds it (each type pairs its own encode and decode). */
interface AnyMessageType {
  readonly name: string;
  encode(body: never): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

/** The message types of one contract package (or several), by name. */
export class MessageCatalog {
  private readonly types = new Map<string, AnyMessageType>();

  constructor(types: Iterable<AnyMessageType>) {
    for (const t of types) {
      if (this.types.has(t.name)) throw new Error(`message type ${t.name} is listed twice`);
      this.types.set(t.name, t);
    }
  }

  /** Every message type name in the catalog. */
  get names(): string[] {
    return [...this.types.keys()];
  }

  /** The message type of that name, or undefined. */
  get(name: string): AnyMessageType | undefined {
    return this.types.get(name);
  }

  /** Encodes a message of a listed type; an unlisted type is a bug in the saga definition. */
  encode(message: Message): Uint8Array {
    const type = this.types.get(message.type);
    if (!type) throw new Error(`message type ${message.type} is not in the contract catalog (${this.names.join(', ')})`);
    // The catalog pairs the name with its type; the body's shape is the saga definition's to keep.
    return type.encode(message.body as never);
  }

  /** A catalog with this one's types and those of `others`. */
  with(...others: MessageCatalog[]): MessageCatalog {
    return new MessageCatalog([this, ...others].flatMap((c) => [...c.types.values()]));
  }
}

/** The last segment of a message type name, first letter lowered: order.v1.ReserveInventory → reserveInventory. */
export function commandKindOf(typeName: string): string {
  const short = typeName.slice(typeName.lastIndexOf('.') + 1);
  return short.charAt(0).toLowerCase() + short.slice(1);
}

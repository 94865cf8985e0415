import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace saga. */
export namespace saga {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a CommandEnvelope.
         * @deprecated Use saga.v1.CommandEnvelope.$Properties instead.
         */
        interface ICommandEnvelope extends saga.v1.CommandEnvelope.$Properties {
        }

        /** Represents a CommandEnvelope. */
        class CommandEnvelope {

            /**
             * Constructs a new CommandEnvelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: saga.v1.CommandEnvelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CommandEnvelope sagaId. */
            sagaId: string;

            /** CommandEnvelope commandId. */
            commandId: string;

            /** CommandEnvelope attempt. */
            attempt: number;

            /** CommandEnvelope sagaType. */
            sagaType: string;

            /** CommandEnvelope replyTo. */
            replyTo: string;

            /** CommandEnvelope commandType. */
            commandType: string;

            /** CommandEnvelope command. */
            command: Uint8Array;

            /** CommandEnvelope businessKey. */
            businessKey: string;

            /**
             * Creates a new CommandEnvelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CommandEnvelope instance
             */
            static create(properties: saga.v1.CommandEnvelope.$Shape): saga.v1.CommandEnvelope & saga.v1.CommandEnvelope.$Shape;
            static create(properties?: saga.v1.CommandEnvelope.$Properties): saga.v1.CommandEnvelope;

            /**
             * Encodes the specified CommandEnvelope message. Does not implicitly {@link saga.v1.CommandEnvelope.verify|verify} messages.
             * @param message CommandEnvelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: saga.v1.CommandEnvelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CommandEnvelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {saga.v1.CommandEnvelope & saga.v1.CommandEnvelope.$Shape} CommandEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): saga.v1.CommandEnvelope & saga.v1.CommandEnvelope.$Shape;

            /**
             * Creates a CommandEnvelope message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CommandEnvelope
             */
            static fromObject(object: { [k: string]: any }): saga.v1.CommandEnvelope;

            /**
             * Creates a plain object from a CommandEnvelope message. Also converts values to other types if specified.
             * @param message CommandEnvelope
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: saga.v1.CommandEnvelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CommandEnvelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CommandEnvelope {

            /** Properties of a CommandEnvelope. */
            interface $Properties {

                /** CommandEnvelope sagaId */
                sagaId?: (string|null);

                /** CommandEnvelope commandId */
                commandId?: (string|null);

                /** CommandEnvelope attempt */
                attempt?: (number|null);

                /** CommandEnvelope sagaType */
                sagaType?: (string|null);

                /** CommandEnvelope replyTo */
                replyTo?: (string|null);

                /** CommandEnvelope commandType */
                commandType?: (string|null);

                /** CommandEnvelope command */
                command?: (Uint8Array|null);

                /** CommandEnvelope businessKey */
                businessKey?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CommandEnvelope. */
            type $Shape = saga.v1.CommandEnvelope.$Properties;
        }

        /**
         * Properties of a Money.
         * @deprecated Use saga.v1.Money.$Properties instead.
         */
        interface IMoney extends saga.v1.Money.$Properties {
        }

        /** Represents a Money. */
        class Money {

            /**
             * Constructs a new Money.
             * @param [properties] Properties to set
             */
            constructor(properties?: saga.v1.Money.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Money amountMinor. */
            amountMinor: number;

            /** Money currency. */
            currency: string;

            /**
             * Creates a new Money instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Money instance
             */
            static create(properties: saga.v1.Money.$Shape): saga.v1.Money & saga.v1.Money.$Shape;
            static create(properties?: saga.v1.Money.$Properties): saga.v1.Money;

            /**
             * Encodes the specified Money message. Does not implicitly {@link saga.v1.Money.verify|verify} messages.
             * @param message Money message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: saga.v1.Money.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Money message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {saga.v1.Money & saga.v1.Money.$Shape} Money
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): saga.v1.Money & saga.v1.Money.$Shape;

            /**
             * Creates a Money message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Money
             */
            static fromObject(object: { [k: string]: any }): saga.v1.Money;

            /**
             * Creates a plain object from a Money message. Also converts values to other types if specified.
             * @param message Money
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: saga.v1.Money, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Money to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Money {

            /** Properties of a Money. */
            interface $Properties {

                /** Money amountMinor */
                amountMinor?: (number|null);

                /** Money currency */
                currency?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Money. */
            type $Shape = saga.v1.Money.$Properties;
        }

        /** Outcome enum. */
        enum Outcome {

            /** OUTCOME_UNSPECIFIED value */
            OUTCOME_UNSPECIFIED = 0,

            /** OK value */
            OK = 1,

            /** REJECTED value */
            REJECTED = 2,

            /** FAILED value */
            FAILED = 3
        }

        /**
         * Properties of a Reply.
         * @deprecated Use saga.v1.Reply.$Properties instead.
         */
        interface IReply extends saga.v1.Reply.$Properties {
        }

        /** Represents a Reply. */
        class Reply {

            /**
             * Constructs a new Reply.
             * @param [properties] Properties to set
             */
            constructor(properties?: saga.v1.Reply.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Reply sagaId. */
            sagaId: string;

            /** Reply commandId. */
            commandId: string;

            /** Reply attempt. */
            attempt: number;

            /** Reply outcome. */
            outcome: saga.v1.Outcome;

            /** Reply reasonCode. */
            reasonCode: string;

            /** Reply detail. */
            detail: string;

            /** Reply participant. */
            participant: string;

            /**
             * Creates a new Reply instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Reply instance
             */
            static create(properties: saga.v1.Reply.$Shape): saga.v1.Reply & saga.v1.Reply.$Shape;
            static create(properties?: saga.v1.Reply.$Properties): saga.v1.Reply;

            /**
             * Encodes the specified Reply message. Does not implicitly {@link saga.v1.Reply.verify|verify} messages.
             * @param message Reply message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: saga.v1.Reply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Reply message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {saga.v1.Reply & saga.v1.Reply.$Shape} Reply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): saga.v1.Reply & saga.v1.Reply.$Shape;

            /**
             * Creates a Reply message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Reply
             */
            static fromObject(object: { [k: string]: any }): saga.v1.Reply;

            /**
             * Creates a plain object from a Reply message. Also converts values to other types if specified.
             * @param message Reply
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: saga.v1.Reply, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Reply to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Reply {

            /** Properties of a Reply. */
            interface $Properties {

                /** Reply sagaId */
                sagaId?: (string|null);

                /** Reply commandId */
                commandId?: (string|null);

                /** Reply attempt */
                attempt?: (number|null);

                /** Reply outcome */
                outcome?: (saga.v1.Outcome|null);

                /** Reply reasonCode */
                reasonCode?: (string|null);

                /** Reply detail */
                detail?: (string|null);

                /** Reply participant */
                participant?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Reply. */
            type $Shape = saga.v1.Reply.$Properties;
        }
    }
}

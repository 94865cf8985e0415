import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace order. */
export namespace order {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of an OrderItem.
         * @deprecated Use order.v1.OrderItem.$Properties instead.
         */
        interface IOrderItem extends order.v1.OrderItem.$Properties {
        }

        /** Represents an OrderItem. */
        class OrderItem {

            /**
             * Constructs a new OrderItem.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.OrderItem.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OrderItem sku. */
            sku: string;

            /** OrderItem quantity. */
            quantity: number;

            /** OrderItem unitPriceMinor. */
            unitPriceMinor: number;

            /**
             * Creates a new OrderItem instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OrderItem instance
             */
            static create(properties: order.v1.OrderItem.$Shape): order.v1.OrderItem & order.v1.OrderItem.$Shape;
            static create(properties?: order.v1.OrderItem.$Properties): order.v1.OrderItem;

            /**
             * Encodes the specified OrderItem message. Does not implicitly {@link order.v1.OrderItem.verify|verify} messages.
             * @param message OrderItem message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.OrderItem.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OrderItem message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.OrderItem & order.v1.OrderItem.$Shape} OrderItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.OrderItem & order.v1.OrderItem.$Shape;

            /**
             * Creates an OrderItem message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns OrderItem
             */
            static fromObject(object: { [k: string]: any }): order.v1.OrderItem;

            /**
             * Creates a plain object from an OrderItem message. Also converts values to other types if specified.
             * @param message OrderItem
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.OrderItem, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OrderItem to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace OrderItem {

            /** Properties of an OrderItem. */
            interface $Properties {

                /** OrderItem sku */
                sku?: (string|null);

                /** OrderItem quantity */
                quantity?: (number|null);

                /** OrderItem unitPriceMinor */
                unitPriceMinor?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OrderItem. */
            type $Shape = order.v1.OrderItem.$Properties;
        }

        /**
         * Properties of an Address.
         * @deprecated Use order.v1.Address.$Properties instead.
         */
        interface IAddress extends order.v1.Address.$Properties {
        }

        /** Represents an Address. */
        class Address {

            /**
             * Constructs a new Address.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.Address.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Address line1. */
            line1: string;

            /** Address city. */
            city: string;

            /** Address postalCode. */
            postalCode: string;

            /** Address country. */
            country: string;

            /**
             * Creates a new Address instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Address instance
             */
            static create(properties: order.v1.Address.$Shape): order.v1.Address & order.v1.Address.$Shape;
            static create(properties?: order.v1.Address.$Properties): order.v1.Address;

            /**
             * Encodes the specified Address message. Does not implicitly {@link order.v1.Address.verify|verify} messages.
             * @param message Address message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.Address.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Address message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.Address & order.v1.Address.$Shape} Address
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.Address & order.v1.Address.$Shape;

            /**
             * Creates an Address message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Address
             */
            static fromObject(object: { [k: string]: any }): order.v1.Address;

            /**
             * Creates a plain object from an Address message. Also converts values to other types if specified.
             * @param message Address
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.Address, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Address to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Address {

            /** Properties of an Address. */
            interface $Properties {

                /** Address line1 */
                line1?: (string|null);

                /** Address city */
                city?: (string|null);

                /** Address postalCode */
                postalCode?: (string|null);

                /** Address country */
                country?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Address. */
            type $Shape = order.v1.Address.$Properties;
        }

        /**
         * Properties of a ReserveInventory.
         * @deprecated Use order.v1.ReserveInventory.$Properties instead.
         */
        interface IReserveInventory extends order.v1.ReserveInventory.$Properties {
        }

        /** Represents a ReserveInventory. */
        class ReserveInventory {

            /**
             * Constructs a new ReserveInventory.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.ReserveInventory.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReserveInventory orderId. */
            orderId: string;

            /** ReserveInventory items. */
            items: order.v1.OrderItem.$Properties[];

            /**
             * Creates a new ReserveInventory instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReserveInventory instance
             */
            static create(properties: order.v1.ReserveInventory.$Shape): order.v1.ReserveInventory & order.v1.ReserveInventory.$Shape;
            static create(properties?: order.v1.ReserveInventory.$Properties): order.v1.ReserveInventory;

            /**
             * Encodes the specified ReserveInventory message. Does not implicitly {@link order.v1.ReserveInventory.verify|verify} messages.
             * @param message ReserveInventory message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.ReserveInventory.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReserveInventory message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.ReserveInventory & order.v1.ReserveInventory.$Shape} ReserveInventory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.ReserveInventory & order.v1.ReserveInventory.$Shape;

            /**
             * Creates a ReserveInventory message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ReserveInventory
             */
            static fromObject(object: { [k: string]: any }): order.v1.ReserveInventory;

            /**
             * Creates a plain object from a ReserveInventory message. Also converts values to other types if specified.
             * @param message ReserveInventory
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.ReserveInventory, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ReserveInventory to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ReserveInventory {

            /** Properties of a ReserveInventory. */
            interface $Properties {

                /** ReserveInventory orderId */
                orderId?: (string|null);

                /** ReserveInventory items */
                items?: (order.v1.OrderItem.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReserveInventory. */
            type $Shape = order.v1.ReserveInventory.$Properties;
        }

        /**
         * Properties of a ReleaseInventory.
         * @deprecated Use order.v1.ReleaseInventory.$Properties instead.
         */
        interface IReleaseInventory extends order.v1.ReleaseInventory.$Properties {
        }

        /** Represents a ReleaseInventory. */
        class ReleaseInventory {

            /**
             * Constructs a new ReleaseInventory.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.ReleaseInventory.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReleaseInventory orderId. */
            orderId: string;

            /** ReleaseInventory items. */
            items: order.v1.OrderItem.$Properties[];

            /**
             * Creates a new ReleaseInventory instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReleaseInventory instance
             */
            static create(properties: order.v1.ReleaseInventory.$Shape): order.v1.ReleaseInventory & order.v1.ReleaseInventory.$Shape;
            static create(properties?: order.v1.ReleaseInventory.$Properties): order.v1.ReleaseInventory;

            /**
             * Encodes the specified ReleaseInventory message. Does not implicitly {@link order.v1.ReleaseInventory.verify|verify} messages.
             * @param message ReleaseInventory message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.ReleaseInventory.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReleaseInventory message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.ReleaseInventory & order.v1.ReleaseInventory.$Shape} ReleaseInventory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.ReleaseInventory & order.v1.ReleaseInventory.$Shape;

            /**
             * Creates a ReleaseInventory message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ReleaseInventory
             */
            static fromObject(object: { [k: string]: any }): order.v1.ReleaseInventory;

            /**
             * Creates a plain object from a ReleaseInventory message. Also converts values to other types if specified.
             * @param message ReleaseInventory
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.ReleaseInventory, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ReleaseInventory to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ReleaseInventory {

            /** Properties of a ReleaseInventory. */
            interface $Properties {

                /** ReleaseInventory orderId */
                orderId?: (string|null);

                /** ReleaseInventory items */
                items?: (order.v1.OrderItem.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReleaseInventory. */
            type $Shape = order.v1.ReleaseInventory.$Properties;
        }

        /**
         * Properties of a ChargePayment.
         * @deprecated Use order.v1.ChargePayment.$Properties instead.
         */
        interface IChargePayment extends order.v1.ChargePayment.$Properties {
        }

        /** Represents a ChargePayment. */
        class ChargePayment {

            /**
             * Constructs a new ChargePayment.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.ChargePayment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ChargePayment orderId. */
            orderId: string;

            /** ChargePayment customerId. */
            customerId: string;

            /** ChargePayment amount. */
            amount?: (saga.v1.Money.$Properties|null);

            /**
             * Creates a new ChargePayment instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ChargePayment instance
             */
            static create(properties: order.v1.ChargePayment.$Shape): order.v1.ChargePayment & order.v1.ChargePayment.$Shape;
            static create(properties?: order.v1.ChargePayment.$Properties): order.v1.ChargePayment;

            /**
             * Encodes the specified ChargePayment message. Does not implicitly {@link order.v1.ChargePayment.verify|verify} messages.
             * @param message ChargePayment message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.ChargePayment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ChargePayment message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.ChargePayment & order.v1.ChargePayment.$Shape} ChargePayment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.ChargePayment & order.v1.ChargePayment.$Shape;

            /**
             * Creates a ChargePayment message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ChargePayment
             */
            static fromObject(object: { [k: string]: any }): order.v1.ChargePayment;

            /**
             * Creates a plain object from a ChargePayment message. Also converts values to other types if specified.
             * @param message ChargePayment
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.ChargePayment, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ChargePayment to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ChargePayment {

            /** Properties of a ChargePayment. */
            interface $Properties {

                /** ChargePayment orderId */
                orderId?: (string|null);

                /** ChargePayment customerId */
                customerId?: (string|null);

                /** ChargePayment amount */
                amount?: (saga.v1.Money.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ChargePayment. */
            type $Shape = order.v1.ChargePayment.$Properties;
        }

        /**
         * Properties of a RefundPayment.
         * @deprecated Use order.v1.RefundPayment.$Properties instead.
         */
        interface IRefundPayment extends order.v1.RefundPayment.$Properties {
        }

        /** Represents a RefundPayment. */
        class RefundPayment {

            /**
             * Constructs a new RefundPayment.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.RefundPayment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RefundPayment orderId. */
            orderId: string;

            /** RefundPayment customerId. */
            customerId: string;

            /** RefundPayment amount. */
            amount?: (saga.v1.Money.$Properties|null);

            /**
             * Creates a new RefundPayment instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RefundPayment instance
             */
            static create(properties: order.v1.RefundPayment.$Shape): order.v1.RefundPayment & order.v1.RefundPayment.$Shape;
            static create(properties?: order.v1.RefundPayment.$Properties): order.v1.RefundPayment;

            /**
             * Encodes the specified RefundPayment message. Does not implicitly {@link order.v1.RefundPayment.verify|verify} messages.
             * @param message RefundPayment message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.RefundPayment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RefundPayment message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.RefundPayment & order.v1.RefundPayment.$Shape} RefundPayment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.RefundPayment & order.v1.RefundPayment.$Shape;

            /**
             * Creates a RefundPayment message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RefundPayment
             */
            static fromObject(object: { [k: string]: any }): order.v1.RefundPayment;

            /**
             * Creates a plain object from a RefundPayment message. Also converts values to other types if specified.
             * @param message RefundPayment
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.RefundPayment, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RefundPayment to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace RefundPayment {

            /** Properties of a RefundPayment. */
            interface $Properties {

                /** RefundPayment orderId */
                orderId?: (string|null);

                /** RefundPayment customerId */
                customerId?: (string|null);

                /** RefundPayment amount */
                amount?: (saga.v1.Money.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RefundPayment. */
            type $Shape = order.v1.RefundPayment.$Properties;
        }

        /**
         * Properties of a ScheduleShipment.
         * @deprecated Use order.v1.ScheduleShipment.$Properties instead.
         */
        interface IScheduleShipment extends order.v1.ScheduleShipment.$Properties {
        }

        /** Represents a ScheduleShipment. */
        class ScheduleShipment {

            /**
             * Constructs a new ScheduleShipment.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.ScheduleShipment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ScheduleShipment orderId. */
            orderId: string;

            /** ScheduleShipment address. */
            address?: (order.v1.Address.$Properties|null);

            /** ScheduleShipment items. */
            items: order.v1.OrderItem.$Properties[];

            /**
             * Creates a new ScheduleShipment instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ScheduleShipment instance
             */
            static create(properties: order.v1.ScheduleShipment.$Shape): order.v1.ScheduleShipment & order.v1.ScheduleShipment.$Shape;
            static create(properties?: order.v1.ScheduleShipment.$Properties): order.v1.ScheduleShipment;

            /**
             * Encodes the specified ScheduleShipment message. Does not implicitly {@link order.v1.ScheduleShipment.verify|verify} messages.
             * @param message ScheduleShipment message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.ScheduleShipment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ScheduleShipment message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.ScheduleShipment & order.v1.ScheduleShipment.$Shape} ScheduleShipment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.ScheduleShipment & order.v1.ScheduleShipment.$Shape;

            /**
             * Creates a ScheduleShipment message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ScheduleShipment
             */
            static fromObject(object: { [k: string]: any }): order.v1.ScheduleShipment;

            /**
             * Creates a plain object from a ScheduleShipment message. Also converts values to other types if specified.
             * @param message ScheduleShipment
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.ScheduleShipment, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ScheduleShipment to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ScheduleShipment {

            /** Properties of a ScheduleShipment. */
            interface $Properties {

                /** ScheduleShipment orderId */
                orderId?: (string|null);

                /** ScheduleShipment address */
                address?: (order.v1.Address.$Properties|null);

                /** ScheduleShipment items */
                items?: (order.v1.OrderItem.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ScheduleShipment. */
            type $Shape = order.v1.ScheduleShipment.$Properties;
        }

        /**
         * Properties of a CancelShipment.
         * @deprecated Use order.v1.CancelShipment.$Properties instead.
         */
        interface ICancelShipment extends order.v1.CancelShipment.$Properties {
        }

        /** Represents a CancelShipment. */
        class CancelShipment {

            /**
             * Constructs a new CancelShipment.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.CancelShipment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelShipment orderId. */
            orderId: string;

            /**
             * Creates a new CancelShipment instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelShipment instance
             */
            static create(properties: order.v1.CancelShipment.$Shape): order.v1.CancelShipment & order.v1.CancelShipment.$Shape;
            static create(properties?: order.v1.CancelShipment.$Properties): order.v1.CancelShipment;

            /**
             * Encodes the specified CancelShipment message. Does not implicitly {@link order.v1.CancelShipment.verify|verify} messages.
             * @param message CancelShipment message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.CancelShipment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelShipment message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.CancelShipment & order.v1.CancelShipment.$Shape} CancelShipment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.CancelShipment & order.v1.CancelShipment.$Shape;

            /**
             * Creates a CancelShipment message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelShipment
             */
            static fromObject(object: { [k: string]: any }): order.v1.CancelShipment;

            /**
             * Creates a plain object from a CancelShipment message. Also converts values to other types if specified.
             * @param message CancelShipment
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.CancelShipment, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelShipment to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelShipment {

            /** Properties of a CancelShipment. */
            interface $Properties {

                /** CancelShipment orderId */
                orderId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelShipment. */
            type $Shape = order.v1.CancelShipment.$Properties;
        }

        /**
         * Properties of an OrderCreated.
         * @deprecated Use order.v1.OrderCreated.$Properties instead.
         */
        interface IOrderCreated extends order.v1.OrderCreated.$Properties {
        }

        /** Represents an OrderCreated. */
        class OrderCreated {

            /**
             * Constructs a new OrderCreated.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.OrderCreated.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OrderCreated orderId. */
            orderId: string;

            /** OrderCreated sagaId. */
            sagaId: string;

            /** OrderCreated customerId. */
            customerId: string;

            /** OrderCreated items. */
            items: order.v1.OrderItem.$Properties[];

            /** OrderCreated total. */
            total?: (saga.v1.Money.$Properties|null);

            /** OrderCreated shippingAddress. */
            shippingAddress?: (order.v1.Address.$Properties|null);

            /**
             * Creates a new OrderCreated instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OrderCreated instance
             */
            static create(properties: order.v1.OrderCreated.$Shape): order.v1.OrderCreated & order.v1.OrderCreated.$Shape;
            static create(properties?: order.v1.OrderCreated.$Properties): order.v1.OrderCreated;

            /**
             * Encodes the specified OrderCreated message. Does not implicitly {@link order.v1.OrderCreated.verify|verify} messages.
             * @param message OrderCreated message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.OrderCreated.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OrderCreated message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.OrderCreated & order.v1.OrderCreated.$Shape} OrderCreated
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.OrderCreated & order.v1.OrderCreated.$Shape;

            /**
             * Creates an OrderCreated message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns OrderCreated
             */
            static fromObject(object: { [k: string]: any }): order.v1.OrderCreated;

            /**
             * Creates a plain object from an OrderCreated message. Also converts values to other types if specified.
             * @param message OrderCreated
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.OrderCreated, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OrderCreated to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace OrderCreated {

            /** Properties of an OrderCreated. */
            interface $Properties {

                /** OrderCreated orderId */
                orderId?: (string|null);

                /** OrderCreated sagaId */
                sagaId?: (string|null);

                /** OrderCreated customerId */
                customerId?: (string|null);

                /** OrderCreated items */
                items?: (order.v1.OrderItem.$Properties[]|null);

                /** OrderCreated total */
                total?: (saga.v1.Money.$Properties|null);

                /** OrderCreated shippingAddress */
                shippingAddress?: (order.v1.Address.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OrderCreated. */
            type $Shape = order.v1.OrderCreated.$Properties;
        }

        /**
         * Properties of an OrderCompleted.
         * @deprecated Use order.v1.OrderCompleted.$Properties instead.
         */
        interface IOrderCompleted extends order.v1.OrderCompleted.$Properties {
        }

        /** Represents an OrderCompleted. */
        class OrderCompleted {

            /**
             * Constructs a new OrderCompleted.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.OrderCompleted.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OrderCompleted orderId. */
            orderId: string;

            /** OrderCompleted sagaId. */
            sagaId: string;

            /** OrderCompleted total. */
            total?: (saga.v1.Money.$Properties|null);

            /**
             * Creates a new OrderCompleted instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OrderCompleted instance
             */
            static create(properties: order.v1.OrderCompleted.$Shape): order.v1.OrderCompleted & order.v1.OrderCompleted.$Shape;
            static create(properties?: order.v1.OrderCompleted.$Properties): order.v1.OrderCompleted;

            /**
             * Encodes the specified OrderCompleted message. Does not implicitly {@link order.v1.OrderCompleted.verify|verify} messages.
             * @param message OrderCompleted message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.OrderCompleted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OrderCompleted message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.OrderCompleted & order.v1.OrderCompleted.$Shape} OrderCompleted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.OrderCompleted & order.v1.OrderCompleted.$Shape;

            /**
             * Creates an OrderCompleted message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns OrderCompleted
             */
            static fromObject(object: { [k: string]: any }): order.v1.OrderCompleted;

            /**
             * Creates a plain object from an OrderCompleted message. Also converts values to other types if specified.
             * @param message OrderCompleted
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.OrderCompleted, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OrderCompleted to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace OrderCompleted {

            /** Properties of an OrderCompleted. */
            interface $Properties {

                /** OrderCompleted orderId */
                orderId?: (string|null);

                /** OrderCompleted sagaId */
                sagaId?: (string|null);

                /** OrderCompleted total */
                total?: (saga.v1.Money.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OrderCompleted. */
            type $Shape = order.v1.OrderCompleted.$Properties;
        }

        /**
         * Properties of an OrderCancelled.
         * @deprecated Use order.v1.OrderCancelled.$Properties instead.
         */
        interface IOrderCancelled extends order.v1.OrderCancelled.$Properties {
        }

        /** Represents an OrderCancelled. */
        class OrderCancelled {

            /**
             * Constructs a new OrderCancelled.
             * @param [properties] Properties to set
             */
            constructor(properties?: order.v1.OrderCancelled.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OrderCancelled orderId. */
            orderId: string;

            /** OrderCancelled sagaId. */
            sagaId: string;

            /** OrderCancelled reasonCode. */
            reasonCode: string;

            /**
             * Creates a new OrderCancelled instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OrderCancelled instance
             */
            static create(properties: order.v1.OrderCancelled.$Shape): order.v1.OrderCancelled & order.v1.OrderCancelled.$Shape;
            static create(properties?: order.v1.OrderCancelled.$Properties): order.v1.OrderCancelled;

            /**
             * Encodes the specified OrderCancelled message. Does not implicitly {@link order.v1.OrderCancelled.verify|verify} messages.
             * @param message OrderCancelled message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: order.v1.OrderCancelled.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OrderCancelled message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {order.v1.OrderCancelled & order.v1.OrderCancelled.$Shape} OrderCancelled
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): order.v1.OrderCancelled & order.v1.OrderCancelled.$Shape;

            /**
             * Creates an OrderCancelled message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns OrderCancelled
             */
            static fromObject(object: { [k: string]: any }): order.v1.OrderCancelled;

            /**
             * Creates a plain object from an OrderCancelled message. Also converts values to other types if specified.
             * @param message OrderCancelled
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: order.v1.OrderCancelled, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OrderCancelled to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace OrderCancelled {

            /** Properties of an OrderCancelled. */
            interface $Properties {

                /** OrderCancelled orderId */
                orderId?: (string|null);

                /** OrderCancelled sagaId */
                sagaId?: (string|null);

                /** OrderCancelled reasonCode */
                reasonCode?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OrderCancelled. */
            type $Shape = order.v1.OrderCancelled.$Properties;
        }
    }
}

/** Namespace saga. */
export namespace saga {

    /** Namespace v1. */
    namespace v1 {

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
    }
}

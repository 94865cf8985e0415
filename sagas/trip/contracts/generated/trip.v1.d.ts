import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace trip. */
export namespace trip {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a ReserveFlight.
         * @deprecated Use trip.v1.ReserveFlight.$Properties instead.
         */
        interface IReserveFlight extends trip.v1.ReserveFlight.$Properties {
        }

        /** Represents a ReserveFlight. */
        class ReserveFlight {

            /**
             * Constructs a new ReserveFlight.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.ReserveFlight.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReserveFlight tripId. */
            tripId: string;

            /** ReserveFlight traveller. */
            traveller: string;

            /** ReserveFlight flight. */
            flight: string;

            /** ReserveFlight date. */
            date: string;

            /** ReserveFlight seats. */
            seats: number;

            /**
             * Creates a new ReserveFlight instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReserveFlight instance
             */
            static create(properties: trip.v1.ReserveFlight.$Shape): trip.v1.ReserveFlight & trip.v1.ReserveFlight.$Shape;
            static create(properties?: trip.v1.ReserveFlight.$Properties): trip.v1.ReserveFlight;

            /**
             * Encodes the specified ReserveFlight message. Does not implicitly {@link trip.v1.ReserveFlight.verify|verify} messages.
             * @param message ReserveFlight message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.ReserveFlight.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReserveFlight message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.ReserveFlight & trip.v1.ReserveFlight.$Shape} ReserveFlight
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.ReserveFlight & trip.v1.ReserveFlight.$Shape;

            /**
             * Creates a ReserveFlight message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ReserveFlight
             */
            static fromObject(object: { [k: string]: any }): trip.v1.ReserveFlight;

            /**
             * Creates a plain object from a ReserveFlight message. Also converts values to other types if specified.
             * @param message ReserveFlight
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.ReserveFlight, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ReserveFlight to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ReserveFlight {

            /** Properties of a ReserveFlight. */
            interface $Properties {

                /** ReserveFlight tripId */
                tripId?: (string|null);

                /** ReserveFlight traveller */
                traveller?: (string|null);

                /** ReserveFlight flight */
                flight?: (string|null);

                /** ReserveFlight date */
                date?: (string|null);

                /** ReserveFlight seats */
                seats?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReserveFlight. */
            type $Shape = trip.v1.ReserveFlight.$Properties;
        }

        /**
         * Properties of a CancelFlight.
         * @deprecated Use trip.v1.CancelFlight.$Properties instead.
         */
        interface ICancelFlight extends trip.v1.CancelFlight.$Properties {
        }

        /** Represents a CancelFlight. */
        class CancelFlight {

            /**
             * Constructs a new CancelFlight.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.CancelFlight.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelFlight tripId. */
            tripId: string;

            /**
             * Creates a new CancelFlight instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelFlight instance
             */
            static create(properties: trip.v1.CancelFlight.$Shape): trip.v1.CancelFlight & trip.v1.CancelFlight.$Shape;
            static create(properties?: trip.v1.CancelFlight.$Properties): trip.v1.CancelFlight;

            /**
             * Encodes the specified CancelFlight message. Does not implicitly {@link trip.v1.CancelFlight.verify|verify} messages.
             * @param message CancelFlight message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.CancelFlight.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelFlight message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.CancelFlight & trip.v1.CancelFlight.$Shape} CancelFlight
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.CancelFlight & trip.v1.CancelFlight.$Shape;

            /**
             * Creates a CancelFlight message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelFlight
             */
            static fromObject(object: { [k: string]: any }): trip.v1.CancelFlight;

            /**
             * Creates a plain object from a CancelFlight message. Also converts values to other types if specified.
             * @param message CancelFlight
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.CancelFlight, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelFlight to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelFlight {

            /** Properties of a CancelFlight. */
            interface $Properties {

                /** CancelFlight tripId */
                tripId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelFlight. */
            type $Shape = trip.v1.CancelFlight.$Properties;
        }

        /**
         * Properties of a ReserveHotel.
         * @deprecated Use trip.v1.ReserveHotel.$Properties instead.
         */
        interface IReserveHotel extends trip.v1.ReserveHotel.$Properties {
        }

        /** Represents a ReserveHotel. */
        class ReserveHotel {

            /**
             * Constructs a new ReserveHotel.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.ReserveHotel.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReserveHotel tripId. */
            tripId: string;

            /** ReserveHotel traveller. */
            traveller: string;

            /** ReserveHotel hotel. */
            hotel: string;

            /** ReserveHotel checkIn. */
            checkIn: string;

            /** ReserveHotel nights. */
            nights: number;

            /** ReserveHotel rooms. */
            rooms: number;

            /**
             * Creates a new ReserveHotel instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReserveHotel instance
             */
            static create(properties: trip.v1.ReserveHotel.$Shape): trip.v1.ReserveHotel & trip.v1.ReserveHotel.$Shape;
            static create(properties?: trip.v1.ReserveHotel.$Properties): trip.v1.ReserveHotel;

            /**
             * Encodes the specified ReserveHotel message. Does not implicitly {@link trip.v1.ReserveHotel.verify|verify} messages.
             * @param message ReserveHotel message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.ReserveHotel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReserveHotel message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.ReserveHotel & trip.v1.ReserveHotel.$Shape} ReserveHotel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.ReserveHotel & trip.v1.ReserveHotel.$Shape;

            /**
             * Creates a ReserveHotel message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ReserveHotel
             */
            static fromObject(object: { [k: string]: any }): trip.v1.ReserveHotel;

            /**
             * Creates a plain object from a ReserveHotel message. Also converts values to other types if specified.
             * @param message ReserveHotel
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.ReserveHotel, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ReserveHotel to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ReserveHotel {

            /** Properties of a ReserveHotel. */
            interface $Properties {

                /** ReserveHotel tripId */
                tripId?: (string|null);

                /** ReserveHotel traveller */
                traveller?: (string|null);

                /** ReserveHotel hotel */
                hotel?: (string|null);

                /** ReserveHotel checkIn */
                checkIn?: (string|null);

                /** ReserveHotel nights */
                nights?: (number|null);

                /** ReserveHotel rooms */
                rooms?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReserveHotel. */
            type $Shape = trip.v1.ReserveHotel.$Properties;
        }

        /**
         * Properties of a CancelHotel.
         * @deprecated Use trip.v1.CancelHotel.$Properties instead.
         */
        interface ICancelHotel extends trip.v1.CancelHotel.$Properties {
        }

        /** Represents a CancelHotel. */
        class CancelHotel {

            /**
             * Constructs a new CancelHotel.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.CancelHotel.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelHotel tripId. */
            tripId: string;

            /**
             * Creates a new CancelHotel instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelHotel instance
             */
            static create(properties: trip.v1.CancelHotel.$Shape): trip.v1.CancelHotel & trip.v1.CancelHotel.$Shape;
            static create(properties?: trip.v1.CancelHotel.$Properties): trip.v1.CancelHotel;

            /**
             * Encodes the specified CancelHotel message. Does not implicitly {@link trip.v1.CancelHotel.verify|verify} messages.
             * @param message CancelHotel message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.CancelHotel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelHotel message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.CancelHotel & trip.v1.CancelHotel.$Shape} CancelHotel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.CancelHotel & trip.v1.CancelHotel.$Shape;

            /**
             * Creates a CancelHotel message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelHotel
             */
            static fromObject(object: { [k: string]: any }): trip.v1.CancelHotel;

            /**
             * Creates a plain object from a CancelHotel message. Also converts values to other types if specified.
             * @param message CancelHotel
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.CancelHotel, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelHotel to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelHotel {

            /** Properties of a CancelHotel. */
            interface $Properties {

                /** CancelHotel tripId */
                tripId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelHotel. */
            type $Shape = trip.v1.CancelHotel.$Properties;
        }

        /**
         * Properties of a ReserveCar.
         * @deprecated Use trip.v1.ReserveCar.$Properties instead.
         */
        interface IReserveCar extends trip.v1.ReserveCar.$Properties {
        }

        /** Represents a ReserveCar. */
        class ReserveCar {

            /**
             * Constructs a new ReserveCar.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.ReserveCar.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReserveCar tripId. */
            tripId: string;

            /** ReserveCar traveller. */
            traveller: string;

            /** ReserveCar city. */
            city: string;

            /** ReserveCar pickUp. */
            pickUp: string;

            /** ReserveCar days. */
            days: number;

            /**
             * Creates a new ReserveCar instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReserveCar instance
             */
            static create(properties: trip.v1.ReserveCar.$Shape): trip.v1.ReserveCar & trip.v1.ReserveCar.$Shape;
            static create(properties?: trip.v1.ReserveCar.$Properties): trip.v1.ReserveCar;

            /**
             * Encodes the specified ReserveCar message. Does not implicitly {@link trip.v1.ReserveCar.verify|verify} messages.
             * @param message ReserveCar message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.ReserveCar.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReserveCar message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.ReserveCar & trip.v1.ReserveCar.$Shape} ReserveCar
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.ReserveCar & trip.v1.ReserveCar.$Shape;

            /**
             * Creates a ReserveCar message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ReserveCar
             */
            static fromObject(object: { [k: string]: any }): trip.v1.ReserveCar;

            /**
             * Creates a plain object from a ReserveCar message. Also converts values to other types if specified.
             * @param message ReserveCar
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.ReserveCar, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ReserveCar to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ReserveCar {

            /** Properties of a ReserveCar. */
            interface $Properties {

                /** ReserveCar tripId */
                tripId?: (string|null);

                /** ReserveCar traveller */
                traveller?: (string|null);

                /** ReserveCar city */
                city?: (string|null);

                /** ReserveCar pickUp */
                pickUp?: (string|null);

                /** ReserveCar days */
                days?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReserveCar. */
            type $Shape = trip.v1.ReserveCar.$Properties;
        }

        /**
         * Properties of a CancelCar.
         * @deprecated Use trip.v1.CancelCar.$Properties instead.
         */
        interface ICancelCar extends trip.v1.CancelCar.$Properties {
        }

        /** Represents a CancelCar. */
        class CancelCar {

            /**
             * Constructs a new CancelCar.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.CancelCar.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelCar tripId. */
            tripId: string;

            /**
             * Creates a new CancelCar instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelCar instance
             */
            static create(properties: trip.v1.CancelCar.$Shape): trip.v1.CancelCar & trip.v1.CancelCar.$Shape;
            static create(properties?: trip.v1.CancelCar.$Properties): trip.v1.CancelCar;

            /**
             * Encodes the specified CancelCar message. Does not implicitly {@link trip.v1.CancelCar.verify|verify} messages.
             * @param message CancelCar message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.CancelCar.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelCar message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.CancelCar & trip.v1.CancelCar.$Shape} CancelCar
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.CancelCar & trip.v1.CancelCar.$Shape;

            /**
             * Creates a CancelCar message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelCar
             */
            static fromObject(object: { [k: string]: any }): trip.v1.CancelCar;

            /**
             * Creates a plain object from a CancelCar message. Also converts values to other types if specified.
             * @param message CancelCar
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.CancelCar, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelCar to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelCar {

            /** Properties of a CancelCar. */
            interface $Properties {

                /** CancelCar tripId */
                tripId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelCar. */
            type $Shape = trip.v1.CancelCar.$Properties;
        }

        /**
         * Properties of a ChargePayment.
         * @deprecated Use trip.v1.ChargePayment.$Properties instead.
         */
        interface IChargePayment extends trip.v1.ChargePayment.$Properties {
        }

        /** Represents a ChargePayment. */
        class ChargePayment {

            /**
             * Constructs a new ChargePayment.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.ChargePayment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ChargePayment tripId. */
            tripId: string;

            /** ChargePayment customerId. */
            customerId: string;

            /** ChargePayment amount. */
            amount?: (saga.v1.Money.$Properties|null);

            /**
             * Creates a new ChargePayment instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ChargePayment instance
             */
            static create(properties: trip.v1.ChargePayment.$Shape): trip.v1.ChargePayment & trip.v1.ChargePayment.$Shape;
            static create(properties?: trip.v1.ChargePayment.$Properties): trip.v1.ChargePayment;

            /**
             * Encodes the specified ChargePayment message. Does not implicitly {@link trip.v1.ChargePayment.verify|verify} messages.
             * @param message ChargePayment message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.ChargePayment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ChargePayment message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.ChargePayment & trip.v1.ChargePayment.$Shape} ChargePayment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.ChargePayment & trip.v1.ChargePayment.$Shape;

            /**
             * Creates a ChargePayment message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ChargePayment
             */
            static fromObject(object: { [k: string]: any }): trip.v1.ChargePayment;

            /**
             * Creates a plain object from a ChargePayment message. Also converts values to other types if specified.
             * @param message ChargePayment
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.ChargePayment, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ChargePayment to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ChargePayment {

            /** Properties of a ChargePayment. */
            interface $Properties {

                /** ChargePayment tripId */
                tripId?: (string|null);

                /** ChargePayment customerId */
                customerId?: (string|null);

                /** ChargePayment amount */
                amount?: (saga.v1.Money.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ChargePayment. */
            type $Shape = trip.v1.ChargePayment.$Properties;
        }

        /**
         * Properties of a RefundPayment.
         * @deprecated Use trip.v1.RefundPayment.$Properties instead.
         */
        interface IRefundPayment extends trip.v1.RefundPayment.$Properties {
        }

        /** Represents a RefundPayment. */
        class RefundPayment {

            /**
             * Constructs a new RefundPayment.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.RefundPayment.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RefundPayment tripId. */
            tripId: string;

            /** RefundPayment customerId. */
            customerId: string;

            /** RefundPayment amount. */
            amount?: (saga.v1.Money.$Properties|null);

            /**
             * Creates a new RefundPayment instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RefundPayment instance
             */
            static create(properties: trip.v1.RefundPayment.$Shape): trip.v1.RefundPayment & trip.v1.RefundPayment.$Shape;
            static create(properties?: trip.v1.RefundPayment.$Properties): trip.v1.RefundPayment;

            /**
             * Encodes the specified RefundPayment message. Does not implicitly {@link trip.v1.RefundPayment.verify|verify} messages.
             * @param message RefundPayment message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.RefundPayment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RefundPayment message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.RefundPayment & trip.v1.RefundPayment.$Shape} RefundPayment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.RefundPayment & trip.v1.RefundPayment.$Shape;

            /**
             * Creates a RefundPayment message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RefundPayment
             */
            static fromObject(object: { [k: string]: any }): trip.v1.RefundPayment;

            /**
             * Creates a plain object from a RefundPayment message. Also converts values to other types if specified.
             * @param message RefundPayment
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.RefundPayment, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RefundPayment to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace RefundPayment {

            /** Properties of a RefundPayment. */
            interface $Properties {

                /** RefundPayment tripId */
                tripId?: (string|null);

                /** RefundPayment customerId */
                customerId?: (string|null);

                /** RefundPayment amount */
                amount?: (saga.v1.Money.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RefundPayment. */
            type $Shape = trip.v1.RefundPayment.$Properties;
        }

        /**
         * Properties of a TripCreated.
         * @deprecated Use trip.v1.TripCreated.$Properties instead.
         */
        interface ITripCreated extends trip.v1.TripCreated.$Properties {
        }

        /** Represents a TripCreated. */
        class TripCreated {

            /**
             * Constructs a new TripCreated.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.TripCreated.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TripCreated tripId. */
            tripId: string;

            /** TripCreated sagaId. */
            sagaId: string;

            /** TripCreated customerId. */
            customerId: string;

            /** TripCreated total. */
            total?: (saga.v1.Money.$Properties|null);

            /**
             * Creates a new TripCreated instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TripCreated instance
             */
            static create(properties: trip.v1.TripCreated.$Shape): trip.v1.TripCreated & trip.v1.TripCreated.$Shape;
            static create(properties?: trip.v1.TripCreated.$Properties): trip.v1.TripCreated;

            /**
             * Encodes the specified TripCreated message. Does not implicitly {@link trip.v1.TripCreated.verify|verify} messages.
             * @param message TripCreated message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.TripCreated.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TripCreated message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.TripCreated & trip.v1.TripCreated.$Shape} TripCreated
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.TripCreated & trip.v1.TripCreated.$Shape;

            /**
             * Creates a TripCreated message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TripCreated
             */
            static fromObject(object: { [k: string]: any }): trip.v1.TripCreated;

            /**
             * Creates a plain object from a TripCreated message. Also converts values to other types if specified.
             * @param message TripCreated
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.TripCreated, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TripCreated to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TripCreated {

            /** Properties of a TripCreated. */
            interface $Properties {

                /** TripCreated tripId */
                tripId?: (string|null);

                /** TripCreated sagaId */
                sagaId?: (string|null);

                /** TripCreated customerId */
                customerId?: (string|null);

                /** TripCreated total */
                total?: (saga.v1.Money.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TripCreated. */
            type $Shape = trip.v1.TripCreated.$Properties;
        }

        /**
         * Properties of a TripBooked.
         * @deprecated Use trip.v1.TripBooked.$Properties instead.
         */
        interface ITripBooked extends trip.v1.TripBooked.$Properties {
        }

        /** Represents a TripBooked. */
        class TripBooked {

            /**
             * Constructs a new TripBooked.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.TripBooked.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TripBooked tripId. */
            tripId: string;

            /** TripBooked sagaId. */
            sagaId: string;

            /** TripBooked total. */
            total?: (saga.v1.Money.$Properties|null);

            /**
             * Creates a new TripBooked instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TripBooked instance
             */
            static create(properties: trip.v1.TripBooked.$Shape): trip.v1.TripBooked & trip.v1.TripBooked.$Shape;
            static create(properties?: trip.v1.TripBooked.$Properties): trip.v1.TripBooked;

            /**
             * Encodes the specified TripBooked message. Does not implicitly {@link trip.v1.TripBooked.verify|verify} messages.
             * @param message TripBooked message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.TripBooked.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TripBooked message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.TripBooked & trip.v1.TripBooked.$Shape} TripBooked
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.TripBooked & trip.v1.TripBooked.$Shape;

            /**
             * Creates a TripBooked message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TripBooked
             */
            static fromObject(object: { [k: string]: any }): trip.v1.TripBooked;

            /**
             * Creates a plain object from a TripBooked message. Also converts values to other types if specified.
             * @param message TripBooked
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.TripBooked, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TripBooked to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TripBooked {

            /** Properties of a TripBooked. */
            interface $Properties {

                /** TripBooked tripId */
                tripId?: (string|null);

                /** TripBooked sagaId */
                sagaId?: (string|null);

                /** TripBooked total */
                total?: (saga.v1.Money.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TripBooked. */
            type $Shape = trip.v1.TripBooked.$Properties;
        }

        /**
         * Properties of a TripCancelled.
         * @deprecated Use trip.v1.TripCancelled.$Properties instead.
         */
        interface ITripCancelled extends trip.v1.TripCancelled.$Properties {
        }

        /** Represents a TripCancelled. */
        class TripCancelled {

            /**
             * Constructs a new TripCancelled.
             * @param [properties] Properties to set
             */
            constructor(properties?: trip.v1.TripCancelled.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TripCancelled tripId. */
            tripId: string;

            /** TripCancelled sagaId. */
            sagaId: string;

            /** TripCancelled reasonCode. */
            reasonCode: string;

            /**
             * Creates a new TripCancelled instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TripCancelled instance
             */
            static create(properties: trip.v1.TripCancelled.$Shape): trip.v1.TripCancelled & trip.v1.TripCancelled.$Shape;
            static create(properties?: trip.v1.TripCancelled.$Properties): trip.v1.TripCancelled;

            /**
             * Encodes the specified TripCancelled message. Does not implicitly {@link trip.v1.TripCancelled.verify|verify} messages.
             * @param message TripCancelled message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: trip.v1.TripCancelled.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TripCancelled message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {trip.v1.TripCancelled & trip.v1.TripCancelled.$Shape} TripCancelled
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): trip.v1.TripCancelled & trip.v1.TripCancelled.$Shape;

            /**
             * Creates a TripCancelled message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TripCancelled
             */
            static fromObject(object: { [k: string]: any }): trip.v1.TripCancelled;

            /**
             * Creates a plain object from a TripCancelled message. Also converts values to other types if specified.
             * @param message TripCancelled
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: trip.v1.TripCancelled, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TripCancelled to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TripCancelled {

            /** Properties of a TripCancelled. */
            interface $Properties {

                /** TripCancelled tripId */
                tripId?: (string|null);

                /** TripCancelled sagaId */
                sagaId?: (string|null);

                /** TripCancelled reasonCode */
                reasonCode?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TripCancelled. */
            type $Shape = trip.v1.TripCancelled.$Properties;
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

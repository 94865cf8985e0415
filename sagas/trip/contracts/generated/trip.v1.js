/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt;

// Exported root namespace
const $root = $protobuf.roots["trip_v1"] || ($protobuf.roots["trip_v1"] = {});

export const trip = $root.trip = (() => {

    /**
     * Namespace trip.
     * @exports trip
     * @namespace
     */
    const trip = {};

    trip.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof trip
         * @namespace
         */
        const v1 = {};

        v1.ReserveFlight = (function() {

            /**
             * Properties of a ReserveFlight.
             * @typedef {Object} trip.v1.ReserveFlight.$Properties
             * @property {string|null} [tripId] ReserveFlight tripId
             * @property {string|null} [traveller] ReserveFlight traveller
             * @property {string|null} [flight] ReserveFlight flight
             * @property {string|null} [date] ReserveFlight date
             * @property {number|null} [seats] ReserveFlight seats
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReserveFlight.
             * @memberof trip.v1
             * @interface IReserveFlight
             * @augments trip.v1.ReserveFlight.$Properties
             * @deprecated Use trip.v1.ReserveFlight.$Properties instead.
             */

            /**
             * Shape of a ReserveFlight.
             * @typedef {trip.v1.ReserveFlight.$Properties} trip.v1.ReserveFlight.$Shape
             */

            /**
             * Constructs a new ReserveFlight.
             * @memberof trip.v1
             * @classdesc Represents a ReserveFlight.
             * @constructor
             * @param {trip.v1.ReserveFlight.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReserveFlight = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReserveFlight tripId.
             * @member {string} tripId
             * @memberof trip.v1.ReserveFlight
             * @instance
             */
            ReserveFlight.prototype.tripId = "";

            /**
             * ReserveFlight traveller.
             * @member {string} traveller
             * @memberof trip.v1.ReserveFlight
             * @instance
             */
            ReserveFlight.prototype.traveller = "";

            /**
             * ReserveFlight flight.
             * @member {string} flight
             * @memberof trip.v1.ReserveFlight
             * @instance
             */
            ReserveFlight.prototype.flight = "";

            /**
             * ReserveFlight date.
             * @member {string} date
             * @memberof trip.v1.ReserveFlight
             * @instance
             */
            ReserveFlight.prototype.date = "";

            /**
             * ReserveFlight seats.
             * @member {number} seats
             * @memberof trip.v1.ReserveFlight
             * @instance
             */
            ReserveFlight.prototype.seats = 0;

            /**
             * Creates a new ReserveFlight instance using the specified properties.
             * @function create
             * @memberof trip.v1.ReserveFlight
             * @static
             * @param {trip.v1.ReserveFlight.$Properties=} [properties] Properties to set
             * @returns {trip.v1.ReserveFlight} ReserveFlight instance
             * @type {{
             *   (properties: trip.v1.ReserveFlight.$Shape): trip.v1.ReserveFlight & trip.v1.ReserveFlight.$Shape;
             *   (properties?: trip.v1.ReserveFlight.$Properties): trip.v1.ReserveFlight;
             * }}
             */
            ReserveFlight.create = function(properties) {
                return new ReserveFlight(properties);
            };

            /**
             * Encodes the specified ReserveFlight message. Does not implicitly {@link trip.v1.ReserveFlight.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.ReserveFlight
             * @static
             * @param {trip.v1.ReserveFlight.$Properties} message ReserveFlight message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReserveFlight.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.traveller != null && $Object.hasOwnProperty.call(message, "traveller") && message.traveller !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.traveller);
                if (message.flight != null && $Object.hasOwnProperty.call(message, "flight") && message.flight !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.flight);
                if (message.date != null && $Object.hasOwnProperty.call(message, "date") && message.date !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.date);
                if (message.seats != null && $Object.hasOwnProperty.call(message, "seats") && message.seats !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.seats);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReserveFlight message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.ReserveFlight
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.ReserveFlight & trip.v1.ReserveFlight.$Shape} ReserveFlight
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReserveFlight.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.ReserveFlight();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.traveller = value;
                            else
                                delete message.traveller;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.flight = value;
                            else
                                delete message.flight;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.date = value;
                            else
                                delete message.date;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.seats = value;
                            else
                                delete message.seats;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ReserveFlight message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.ReserveFlight
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.ReserveFlight} ReserveFlight
             */
            ReserveFlight.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.ReserveFlight)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.ReserveFlight: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.ReserveFlight();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                if (object.traveller != null)
                    if (typeof object.traveller !== "string" || object.traveller.length)
                        message.traveller = $String(object.traveller);
                if (object.flight != null)
                    if (typeof object.flight !== "string" || object.flight.length)
                        message.flight = $String(object.flight);
                if (object.date != null)
                    if (typeof object.date !== "string" || object.date.length)
                        message.date = $String(object.date);
                if (object.seats != null)
                    if ($Number(object.seats) !== 0)
                        message.seats = object.seats >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a ReserveFlight message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.ReserveFlight
             * @static
             * @param {trip.v1.ReserveFlight} message ReserveFlight
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReserveFlight.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tripId = "";
                    object.traveller = "";
                    object.flight = "";
                    object.date = "";
                    object.seats = 0;
                }
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                if (message.traveller != null && $Object.hasOwnProperty.call(message, "traveller"))
                    object.traveller = message.traveller;
                if (message.flight != null && $Object.hasOwnProperty.call(message, "flight"))
                    object.flight = message.flight;
                if (message.date != null && $Object.hasOwnProperty.call(message, "date"))
                    object.date = message.date;
                if (message.seats != null && $Object.hasOwnProperty.call(message, "seats"))
                    object.seats = message.seats;
                return object;
            };

            /**
             * Converts this ReserveFlight to JSON.
             * @function toJSON
             * @memberof trip.v1.ReserveFlight
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReserveFlight.prototype.toJSON = function() {
                return ReserveFlight.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ReserveFlight;
        })();

        v1.CancelFlight = (function() {

            /**
             * Properties of a CancelFlight.
             * @typedef {Object} trip.v1.CancelFlight.$Properties
             * @property {string|null} [tripId] CancelFlight tripId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CancelFlight.
             * @memberof trip.v1
             * @interface ICancelFlight
             * @augments trip.v1.CancelFlight.$Properties
             * @deprecated Use trip.v1.CancelFlight.$Properties instead.
             */

            /**
             * Shape of a CancelFlight.
             * @typedef {trip.v1.CancelFlight.$Properties} trip.v1.CancelFlight.$Shape
             */

            /**
             * Constructs a new CancelFlight.
             * @memberof trip.v1
             * @classdesc Represents a CancelFlight.
             * @constructor
             * @param {trip.v1.CancelFlight.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CancelFlight = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CancelFlight tripId.
             * @member {string} tripId
             * @memberof trip.v1.CancelFlight
             * @instance
             */
            CancelFlight.prototype.tripId = "";

            /**
             * Creates a new CancelFlight instance using the specified properties.
             * @function create
             * @memberof trip.v1.CancelFlight
             * @static
             * @param {trip.v1.CancelFlight.$Properties=} [properties] Properties to set
             * @returns {trip.v1.CancelFlight} CancelFlight instance
             * @type {{
             *   (properties: trip.v1.CancelFlight.$Shape): trip.v1.CancelFlight & trip.v1.CancelFlight.$Shape;
             *   (properties?: trip.v1.CancelFlight.$Properties): trip.v1.CancelFlight;
             * }}
             */
            CancelFlight.create = function(properties) {
                return new CancelFlight(properties);
            };

            /**
             * Encodes the specified CancelFlight message. Does not implicitly {@link trip.v1.CancelFlight.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.CancelFlight
             * @static
             * @param {trip.v1.CancelFlight.$Properties} message CancelFlight message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelFlight.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CancelFlight message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.CancelFlight
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.CancelFlight & trip.v1.CancelFlight.$Shape} CancelFlight
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelFlight.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.CancelFlight();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a CancelFlight message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.CancelFlight
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.CancelFlight} CancelFlight
             */
            CancelFlight.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.CancelFlight)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.CancelFlight: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.CancelFlight();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                return message;
            };

            /**
             * Creates a plain object from a CancelFlight message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.CancelFlight
             * @static
             * @param {trip.v1.CancelFlight} message CancelFlight
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CancelFlight.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.tripId = "";
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                return object;
            };

            /**
             * Converts this CancelFlight to JSON.
             * @function toJSON
             * @memberof trip.v1.CancelFlight
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CancelFlight.prototype.toJSON = function() {
                return CancelFlight.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CancelFlight;
        })();

        v1.ReserveHotel = (function() {

            /**
             * Properties of a ReserveHotel.
             * @typedef {Object} trip.v1.ReserveHotel.$Properties
             * @property {string|null} [tripId] ReserveHotel tripId
             * @property {string|null} [traveller] ReserveHotel traveller
             * @property {string|null} [hotel] ReserveHotel hotel
             * @property {string|null} [checkIn] ReserveHotel checkIn
             * @property {number|null} [nights] ReserveHotel nights
             * @property {number|null} [rooms] ReserveHotel rooms
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReserveHotel.
             * @memberof trip.v1
             * @interface IReserveHotel
             * @augments trip.v1.ReserveHotel.$Properties
             * @deprecated Use trip.v1.ReserveHotel.$Properties instead.
             */

            /**
             * Shape of a ReserveHotel.
             * @typedef {trip.v1.ReserveHotel.$Properties} trip.v1.ReserveHotel.$Shape
             */

            /**
             * Constructs a new ReserveHotel.
             * @memberof trip.v1
             * @classdesc Represents a ReserveHotel.
             * @constructor
             * @param {trip.v1.ReserveHotel.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReserveHotel = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReserveHotel tripId.
             * @member {string} tripId
             * @memberof trip.v1.ReserveHotel
             * @instance
             */
            ReserveHotel.prototype.tripId = "";

            /**
             * ReserveHotel traveller.
             * @member {string} traveller
             * @memberof trip.v1.ReserveHotel
             * @instance
             */
            ReserveHotel.prototype.traveller = "";

            /**
             * ReserveHotel hotel.
             * @member {string} hotel
             * @memberof trip.v1.ReserveHotel
             * @instance
             */
            ReserveHotel.prototype.hotel = "";

            /**
             * ReserveHotel checkIn.
             * @member {string} checkIn
             * @memberof trip.v1.ReserveHotel
             * @instance
             */
            ReserveHotel.prototype.checkIn = "";

            /**
             * ReserveHotel nights.
             * @member {number} nights
             * @memberof trip.v1.ReserveHotel
             * @instance
             */
            ReserveHotel.prototype.nights = 0;

            /**
             * ReserveHotel rooms.
             * @member {number} rooms
             * @memberof trip.v1.ReserveHotel
             * @instance
             */
            ReserveHotel.prototype.rooms = 0;

            /**
             * Creates a new ReserveHotel instance using the specified properties.
             * @function create
             * @memberof trip.v1.ReserveHotel
             * @static
             * @param {trip.v1.ReserveHotel.$Properties=} [properties] Properties to set
             * @returns {trip.v1.ReserveHotel} ReserveHotel instance
             * @type {{
             *   (properties: trip.v1.ReserveHotel.$Shape): trip.v1.ReserveHotel & trip.v1.ReserveHotel.$Shape;
             *   (properties?: trip.v1.ReserveHotel.$Properties): trip.v1.ReserveHotel;
             * }}
             */
            ReserveHotel.create = function(properties) {
                return new ReserveHotel(properties);
            };

            /**
             * Encodes the specified ReserveHotel message. Does not implicitly {@link trip.v1.ReserveHotel.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.ReserveHotel
             * @static
             * @param {trip.v1.ReserveHotel.$Properties} message ReserveHotel message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReserveHotel.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.traveller != null && $Object.hasOwnProperty.call(message, "traveller") && message.traveller !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.traveller);
                if (message.hotel != null && $Object.hasOwnProperty.call(message, "hotel") && message.hotel !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.hotel);
                if (message.checkIn != null && $Object.hasOwnProperty.call(message, "checkIn") && message.checkIn !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.checkIn);
                if (message.nights != null && $Object.hasOwnProperty.call(message, "nights") && message.nights !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.nights);
                if (message.rooms != null && $Object.hasOwnProperty.call(message, "rooms") && message.rooms !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.rooms);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReserveHotel message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.ReserveHotel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.ReserveHotel & trip.v1.ReserveHotel.$Shape} ReserveHotel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReserveHotel.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.ReserveHotel();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.traveller = value;
                            else
                                delete message.traveller;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hotel = value;
                            else
                                delete message.hotel;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.checkIn = value;
                            else
                                delete message.checkIn;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.nights = value;
                            else
                                delete message.nights;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.rooms = value;
                            else
                                delete message.rooms;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ReserveHotel message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.ReserveHotel
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.ReserveHotel} ReserveHotel
             */
            ReserveHotel.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.ReserveHotel)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.ReserveHotel: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.ReserveHotel();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                if (object.traveller != null)
                    if (typeof object.traveller !== "string" || object.traveller.length)
                        message.traveller = $String(object.traveller);
                if (object.hotel != null)
                    if (typeof object.hotel !== "string" || object.hotel.length)
                        message.hotel = $String(object.hotel);
                if (object.checkIn != null)
                    if (typeof object.checkIn !== "string" || object.checkIn.length)
                        message.checkIn = $String(object.checkIn);
                if (object.nights != null)
                    if ($Number(object.nights) !== 0)
                        message.nights = object.nights >>> 0;
                if (object.rooms != null)
                    if ($Number(object.rooms) !== 0)
                        message.rooms = object.rooms >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a ReserveHotel message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.ReserveHotel
             * @static
             * @param {trip.v1.ReserveHotel} message ReserveHotel
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReserveHotel.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tripId = "";
                    object.traveller = "";
                    object.hotel = "";
                    object.checkIn = "";
                    object.nights = 0;
                    object.rooms = 0;
                }
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                if (message.traveller != null && $Object.hasOwnProperty.call(message, "traveller"))
                    object.traveller = message.traveller;
                if (message.hotel != null && $Object.hasOwnProperty.call(message, "hotel"))
                    object.hotel = message.hotel;
                if (message.checkIn != null && $Object.hasOwnProperty.call(message, "checkIn"))
                    object.checkIn = message.checkIn;
                if (message.nights != null && $Object.hasOwnProperty.call(message, "nights"))
                    object.nights = message.nights;
                if (message.rooms != null && $Object.hasOwnProperty.call(message, "rooms"))
                    object.rooms = message.rooms;
                return object;
            };

            /**
             * Converts this ReserveHotel to JSON.
             * @function toJSON
             * @memberof trip.v1.ReserveHotel
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReserveHotel.prototype.toJSON = function() {
                return ReserveHotel.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ReserveHotel;
        })();

        v1.CancelHotel = (function() {

            /**
             * Properties of a CancelHotel.
             * @typedef {Object} trip.v1.CancelHotel.$Properties
             * @property {string|null} [tripId] CancelHotel tripId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CancelHotel.
             * @memberof trip.v1
             * @interface ICancelHotel
             * @augments trip.v1.CancelHotel.$Properties
             * @deprecated Use trip.v1.CancelHotel.$Properties instead.
             */

            /**
             * Shape of a CancelHotel.
             * @typedef {trip.v1.CancelHotel.$Properties} trip.v1.CancelHotel.$Shape
             */

            /**
             * Constructs a new CancelHotel.
             * @memberof trip.v1
             * @classdesc Represents a CancelHotel.
             * @constructor
             * @param {trip.v1.CancelHotel.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CancelHotel = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CancelHotel tripId.
             * @member {string} tripId
             * @memberof trip.v1.CancelHotel
             * @instance
             */
            CancelHotel.prototype.tripId = "";

            /**
             * Creates a new CancelHotel instance using the specified properties.
             * @function create
             * @memberof trip.v1.CancelHotel
             * @static
             * @param {trip.v1.CancelHotel.$Properties=} [properties] Properties to set
             * @returns {trip.v1.CancelHotel} CancelHotel instance
             * @type {{
             *   (properties: trip.v1.CancelHotel.$Shape): trip.v1.CancelHotel & trip.v1.CancelHotel.$Shape;
             *   (properties?: trip.v1.CancelHotel.$Properties): trip.v1.CancelHotel;
             * }}
             */
            CancelHotel.create = function(properties) {
                return new CancelHotel(properties);
            };

            /**
             * Encodes the specified CancelHotel message. Does not implicitly {@link trip.v1.CancelHotel.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.CancelHotel
             * @static
             * @param {trip.v1.CancelHotel.$Properties} message CancelHotel message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelHotel.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CancelHotel message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.CancelHotel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.CancelHotel & trip.v1.CancelHotel.$Shape} CancelHotel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelHotel.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.CancelHotel();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a CancelHotel message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.CancelHotel
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.CancelHotel} CancelHotel
             */
            CancelHotel.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.CancelHotel)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.CancelHotel: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.CancelHotel();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                return message;
            };

            /**
             * Creates a plain object from a CancelHotel message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.CancelHotel
             * @static
             * @param {trip.v1.CancelHotel} message CancelHotel
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CancelHotel.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.tripId = "";
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                return object;
            };

            /**
             * Converts this CancelHotel to JSON.
             * @function toJSON
             * @memberof trip.v1.CancelHotel
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CancelHotel.prototype.toJSON = function() {
                return CancelHotel.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CancelHotel;
        })();

        v1.ReserveCar = (function() {

            /**
             * Properties of a ReserveCar.
             * @typedef {Object} trip.v1.ReserveCar.$Properties
             * @property {string|null} [tripId] ReserveCar tripId
             * @property {string|null} [traveller] ReserveCar traveller
             * @property {string|null} [city] ReserveCar city
             * @property {string|null} [pickUp] ReserveCar pickUp
             * @property {number|null} [days] ReserveCar days
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReserveCar.
             * @memberof trip.v1
             * @interface IReserveCar
             * @augments trip.v1.ReserveCar.$Properties
             * @deprecated Use trip.v1.ReserveCar.$Properties instead.
             */

            /**
             * Shape of a ReserveCar.
             * @typedef {trip.v1.ReserveCar.$Properties} trip.v1.ReserveCar.$Shape
             */

            /**
             * Constructs a new ReserveCar.
             * @memberof trip.v1
             * @classdesc Represents a ReserveCar.
             * @constructor
             * @param {trip.v1.ReserveCar.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReserveCar = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReserveCar tripId.
             * @member {string} tripId
             * @memberof trip.v1.ReserveCar
             * @instance
             */
            ReserveCar.prototype.tripId = "";

            /**
             * ReserveCar traveller.
             * @member {string} traveller
             * @memberof trip.v1.ReserveCar
             * @instance
             */
            ReserveCar.prototype.traveller = "";

            /**
             * ReserveCar city.
             * @member {string} city
             * @memberof trip.v1.ReserveCar
             * @instance
             */
            ReserveCar.prototype.city = "";

            /**
             * ReserveCar pickUp.
             * @member {string} pickUp
             * @memberof trip.v1.ReserveCar
             * @instance
             */
            ReserveCar.prototype.pickUp = "";

            /**
             * ReserveCar days.
             * @member {number} days
             * @memberof trip.v1.ReserveCar
             * @instance
             */
            ReserveCar.prototype.days = 0;

            /**
             * Creates a new ReserveCar instance using the specified properties.
             * @function create
             * @memberof trip.v1.ReserveCar
             * @static
             * @param {trip.v1.ReserveCar.$Properties=} [properties] Properties to set
             * @returns {trip.v1.ReserveCar} ReserveCar instance
             * @type {{
             *   (properties: trip.v1.ReserveCar.$Shape): trip.v1.ReserveCar & trip.v1.ReserveCar.$Shape;
             *   (properties?: trip.v1.ReserveCar.$Properties): trip.v1.ReserveCar;
             * }}
             */
            ReserveCar.create = function(properties) {
                return new ReserveCar(properties);
            };

            /**
             * Encodes the specified ReserveCar message. Does not implicitly {@link trip.v1.ReserveCar.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.ReserveCar
             * @static
             * @param {trip.v1.ReserveCar.$Properties} message ReserveCar message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReserveCar.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.traveller != null && $Object.hasOwnProperty.call(message, "traveller") && message.traveller !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.traveller);
                if (message.city != null && $Object.hasOwnProperty.call(message, "city") && message.city !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.city);
                if (message.pickUp != null && $Object.hasOwnProperty.call(message, "pickUp") && message.pickUp !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.pickUp);
                if (message.days != null && $Object.hasOwnProperty.call(message, "days") && message.days !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.days);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReserveCar message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.ReserveCar
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.ReserveCar & trip.v1.ReserveCar.$Shape} ReserveCar
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReserveCar.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.ReserveCar();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.traveller = value;
                            else
                                delete message.traveller;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.city = value;
                            else
                                delete message.city;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.pickUp = value;
                            else
                                delete message.pickUp;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.days = value;
                            else
                                delete message.days;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ReserveCar message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.ReserveCar
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.ReserveCar} ReserveCar
             */
            ReserveCar.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.ReserveCar)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.ReserveCar: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.ReserveCar();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                if (object.traveller != null)
                    if (typeof object.traveller !== "string" || object.traveller.length)
                        message.traveller = $String(object.traveller);
                if (object.city != null)
                    if (typeof object.city !== "string" || object.city.length)
                        message.city = $String(object.city);
                if (object.pickUp != null)
                    if (typeof object.pickUp !== "string" || object.pickUp.length)
                        message.pickUp = $String(object.pickUp);
                if (object.days != null)
                    if ($Number(object.days) !== 0)
                        message.days = object.days >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a ReserveCar message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.ReserveCar
             * @static
             * @param {trip.v1.ReserveCar} message ReserveCar
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReserveCar.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tripId = "";
                    object.traveller = "";
                    object.city = "";
                    object.pickUp = "";
                    object.days = 0;
                }
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                if (message.traveller != null && $Object.hasOwnProperty.call(message, "traveller"))
                    object.traveller = message.traveller;
                if (message.city != null && $Object.hasOwnProperty.call(message, "city"))
                    object.city = message.city;
                if (message.pickUp != null && $Object.hasOwnProperty.call(message, "pickUp"))
                    object.pickUp = message.pickUp;
                if (message.days != null && $Object.hasOwnProperty.call(message, "days"))
                    object.days = message.days;
                return object;
            };

            /**
             * Converts this ReserveCar to JSON.
             * @function toJSON
             * @memberof trip.v1.ReserveCar
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReserveCar.prototype.toJSON = function() {
                return ReserveCar.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ReserveCar;
        })();

        v1.CancelCar = (function() {

            /**
             * Properties of a CancelCar.
             * @typedef {Object} trip.v1.CancelCar.$Properties
             * @property {string|null} [tripId] CancelCar tripId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CancelCar.
             * @memberof trip.v1
             * @interface ICancelCar
             * @augments trip.v1.CancelCar.$Properties
             * @deprecated Use trip.v1.CancelCar.$Properties instead.
             */

            /**
             * Shape of a CancelCar.
             * @typedef {trip.v1.CancelCar.$Properties} trip.v1.CancelCar.$Shape
             */

            /**
             * Constructs a new CancelCar.
             * @memberof trip.v1
             * @classdesc Represents a CancelCar.
             * @constructor
             * @param {trip.v1.CancelCar.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CancelCar = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CancelCar tripId.
             * @member {string} tripId
             * @memberof trip.v1.CancelCar
             * @instance
             */
            CancelCar.prototype.tripId = "";

            /**
             * Creates a new CancelCar instance using the specified properties.
             * @function create
             * @memberof trip.v1.CancelCar
             * @static
             * @param {trip.v1.CancelCar.$Properties=} [properties] Properties to set
             * @returns {trip.v1.CancelCar} CancelCar instance
             * @type {{
             *   (properties: trip.v1.CancelCar.$Shape): trip.v1.CancelCar & trip.v1.CancelCar.$Shape;
             *   (properties?: trip.v1.CancelCar.$Properties): trip.v1.CancelCar;
             * }}
             */
            CancelCar.create = function(properties) {
                return new CancelCar(properties);
            };

            /**
             * Encodes the specified CancelCar message. Does not implicitly {@link trip.v1.CancelCar.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.CancelCar
             * @static
             * @param {trip.v1.CancelCar.$Properties} message CancelCar message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelCar.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CancelCar message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.CancelCar
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.CancelCar & trip.v1.CancelCar.$Shape} CancelCar
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelCar.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.CancelCar();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a CancelCar message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.CancelCar
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.CancelCar} CancelCar
             */
            CancelCar.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.CancelCar)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.CancelCar: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.CancelCar();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                return message;
            };

            /**
             * Creates a plain object from a CancelCar message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.CancelCar
             * @static
             * @param {trip.v1.CancelCar} message CancelCar
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CancelCar.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.tripId = "";
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                return object;
            };

            /**
             * Converts this CancelCar to JSON.
             * @function toJSON
             * @memberof trip.v1.CancelCar
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CancelCar.prototype.toJSON = function() {
                return CancelCar.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CancelCar;
        })();

        v1.ChargePayment = (function() {

            /**
             * Properties of a ChargePayment.
             * @typedef {Object} trip.v1.ChargePayment.$Properties
             * @property {string|null} [tripId] ChargePayment tripId
             * @property {string|null} [customerId] ChargePayment customerId
             * @property {saga.v1.Money.$Properties|null} [amount] ChargePayment amount
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ChargePayment.
             * @memberof trip.v1
             * @interface IChargePayment
             * @augments trip.v1.ChargePayment.$Properties
             * @deprecated Use trip.v1.ChargePayment.$Properties instead.
             */

            /**
             * Shape of a ChargePayment.
             * @typedef {trip.v1.ChargePayment.$Properties} trip.v1.ChargePayment.$Shape
             */

            /**
             * Constructs a new ChargePayment.
             * @memberof trip.v1
             * @classdesc Represents a ChargePayment.
             * @constructor
             * @param {trip.v1.ChargePayment.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ChargePayment = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ChargePayment tripId.
             * @member {string} tripId
             * @memberof trip.v1.ChargePayment
             * @instance
             */
            ChargePayment.prototype.tripId = "";

            /**
             * ChargePayment customerId.
             * @member {string} customerId
             * @memberof trip.v1.ChargePayment
             * @instance
             */
            ChargePayment.prototype.customerId = "";

            /**
             * ChargePayment amount.
             * @member {saga.v1.Money.$Properties|null|undefined} amount
             * @memberof trip.v1.ChargePayment
             * @instance
             */
            ChargePayment.prototype.amount = null;

            /**
             * Creates a new ChargePayment instance using the specified properties.
             * @function create
             * @memberof trip.v1.ChargePayment
             * @static
             * @param {trip.v1.ChargePayment.$Properties=} [properties] Properties to set
             * @returns {trip.v1.ChargePayment} ChargePayment instance
             * @type {{
             *   (properties: trip.v1.ChargePayment.$Shape): trip.v1.ChargePayment & trip.v1.ChargePayment.$Shape;
             *   (properties?: trip.v1.ChargePayment.$Properties): trip.v1.ChargePayment;
             * }}
             */
            ChargePayment.create = function(properties) {
                return new ChargePayment(properties);
            };

            /**
             * Encodes the specified ChargePayment message. Does not implicitly {@link trip.v1.ChargePayment.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.ChargePayment
             * @static
             * @param {trip.v1.ChargePayment.$Properties} message ChargePayment message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ChargePayment.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId") && message.customerId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.customerId);
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    $root.saga.v1.Money.encode(message.amount, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ChargePayment message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.ChargePayment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.ChargePayment & trip.v1.ChargePayment.$Shape} ChargePayment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ChargePayment.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.ChargePayment();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.customerId = value;
                            else
                                delete message.customerId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.amount = $root.saga.v1.Money.decode(reader, reader.size(), $undefined, _depth + 1, message.amount);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ChargePayment message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.ChargePayment
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.ChargePayment} ChargePayment
             */
            ChargePayment.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.ChargePayment)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.ChargePayment: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.ChargePayment();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                if (object.customerId != null)
                    if (typeof object.customerId !== "string" || object.customerId.length)
                        message.customerId = $String(object.customerId);
                if (object.amount != null) {
                    if (!$util.isObject(object.amount))
                        throw $TypeError(".trip.v1.ChargePayment.amount: object expected");
                    message.amount = $root.saga.v1.Money.fromObject(object.amount, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a ChargePayment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.ChargePayment
             * @static
             * @param {trip.v1.ChargePayment} message ChargePayment
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ChargePayment.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tripId = "";
                    object.customerId = "";
                    object.amount = null;
                }
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId"))
                    object.customerId = message.customerId;
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    object.amount = $root.saga.v1.Money.toObject(message.amount, options, _depth + 1);
                return object;
            };

            /**
             * Converts this ChargePayment to JSON.
             * @function toJSON
             * @memberof trip.v1.ChargePayment
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ChargePayment.prototype.toJSON = function() {
                return ChargePayment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ChargePayment;
        })();

        v1.RefundPayment = (function() {

            /**
             * Properties of a RefundPayment.
             * @typedef {Object} trip.v1.RefundPayment.$Properties
             * @property {string|null} [tripId] RefundPayment tripId
             * @property {string|null} [customerId] RefundPayment customerId
             * @property {saga.v1.Money.$Properties|null} [amount] RefundPayment amount
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RefundPayment.
             * @memberof trip.v1
             * @interface IRefundPayment
             * @augments trip.v1.RefundPayment.$Properties
             * @deprecated Use trip.v1.RefundPayment.$Properties instead.
             */

            /**
             * Shape of a RefundPayment.
             * @typedef {trip.v1.RefundPayment.$Properties} trip.v1.RefundPayment.$Shape
             */

            /**
             * Constructs a new RefundPayment.
             * @memberof trip.v1
             * @classdesc Represents a RefundPayment.
             * @constructor
             * @param {trip.v1.RefundPayment.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RefundPayment = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RefundPayment tripId.
             * @member {string} tripId
             * @memberof trip.v1.RefundPayment
             * @instance
             */
            RefundPayment.prototype.tripId = "";

            /**
             * RefundPayment customerId.
             * @member {string} customerId
             * @memberof trip.v1.RefundPayment
             * @instance
             */
            RefundPayment.prototype.customerId = "";

            /**
             * RefundPayment amount.
             * @member {saga.v1.Money.$Properties|null|undefined} amount
             * @memberof trip.v1.RefundPayment
             * @instance
             */
            RefundPayment.prototype.amount = null;

            /**
             * Creates a new RefundPayment instance using the specified properties.
             * @function create
             * @memberof trip.v1.RefundPayment
             * @static
             * @param {trip.v1.RefundPayment.$Properties=} [properties] Properties to set
             * @returns {trip.v1.RefundPayment} RefundPayment instance
             * @type {{
             *   (properties: trip.v1.RefundPayment.$Shape): trip.v1.RefundPayment & trip.v1.RefundPayment.$Shape;
             *   (properties?: trip.v1.RefundPayment.$Properties): trip.v1.RefundPayment;
             * }}
             */
            RefundPayment.create = function(properties) {
                return new RefundPayment(properties);
            };

            /**
             * Encodes the specified RefundPayment message. Does not implicitly {@link trip.v1.RefundPayment.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.RefundPayment
             * @static
             * @param {trip.v1.RefundPayment.$Properties} message RefundPayment message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RefundPayment.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId") && message.customerId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.customerId);
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    $root.saga.v1.Money.encode(message.amount, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RefundPayment message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.RefundPayment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.RefundPayment & trip.v1.RefundPayment.$Shape} RefundPayment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RefundPayment.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.RefundPayment();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.customerId = value;
                            else
                                delete message.customerId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.amount = $root.saga.v1.Money.decode(reader, reader.size(), $undefined, _depth + 1, message.amount);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a RefundPayment message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.RefundPayment
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.RefundPayment} RefundPayment
             */
            RefundPayment.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.RefundPayment)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.RefundPayment: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.RefundPayment();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                if (object.customerId != null)
                    if (typeof object.customerId !== "string" || object.customerId.length)
                        message.customerId = $String(object.customerId);
                if (object.amount != null) {
                    if (!$util.isObject(object.amount))
                        throw $TypeError(".trip.v1.RefundPayment.amount: object expected");
                    message.amount = $root.saga.v1.Money.fromObject(object.amount, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a RefundPayment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.RefundPayment
             * @static
             * @param {trip.v1.RefundPayment} message RefundPayment
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RefundPayment.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tripId = "";
                    object.customerId = "";
                    object.amount = null;
                }
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId"))
                    object.customerId = message.customerId;
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    object.amount = $root.saga.v1.Money.toObject(message.amount, options, _depth + 1);
                return object;
            };

            /**
             * Converts this RefundPayment to JSON.
             * @function toJSON
             * @memberof trip.v1.RefundPayment
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RefundPayment.prototype.toJSON = function() {
                return RefundPayment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RefundPayment;
        })();

        v1.TripCreated = (function() {

            /**
             * Properties of a TripCreated.
             * @typedef {Object} trip.v1.TripCreated.$Properties
             * @property {string|null} [tripId] TripCreated tripId
             * @property {string|null} [sagaId] TripCreated sagaId
             * @property {string|null} [customerId] TripCreated customerId
             * @property {saga.v1.Money.$Properties|null} [total] TripCreated total
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TripCreated.
             * @memberof trip.v1
             * @interface ITripCreated
             * @augments trip.v1.TripCreated.$Properties
             * @deprecated Use trip.v1.TripCreated.$Properties instead.
             */

            /**
             * Shape of a TripCreated.
             * @typedef {trip.v1.TripCreated.$Properties} trip.v1.TripCreated.$Shape
             */

            /**
             * Constructs a new TripCreated.
             * @memberof trip.v1
             * @classdesc Represents a TripCreated.
             * @constructor
             * @param {trip.v1.TripCreated.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TripCreated = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TripCreated tripId.
             * @member {string} tripId
             * @memberof trip.v1.TripCreated
             * @instance
             */
            TripCreated.prototype.tripId = "";

            /**
             * TripCreated sagaId.
             * @member {string} sagaId
             * @memberof trip.v1.TripCreated
             * @instance
             */
            TripCreated.prototype.sagaId = "";

            /**
             * TripCreated customerId.
             * @member {string} customerId
             * @memberof trip.v1.TripCreated
             * @instance
             */
            TripCreated.prototype.customerId = "";

            /**
             * TripCreated total.
             * @member {saga.v1.Money.$Properties|null|undefined} total
             * @memberof trip.v1.TripCreated
             * @instance
             */
            TripCreated.prototype.total = null;

            /**
             * Creates a new TripCreated instance using the specified properties.
             * @function create
             * @memberof trip.v1.TripCreated
             * @static
             * @param {trip.v1.TripCreated.$Properties=} [properties] Properties to set
             * @returns {trip.v1.TripCreated} TripCreated instance
             * @type {{
             *   (properties: trip.v1.TripCreated.$Shape): trip.v1.TripCreated & trip.v1.TripCreated.$Shape;
             *   (properties?: trip.v1.TripCreated.$Properties): trip.v1.TripCreated;
             * }}
             */
            TripCreated.create = function(properties) {
                return new TripCreated(properties);
            };

            /**
             * Encodes the specified TripCreated message. Does not implicitly {@link trip.v1.TripCreated.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.TripCreated
             * @static
             * @param {trip.v1.TripCreated.$Properties} message TripCreated message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TripCreated.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId") && message.sagaId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.sagaId);
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId") && message.customerId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.customerId);
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    $root.saga.v1.Money.encode(message.total, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TripCreated message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.TripCreated
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.TripCreated & trip.v1.TripCreated.$Shape} TripCreated
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TripCreated.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.TripCreated();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sagaId = value;
                            else
                                delete message.sagaId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.customerId = value;
                            else
                                delete message.customerId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.total = $root.saga.v1.Money.decode(reader, reader.size(), $undefined, _depth + 1, message.total);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a TripCreated message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.TripCreated
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.TripCreated} TripCreated
             */
            TripCreated.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.TripCreated)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.TripCreated: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.TripCreated();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                if (object.sagaId != null)
                    if (typeof object.sagaId !== "string" || object.sagaId.length)
                        message.sagaId = $String(object.sagaId);
                if (object.customerId != null)
                    if (typeof object.customerId !== "string" || object.customerId.length)
                        message.customerId = $String(object.customerId);
                if (object.total != null) {
                    if (!$util.isObject(object.total))
                        throw $TypeError(".trip.v1.TripCreated.total: object expected");
                    message.total = $root.saga.v1.Money.fromObject(object.total, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a TripCreated message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.TripCreated
             * @static
             * @param {trip.v1.TripCreated} message TripCreated
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TripCreated.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tripId = "";
                    object.sagaId = "";
                    object.customerId = "";
                    object.total = null;
                }
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId"))
                    object.sagaId = message.sagaId;
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId"))
                    object.customerId = message.customerId;
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    object.total = $root.saga.v1.Money.toObject(message.total, options, _depth + 1);
                return object;
            };

            /**
             * Converts this TripCreated to JSON.
             * @function toJSON
             * @memberof trip.v1.TripCreated
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TripCreated.prototype.toJSON = function() {
                return TripCreated.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TripCreated;
        })();

        v1.TripBooked = (function() {

            /**
             * Properties of a TripBooked.
             * @typedef {Object} trip.v1.TripBooked.$Properties
             * @property {string|null} [tripId] TripBooked tripId
             * @property {string|null} [sagaId] TripBooked sagaId
             * @property {saga.v1.Money.$Properties|null} [total] TripBooked total
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TripBooked.
             * @memberof trip.v1
             * @interface ITripBooked
             * @augments trip.v1.TripBooked.$Properties
             * @deprecated Use trip.v1.TripBooked.$Properties instead.
             */

            /**
             * Shape of a TripBooked.
             * @typedef {trip.v1.TripBooked.$Properties} trip.v1.TripBooked.$Shape
             */

            /**
             * Constructs a new TripBooked.
             * @memberof trip.v1
             * @classdesc Represents a TripBooked.
             * @constructor
             * @param {trip.v1.TripBooked.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TripBooked = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TripBooked tripId.
             * @member {string} tripId
             * @memberof trip.v1.TripBooked
             * @instance
             */
            TripBooked.prototype.tripId = "";

            /**
             * TripBooked sagaId.
             * @member {string} sagaId
             * @memberof trip.v1.TripBooked
             * @instance
             */
            TripBooked.prototype.sagaId = "";

            /**
             * TripBooked total.
             * @member {saga.v1.Money.$Properties|null|undefined} total
             * @memberof trip.v1.TripBooked
             * @instance
             */
            TripBooked.prototype.total = null;

            /**
             * Creates a new TripBooked instance using the specified properties.
             * @function create
             * @memberof trip.v1.TripBooked
             * @static
             * @param {trip.v1.TripBooked.$Properties=} [properties] Properties to set
             * @returns {trip.v1.TripBooked} TripBooked instance
             * @type {{
             *   (properties: trip.v1.TripBooked.$Shape): trip.v1.TripBooked & trip.v1.TripBooked.$Shape;
             *   (properties?: trip.v1.TripBooked.$Properties): trip.v1.TripBooked;
             * }}
             */
            TripBooked.create = function(properties) {
                return new TripBooked(properties);
            };

            /**
             * Encodes the specified TripBooked message. Does not implicitly {@link trip.v1.TripBooked.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.TripBooked
             * @static
             * @param {trip.v1.TripBooked.$Properties} message TripBooked message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TripBooked.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId") && message.sagaId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.sagaId);
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    $root.saga.v1.Money.encode(message.total, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TripBooked message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.TripBooked
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.TripBooked & trip.v1.TripBooked.$Shape} TripBooked
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TripBooked.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.TripBooked();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sagaId = value;
                            else
                                delete message.sagaId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.total = $root.saga.v1.Money.decode(reader, reader.size(), $undefined, _depth + 1, message.total);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a TripBooked message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.TripBooked
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.TripBooked} TripBooked
             */
            TripBooked.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.TripBooked)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.TripBooked: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.TripBooked();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                if (object.sagaId != null)
                    if (typeof object.sagaId !== "string" || object.sagaId.length)
                        message.sagaId = $String(object.sagaId);
                if (object.total != null) {
                    if (!$util.isObject(object.total))
                        throw $TypeError(".trip.v1.TripBooked.total: object expected");
                    message.total = $root.saga.v1.Money.fromObject(object.total, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a TripBooked message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.TripBooked
             * @static
             * @param {trip.v1.TripBooked} message TripBooked
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TripBooked.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tripId = "";
                    object.sagaId = "";
                    object.total = null;
                }
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId"))
                    object.sagaId = message.sagaId;
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    object.total = $root.saga.v1.Money.toObject(message.total, options, _depth + 1);
                return object;
            };

            /**
             * Converts this TripBooked to JSON.
             * @function toJSON
             * @memberof trip.v1.TripBooked
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TripBooked.prototype.toJSON = function() {
                return TripBooked.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TripBooked;
        })();

        v1.TripCancelled = (function() {

            /**
             * Properties of a TripCancelled.
             * @typedef {Object} trip.v1.TripCancelled.$Properties
             * @property {string|null} [tripId] TripCancelled tripId
             * @property {string|null} [sagaId] TripCancelled sagaId
             * @property {string|null} [reasonCode] TripCancelled reasonCode
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TripCancelled.
             * @memberof trip.v1
             * @interface ITripCancelled
             * @augments trip.v1.TripCancelled.$Properties
             * @deprecated Use trip.v1.TripCancelled.$Properties instead.
             */

            /**
             * Shape of a TripCancelled.
             * @typedef {trip.v1.TripCancelled.$Properties} trip.v1.TripCancelled.$Shape
             */

            /**
             * Constructs a new TripCancelled.
             * @memberof trip.v1
             * @classdesc Represents a TripCancelled.
             * @constructor
             * @param {trip.v1.TripCancelled.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TripCancelled = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TripCancelled tripId.
             * @member {string} tripId
             * @memberof trip.v1.TripCancelled
             * @instance
             */
            TripCancelled.prototype.tripId = "";

            /**
             * TripCancelled sagaId.
             * @member {string} sagaId
             * @memberof trip.v1.TripCancelled
             * @instance
             */
            TripCancelled.prototype.sagaId = "";

            /**
             * TripCancelled reasonCode.
             * @member {string} reasonCode
             * @memberof trip.v1.TripCancelled
             * @instance
             */
            TripCancelled.prototype.reasonCode = "";

            /**
             * Creates a new TripCancelled instance using the specified properties.
             * @function create
             * @memberof trip.v1.TripCancelled
             * @static
             * @param {trip.v1.TripCancelled.$Properties=} [properties] Properties to set
             * @returns {trip.v1.TripCancelled} TripCancelled instance
             * @type {{
             *   (properties: trip.v1.TripCancelled.$Shape): trip.v1.TripCancelled & trip.v1.TripCancelled.$Shape;
             *   (properties?: trip.v1.TripCancelled.$Properties): trip.v1.TripCancelled;
             * }}
             */
            TripCancelled.create = function(properties) {
                return new TripCancelled(properties);
            };

            /**
             * Encodes the specified TripCancelled message. Does not implicitly {@link trip.v1.TripCancelled.verify|verify} messages.
             * @function encode
             * @memberof trip.v1.TripCancelled
             * @static
             * @param {trip.v1.TripCancelled.$Properties} message TripCancelled message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TripCancelled.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId") && message.tripId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.tripId);
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId") && message.sagaId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.sagaId);
                if (message.reasonCode != null && $Object.hasOwnProperty.call(message, "reasonCode") && message.reasonCode !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.reasonCode);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TripCancelled message from the specified reader or buffer.
             * @function decode
             * @memberof trip.v1.TripCancelled
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {trip.v1.TripCancelled & trip.v1.TripCancelled.$Shape} TripCancelled
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TripCancelled.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.trip.v1.TripCancelled();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tripId = value;
                            else
                                delete message.tripId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sagaId = value;
                            else
                                delete message.sagaId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reasonCode = value;
                            else
                                delete message.reasonCode;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a TripCancelled message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof trip.v1.TripCancelled
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {trip.v1.TripCancelled} TripCancelled
             */
            TripCancelled.fromObject = function (object, _depth) {
                if (object instanceof $root.trip.v1.TripCancelled)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".trip.v1.TripCancelled: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.trip.v1.TripCancelled();
                if (object.tripId != null)
                    if (typeof object.tripId !== "string" || object.tripId.length)
                        message.tripId = $String(object.tripId);
                if (object.sagaId != null)
                    if (typeof object.sagaId !== "string" || object.sagaId.length)
                        message.sagaId = $String(object.sagaId);
                if (object.reasonCode != null)
                    if (typeof object.reasonCode !== "string" || object.reasonCode.length)
                        message.reasonCode = $String(object.reasonCode);
                return message;
            };

            /**
             * Creates a plain object from a TripCancelled message. Also converts values to other types if specified.
             * @function toObject
             * @memberof trip.v1.TripCancelled
             * @static
             * @param {trip.v1.TripCancelled} message TripCancelled
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TripCancelled.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.tripId = "";
                    object.sagaId = "";
                    object.reasonCode = "";
                }
                if (message.tripId != null && $Object.hasOwnProperty.call(message, "tripId"))
                    object.tripId = message.tripId;
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId"))
                    object.sagaId = message.sagaId;
                if (message.reasonCode != null && $Object.hasOwnProperty.call(message, "reasonCode"))
                    object.reasonCode = message.reasonCode;
                return object;
            };

            /**
             * Converts this TripCancelled to JSON.
             * @function toJSON
             * @memberof trip.v1.TripCancelled
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TripCancelled.prototype.toJSON = function() {
                return TripCancelled.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TripCancelled;
        })();

        return v1;
    })();

    return trip;
})();

export const saga = $root.saga = (() => {

    /**
     * Namespace saga.
     * @exports saga
     * @namespace
     */
    const saga = {};

    saga.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof saga
         * @namespace
         */
        const v1 = {};

        v1.Money = (function() {

            /**
             * Properties of a Money.
             * @typedef {Object} saga.v1.Money.$Properties
             * @property {number|null} [amountMinor] Money amountMinor
             * @property {string|null} [currency] Money currency
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Money.
             * @memberof saga.v1
             * @interface IMoney
             * @augments saga.v1.Money.$Properties
             * @deprecated Use saga.v1.Money.$Properties instead.
             */

            /**
             * Shape of a Money.
             * @typedef {saga.v1.Money.$Properties} saga.v1.Money.$Shape
             */

            /**
             * Constructs a new Money.
             * @memberof saga.v1
             * @classdesc Represents a Money.
             * @constructor
             * @param {saga.v1.Money.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Money = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Money amountMinor.
             * @member {number} amountMinor
             * @memberof saga.v1.Money
             * @instance
             */
            Money.prototype.amountMinor = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Money currency.
             * @member {string} currency
             * @memberof saga.v1.Money
             * @instance
             */
            Money.prototype.currency = "";

            /**
             * Creates a new Money instance using the specified properties.
             * @function create
             * @memberof saga.v1.Money
             * @static
             * @param {saga.v1.Money.$Properties=} [properties] Properties to set
             * @returns {saga.v1.Money} Money instance
             * @type {{
             *   (properties: saga.v1.Money.$Shape): saga.v1.Money & saga.v1.Money.$Shape;
             *   (properties?: saga.v1.Money.$Properties): saga.v1.Money;
             * }}
             */
            Money.create = function(properties) {
                return new Money(properties);
            };

            /**
             * Encodes the specified Money message. Does not implicitly {@link saga.v1.Money.verify|verify} messages.
             * @function encode
             * @memberof saga.v1.Money
             * @static
             * @param {saga.v1.Money.$Properties} message Money message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Money.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.amountMinor != null && $Object.hasOwnProperty.call(message, "amountMinor") && (typeof message.amountMinor === "object" ? message.amountMinor.low || message.amountMinor.high : message.amountMinor !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.amountMinor);
                if (message.currency != null && $Object.hasOwnProperty.call(message, "currency") && message.currency !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.currency);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Money message from the specified reader or buffer.
             * @function decode
             * @memberof saga.v1.Money
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {saga.v1.Money & saga.v1.Money.$Shape} Money
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Money.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.saga.v1.Money();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.amountMinor = value;
                            else
                                delete message.amountMinor;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.currency = value;
                            else
                                delete message.currency;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Money message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof saga.v1.Money
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {saga.v1.Money} Money
             */
            Money.fromObject = function (object, _depth) {
                if (object instanceof $root.saga.v1.Money)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".saga.v1.Money: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.saga.v1.Money();
                if (object.amountMinor != null)
                    if (typeof object.amountMinor === "object" ? object.amountMinor.low || object.amountMinor.high : $Number(object.amountMinor) !== 0)
                        if ($util.Long)
                            message.amountMinor = $util.Long.fromValue(object.amountMinor, false);
                        else if (typeof object.amountMinor === "string")
                            message.amountMinor = $parseInt(object.amountMinor, 10);
                        else if (typeof object.amountMinor === "number")
                            message.amountMinor = object.amountMinor;
                        else if (typeof object.amountMinor === "object")
                            message.amountMinor = new $util.LongBits(object.amountMinor.low >>> 0, object.amountMinor.high >>> 0).toNumber();
                if (object.currency != null)
                    if (typeof object.currency !== "string" || object.currency.length)
                        message.currency = $String(object.currency);
                return message;
            };

            /**
             * Creates a plain object from a Money message. Also converts values to other types if specified.
             * @function toObject
             * @memberof saga.v1.Money
             * @static
             * @param {saga.v1.Money} message Money
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Money.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.amountMinor = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.amountMinor = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.currency = "";
                }
                if (message.amountMinor != null && $Object.hasOwnProperty.call(message, "amountMinor"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.amountMinor = typeof message.amountMinor === "number" ? $BigInt(message.amountMinor) : $util.Long.fromBits(message.amountMinor.low >>> 0, message.amountMinor.high >>> 0, false).toBigInt();
                    else if (typeof message.amountMinor === "number")
                        object.amountMinor = options.longs === $String ? $String(message.amountMinor) : message.amountMinor;
                    else
                        object.amountMinor = options.longs === $String ? $util.Long.prototype.toString.call(message.amountMinor) : options.longs === $Number ? new $util.LongBits(message.amountMinor.low >>> 0, message.amountMinor.high >>> 0).toNumber() : message.amountMinor;
                if (message.currency != null && $Object.hasOwnProperty.call(message, "currency"))
                    object.currency = message.currency;
                return object;
            };

            /**
             * Converts this Money to JSON.
             * @function toJSON
             * @memberof saga.v1.Money
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Money.prototype.toJSON = function() {
                return Money.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Money;
        })();

        return v1;
    })();

    return saga;
})();

export {
  $root as default
};

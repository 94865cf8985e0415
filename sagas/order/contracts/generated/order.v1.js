/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Array = $util.global.Array;

// Exported root namespace
const $root = $protobuf.roots["order_v1"] || ($protobuf.roots["order_v1"] = {});

export const order = $root.order = (() => {

    /**
     * Namespace order.
     * @exports order
     * @namespace
     */
    const order = {};

    order.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof order
         * @namespace
         */
        const v1 = {};

        v1.OrderItem = (function() {

            /**
             * Properties of an OrderItem.
             * @typedef {Object} order.v1.OrderItem.$Properties
             * @property {string|null} [sku] OrderItem sku
             * @property {number|null} [quantity] OrderItem quantity
             * @property {number|null} [unitPriceMinor] OrderItem unitPriceMinor
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OrderItem.
             * @memberof order.v1
             * @interface IOrderItem
             * @augments order.v1.OrderItem.$Properties
             * @deprecated Use order.v1.OrderItem.$Properties instead.
             */

            /**
             * Shape of an OrderItem.
             * @typedef {order.v1.OrderItem.$Properties} order.v1.OrderItem.$Shape
             */

            /**
             * Constructs a new OrderItem.
             * @memberof order.v1
             * @classdesc Represents an OrderItem.
             * @constructor
             * @param {order.v1.OrderItem.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OrderItem = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OrderItem sku.
             * @member {string} sku
             * @memberof order.v1.OrderItem
             * @instance
             */
            OrderItem.prototype.sku = "";

            /**
             * OrderItem quantity.
             * @member {number} quantity
             * @memberof order.v1.OrderItem
             * @instance
             */
            OrderItem.prototype.quantity = 0;

            /**
             * OrderItem unitPriceMinor.
             * @member {number} unitPriceMinor
             * @memberof order.v1.OrderItem
             * @instance
             */
            OrderItem.prototype.unitPriceMinor = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new OrderItem instance using the specified properties.
             * @function create
             * @memberof order.v1.OrderItem
             * @static
             * @param {order.v1.OrderItem.$Properties=} [properties] Properties to set
             * @returns {order.v1.OrderItem} OrderItem instance
             * @type {{
             *   (properties: order.v1.OrderItem.$Shape): order.v1.OrderItem & order.v1.OrderItem.$Shape;
             *   (properties?: order.v1.OrderItem.$Properties): order.v1.OrderItem;
             * }}
             */
            OrderItem.create = function(properties) {
                return new OrderItem(properties);
            };

            /**
             * Encodes the specified OrderItem message. Does not implicitly {@link order.v1.OrderItem.verify|verify} messages.
             * @function encode
             * @memberof order.v1.OrderItem
             * @static
             * @param {order.v1.OrderItem.$Properties} message OrderItem message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderItem.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sku != null && $Object.hasOwnProperty.call(message, "sku") && message.sku !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sku);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.quantity);
                if (message.unitPriceMinor != null && $Object.hasOwnProperty.call(message, "unitPriceMinor") && (typeof message.unitPriceMinor === "object" ? message.unitPriceMinor.low || message.unitPriceMinor.high : message.unitPriceMinor !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).int64(message.unitPriceMinor);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an OrderItem message from the specified reader or buffer.
             * @function decode
             * @memberof order.v1.OrderItem
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.OrderItem & order.v1.OrderItem.$Shape} OrderItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderItem.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.order.v1.OrderItem();
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
                                message.sku = value;
                            else
                                delete message.sku;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.unitPriceMinor = value;
                            else
                                delete message.unitPriceMinor;
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
             * Creates an OrderItem message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof order.v1.OrderItem
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.OrderItem} OrderItem
             */
            OrderItem.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.OrderItem)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.OrderItem: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.OrderItem();
                if (object.sku != null)
                    if (typeof object.sku !== "string" || object.sku.length)
                        message.sku = $String(object.sku);
                if (object.quantity != null)
                    if ($Number(object.quantity) !== 0)
                        message.quantity = object.quantity >>> 0;
                if (object.unitPriceMinor != null)
                    if (typeof object.unitPriceMinor === "object" ? object.unitPriceMinor.low || object.unitPriceMinor.high : $Number(object.unitPriceMinor) !== 0)
                        if ($util.Long)
                            message.unitPriceMinor = $util.Long.fromValue(object.unitPriceMinor, false);
                        else if (typeof object.unitPriceMinor === "string")
                            message.unitPriceMinor = $parseInt(object.unitPriceMinor, 10);
                        else if (typeof object.unitPriceMinor === "number")
                            message.unitPriceMinor = object.unitPriceMinor;
                        else if (typeof object.unitPriceMinor === "object")
                            message.unitPriceMinor = new $util.LongBits(object.unitPriceMinor.low >>> 0, object.unitPriceMinor.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from an OrderItem message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.OrderItem
             * @static
             * @param {order.v1.OrderItem} message OrderItem
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OrderItem.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.sku = "";
                    object.quantity = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.unitPriceMinor = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.unitPriceMinor = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.sku != null && $Object.hasOwnProperty.call(message, "sku"))
                    object.sku = message.sku;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                if (message.unitPriceMinor != null && $Object.hasOwnProperty.call(message, "unitPriceMinor"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.unitPriceMinor = typeof message.unitPriceMinor === "number" ? $BigInt(message.unitPriceMinor) : $util.Long.fromBits(message.unitPriceMinor.low >>> 0, message.unitPriceMinor.high >>> 0, false).toBigInt();
                    else if (typeof message.unitPriceMinor === "number")
                        object.unitPriceMinor = options.longs === $String ? $String(message.unitPriceMinor) : message.unitPriceMinor;
                    else
                        object.unitPriceMinor = options.longs === $String ? $util.Long.prototype.toString.call(message.unitPriceMinor) : options.longs === $Number ? new $util.LongBits(message.unitPriceMinor.low >>> 0, message.unitPriceMinor.high >>> 0).toNumber() : message.unitPriceMinor;
                return object;
            };

            /**
             * Converts this OrderItem to JSON.
             * @function toJSON
             * @memberof order.v1.OrderItem
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OrderItem.prototype.toJSON = function() {
                return OrderItem.toObject(this, $protobuf.util.toJSONOptions);
            };

            return OrderItem;
        })();

        v1.Address = (function() {

            /**
             * Properties of an Address.
             * @typedef {Object} order.v1.Address.$Properties
             * @property {string|null} [line1] Address line1
             * @property {string|null} [city] Address city
             * @property {string|null} [postalCode] Address postalCode
             * @property {string|null} [country] Address country
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Address.
             * @memberof order.v1
             * @interface IAddress
             * @augments order.v1.Address.$Properties
             * @deprecated Use order.v1.Address.$Properties instead.
             */

            /**
             * Shape of an Address.
             * @typedef {order.v1.Address.$Properties} order.v1.Address.$Shape
             */

            /**
             * Constructs a new Address.
             * @memberof order.v1
             * @classdesc Represents an Address.
             * @constructor
             * @param {order.v1.Address.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Address = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Address line1.
             * @member {string} line1
             * @memberof order.v1.Address
             * @instance
             */
            Address.prototype.line1 = "";

            /**
             * Address city.
             * @member {string} city
             * @memberof order.v1.Address
             * @instance
             */
            Address.prototype.city = "";

            /**
             * Address postalCode.
             * @member {string} postalCode
             * @memberof order.v1.Address
             * @instance
             */
            Address.prototype.postalCode = "";

            /**
             * Address country.
             * @member {string} country
             * @memberof order.v1.Address
             * @instance
             */
            Address.prototype.country = "";

            /**
             * Creates a new Address instance using the specified properties.
             * @function create
             * @memberof order.v1.Address
             * @static
             * @param {order.v1.Address.$Properties=} [properties] Properties to set
             * @returns {order.v1.Address} Address instance
             * @type {{
             *   (properties: order.v1.Address.$Shape): order.v1.Address & order.v1.Address.$Shape;
             *   (properties?: order.v1.Address.$Properties): order.v1.Address;
             * }}
             */
            Address.create = function(properties) {
                return new Address(properties);
            };

            /**
             * Encodes the specified Address message. Does not implicitly {@link order.v1.Address.verify|verify} messages.
             * @function encode
             * @memberof order.v1.Address
             * @static
             * @param {order.v1.Address.$Properties} message Address message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Address.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.line1 != null && $Object.hasOwnProperty.call(message, "line1") && message.line1 !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.line1);
                if (message.city != null && $Object.hasOwnProperty.call(message, "city") && message.city !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.city);
                if (message.postalCode != null && $Object.hasOwnProperty.call(message, "postalCode") && message.postalCode !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.postalCode);
                if (message.country != null && $Object.hasOwnProperty.call(message, "country") && message.country !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.country);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Address message from the specified reader or buffer.
             * @function decode
             * @memberof order.v1.Address
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.Address & order.v1.Address.$Shape} Address
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Address.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.order.v1.Address();
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
                                message.line1 = value;
                            else
                                delete message.line1;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.city = value;
                            else
                                delete message.city;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.postalCode = value;
                            else
                                delete message.postalCode;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.country = value;
                            else
                                delete message.country;
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
             * Creates an Address message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof order.v1.Address
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.Address} Address
             */
            Address.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.Address)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.Address: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.Address();
                if (object.line1 != null)
                    if (typeof object.line1 !== "string" || object.line1.length)
                        message.line1 = $String(object.line1);
                if (object.city != null)
                    if (typeof object.city !== "string" || object.city.length)
                        message.city = $String(object.city);
                if (object.postalCode != null)
                    if (typeof object.postalCode !== "string" || object.postalCode.length)
                        message.postalCode = $String(object.postalCode);
                if (object.country != null)
                    if (typeof object.country !== "string" || object.country.length)
                        message.country = $String(object.country);
                return message;
            };

            /**
             * Creates a plain object from an Address message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.Address
             * @static
             * @param {order.v1.Address} message Address
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Address.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.line1 = "";
                    object.city = "";
                    object.postalCode = "";
                    object.country = "";
                }
                if (message.line1 != null && $Object.hasOwnProperty.call(message, "line1"))
                    object.line1 = message.line1;
                if (message.city != null && $Object.hasOwnProperty.call(message, "city"))
                    object.city = message.city;
                if (message.postalCode != null && $Object.hasOwnProperty.call(message, "postalCode"))
                    object.postalCode = message.postalCode;
                if (message.country != null && $Object.hasOwnProperty.call(message, "country"))
                    object.country = message.country;
                return object;
            };

            /**
             * Converts this Address to JSON.
             * @function toJSON
             * @memberof order.v1.Address
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Address.prototype.toJSON = function() {
                return Address.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Address;
        })();

        v1.ReserveInventory = (function() {

            /**
             * Properties of a ReserveInventory.
             * @typedef {Object} order.v1.ReserveInventory.$Properties
             * @property {string|null} [orderId] ReserveInventory orderId
             * @property {Array.<order.v1.OrderItem.$Properties>|null} [items] ReserveInventory items
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReserveInventory.
             * @memberof order.v1
             * @interface IReserveInventory
             * @augments order.v1.ReserveInventory.$Properties
             * @deprecated Use order.v1.ReserveInventory.$Properties instead.
             */

            /**
             * Shape of a ReserveInventory.
             * @typedef {order.v1.ReserveInventory.$Properties} order.v1.ReserveInventory.$Shape
             */

            /**
             * Constructs a new ReserveInventory.
             * @memberof order.v1
             * @classdesc Represents a ReserveInventory.
             * @constructor
             * @param {order.v1.ReserveInventory.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReserveInventory = function (properties) {
                this.items = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReserveInventory orderId.
             * @member {string} orderId
             * @memberof order.v1.ReserveInventory
             * @instance
             */
            ReserveInventory.prototype.orderId = "";

            /**
             * ReserveInventory items.
             * @member {Array.<order.v1.OrderItem.$Properties>} items
             * @memberof order.v1.ReserveInventory
             * @instance
             */
            ReserveInventory.prototype.items = $util.emptyArray;

            /**
             * Creates a new ReserveInventory instance using the specified properties.
             * @function create
             * @memberof order.v1.ReserveInventory
             * @static
             * @param {order.v1.ReserveInventory.$Properties=} [properties] Properties to set
             * @returns {order.v1.ReserveInventory} ReserveInventory instance
             * @type {{
             *   (properties: order.v1.ReserveInventory.$Shape): order.v1.ReserveInventory & order.v1.ReserveInventory.$Shape;
             *   (properties?: order.v1.ReserveInventory.$Properties): order.v1.ReserveInventory;
             * }}
             */
            ReserveInventory.create = function(properties) {
                return new ReserveInventory(properties);
            };

            /**
             * Encodes the specified ReserveInventory message. Does not implicitly {@link order.v1.ReserveInventory.verify|verify} messages.
             * @function encode
             * @memberof order.v1.ReserveInventory
             * @static
             * @param {order.v1.ReserveInventory.$Properties} message ReserveInventory message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReserveInventory.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
                if (message.items != null && message.items.length)
                    for (let i = 0; i < message.items.length; ++i)
                        $root.order.v1.OrderItem.encode(message.items[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReserveInventory message from the specified reader or buffer.
             * @function decode
             * @memberof order.v1.ReserveInventory
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.ReserveInventory & order.v1.ReserveInventory.$Shape} ReserveInventory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReserveInventory.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.order.v1.ReserveInventory();
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
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.items && message.items.length))
                                message.items = [];
                            message.items.push($root.order.v1.OrderItem.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Creates a ReserveInventory message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof order.v1.ReserveInventory
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.ReserveInventory} ReserveInventory
             */
            ReserveInventory.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.ReserveInventory)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.ReserveInventory: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.ReserveInventory();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.items) {
                    if (!$Array.isArray(object.items))
                        throw $TypeError(".order.v1.ReserveInventory.items: array expected");
                    message.items = $Array(object.items.length);
                    for (let i = 0; i < object.items.length; ++i) {
                        if (!$util.isObject(object.items[i]))
                            throw $TypeError(".order.v1.ReserveInventory.items: object expected");
                        message.items[i] = $root.order.v1.OrderItem.fromObject(object.items[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a ReserveInventory message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.ReserveInventory
             * @static
             * @param {order.v1.ReserveInventory} message ReserveInventory
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReserveInventory.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.items = [];
                if (options.defaults)
                    object.orderId = "";
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.items && message.items.length) {
                    object.items = $Array(message.items.length);
                    for (let j = 0; j < message.items.length; ++j)
                        object.items[j] = $root.order.v1.OrderItem.toObject(message.items[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this ReserveInventory to JSON.
             * @function toJSON
             * @memberof order.v1.ReserveInventory
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReserveInventory.prototype.toJSON = function() {
                return ReserveInventory.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ReserveInventory;
        })();

        v1.ReleaseInventory = (function() {

            /**
             * Properties of a ReleaseInventory.
             * @typedef {Object} order.v1.ReleaseInventory.$Properties
             * @property {string|null} [orderId] ReleaseInventory orderId
             * @property {Array.<order.v1.OrderItem.$Properties>|null} [items] ReleaseInventory items
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReleaseInventory.
             * @memberof order.v1
             * @interface IReleaseInventory
             * @augments order.v1.ReleaseInventory.$Properties
             * @deprecated Use order.v1.ReleaseInventory.$Properties instead.
             */

            /**
             * Shape of a ReleaseInventory.
             * @typedef {order.v1.ReleaseInventory.$Properties} order.v1.ReleaseInventory.$Shape
             */

            /**
             * Constructs a new ReleaseInventory.
             * @memberof order.v1
             * @classdesc Represents a ReleaseInventory.
             * @constructor
             * @param {order.v1.ReleaseInventory.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReleaseInventory = function (properties) {
                this.items = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReleaseInventory orderId.
             * @member {string} orderId
             * @memberof order.v1.ReleaseInventory
             * @instance
             */
            ReleaseInventory.prototype.orderId = "";

            /**
             * ReleaseInventory items.
             * @member {Array.<order.v1.OrderItem.$Properties>} items
             * @memberof order.v1.ReleaseInventory
             * @instance
             */
            ReleaseInventory.prototype.items = $util.emptyArray;

            /**
             * Creates a new ReleaseInventory instance using the specified properties.
             * @function create
             * @memberof order.v1.ReleaseInventory
             * @static
             * @param {order.v1.ReleaseInventory.$Properties=} [properties] Properties to set
             * @returns {order.v1.ReleaseInventory} ReleaseInventory instance
             * @type {{
             *   (properties: order.v1.ReleaseInventory.$Shape): order.v1.ReleaseInventory & order.v1.ReleaseInventory.$Shape;
             *   (properties?: order.v1.ReleaseInventory.$Properties): order.v1.ReleaseInventory;
             * }}
             */
            ReleaseInventory.create = function(properties) {
                return new ReleaseInventory(properties);
            };

            /**
             * Encodes the specified ReleaseInventory message. Does not implicitly {@link order.v1.ReleaseInventory.verify|verify} messages.
             * @function encode
             * @memberof order.v1.ReleaseInventory
             * @static
             * @param {order.v1.ReleaseInventory.$Properties} message ReleaseInventory message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReleaseInventory.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
                if (message.items != null && message.items.length)
                    for (let i = 0; i < message.items.length; ++i)
                        $root.order.v1.OrderItem.encode(message.items[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ReleaseInventory message from the specified reader or buffer.
             * @function decode
             * @memberof order.v1.ReleaseInventory
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.ReleaseInventory & order.v1.ReleaseInventory.$Shape} ReleaseInventory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReleaseInventory.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.order.v1.ReleaseInventory();
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
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.items && message.items.length))
                                message.items = [];
                            message.items.push($root.order.v1.OrderItem.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Creates a ReleaseInventory message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof order.v1.ReleaseInventory
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.ReleaseInventory} ReleaseInventory
             */
            ReleaseInventory.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.ReleaseInventory)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.ReleaseInventory: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.ReleaseInventory();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.items) {
                    if (!$Array.isArray(object.items))
                        throw $TypeError(".order.v1.ReleaseInventory.items: array expected");
                    message.items = $Array(object.items.length);
                    for (let i = 0; i < object.items.length; ++i) {
                        if (!$util.isObject(object.items[i]))
                            throw $TypeError(".order.v1.ReleaseInventory.items: object expected");
                        message.items[i] = $root.order.v1.OrderItem.fromObject(object.items[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a ReleaseInventory message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.ReleaseInventory
             * @static
             * @param {order.v1.ReleaseInventory} message ReleaseInventory
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReleaseInventory.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.items = [];
                if (options.defaults)
                    object.orderId = "";
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.items && message.items.length) {
                    object.items = $Array(message.items.length);
                    for (let j = 0; j < message.items.length; ++j)
                        object.items[j] = $root.order.v1.OrderItem.toObject(message.items[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this ReleaseInventory to JSON.
             * @function toJSON
             * @memberof order.v1.ReleaseInventory
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReleaseInventory.prototype.toJSON = function() {
                return ReleaseInventory.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ReleaseInventory;
        })();

        v1.ChargePayment = (function() {

            /**
             * Properties of a ChargePayment.
             * @typedef {Object} order.v1.ChargePayment.$Properties
             * @property {string|null} [orderId] ChargePayment orderId
             * @property {string|null} [customerId] ChargePayment customerId
             * @property {saga.v1.Money.$Properties|null} [amount] ChargePayment amount
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ChargePayment.
             * @memberof order.v1
             * @interface IChargePayment
             * @augments order.v1.ChargePayment.$Properties
             * @deprecated Use order.v1.ChargePayment.$Properties instead.
             */

            /**
             * Shape of a ChargePayment.
             * @typedef {order.v1.ChargePayment.$Properties} order.v1.ChargePayment.$Shape
             */

            /**
             * Constructs a new ChargePayment.
             * @memberof order.v1
             * @classdesc Represents a ChargePayment.
             * @constructor
             * @param {order.v1.ChargePayment.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ChargePayment = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ChargePayment orderId.
             * @member {string} orderId
             * @memberof order.v1.ChargePayment
             * @instance
             */
            ChargePayment.prototype.orderId = "";

            /**
             * ChargePayment customerId.
             * @member {string} customerId
             * @memberof order.v1.ChargePayment
             * @instance
             */
            ChargePayment.prototype.customerId = "";

            /**
             * ChargePayment amount.
             * @member {saga.v1.Money.$Properties|null|undefined} amount
             * @memberof order.v1.ChargePayment
             * @instance
             */
            ChargePayment.prototype.amount = null;

            /**
             * Creates a new ChargePayment instance using the specified properties.
             * @function create
             * @memberof order.v1.ChargePayment
             * @static
             * @param {order.v1.ChargePayment.$Properties=} [properties] Properties to set
             * @returns {order.v1.ChargePayment} ChargePayment instance
             * @type {{
             *   (properties: order.v1.ChargePayment.$Shape): order.v1.ChargePayment & order.v1.ChargePayment.$Shape;
             *   (properties?: order.v1.ChargePayment.$Properties): order.v1.ChargePayment;
             * }}
             */
            ChargePayment.create = function(properties) {
                return new ChargePayment(properties);
            };

            /**
             * Encodes the specified ChargePayment message. Does not implicitly {@link order.v1.ChargePayment.verify|verify} messages.
             * @function encode
             * @memberof order.v1.ChargePayment
             * @static
             * @param {order.v1.ChargePayment.$Properties} message ChargePayment message or plain object to encode
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
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
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
             * @memberof order.v1.ChargePayment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.ChargePayment & order.v1.ChargePayment.$Shape} ChargePayment
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
                message = _target || new $root.order.v1.ChargePayment();
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
                                message.orderId = value;
                            else
                                delete message.orderId;
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
             * @memberof order.v1.ChargePayment
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.ChargePayment} ChargePayment
             */
            ChargePayment.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.ChargePayment)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.ChargePayment: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.ChargePayment();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.customerId != null)
                    if (typeof object.customerId !== "string" || object.customerId.length)
                        message.customerId = $String(object.customerId);
                if (object.amount != null) {
                    if (!$util.isObject(object.amount))
                        throw $TypeError(".order.v1.ChargePayment.amount: object expected");
                    message.amount = $root.saga.v1.Money.fromObject(object.amount, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a ChargePayment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.ChargePayment
             * @static
             * @param {order.v1.ChargePayment} message ChargePayment
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
                    object.orderId = "";
                    object.customerId = "";
                    object.amount = null;
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId"))
                    object.customerId = message.customerId;
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    object.amount = $root.saga.v1.Money.toObject(message.amount, options, _depth + 1);
                return object;
            };

            /**
             * Converts this ChargePayment to JSON.
             * @function toJSON
             * @memberof order.v1.ChargePayment
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
             * @typedef {Object} order.v1.RefundPayment.$Properties
             * @property {string|null} [orderId] RefundPayment orderId
             * @property {string|null} [customerId] RefundPayment customerId
             * @property {saga.v1.Money.$Properties|null} [amount] RefundPayment amount
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RefundPayment.
             * @memberof order.v1
             * @interface IRefundPayment
             * @augments order.v1.RefundPayment.$Properties
             * @deprecated Use order.v1.RefundPayment.$Properties instead.
             */

            /**
             * Shape of a RefundPayment.
             * @typedef {order.v1.RefundPayment.$Properties} order.v1.RefundPayment.$Shape
             */

            /**
             * Constructs a new RefundPayment.
             * @memberof order.v1
             * @classdesc Represents a RefundPayment.
             * @constructor
             * @param {order.v1.RefundPayment.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RefundPayment = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RefundPayment orderId.
             * @member {string} orderId
             * @memberof order.v1.RefundPayment
             * @instance
             */
            RefundPayment.prototype.orderId = "";

            /**
             * RefundPayment customerId.
             * @member {string} customerId
             * @memberof order.v1.RefundPayment
             * @instance
             */
            RefundPayment.prototype.customerId = "";

            /**
             * RefundPayment amount.
             * @member {saga.v1.Money.$Properties|null|undefined} amount
             * @memberof order.v1.RefundPayment
             * @instance
             */
            RefundPayment.prototype.amount = null;

            /**
             * Creates a new RefundPayment instance using the specified properties.
             * @function create
             * @memberof order.v1.RefundPayment
             * @static
             * @param {order.v1.RefundPayment.$Properties=} [properties] Properties to set
             * @returns {order.v1.RefundPayment} RefundPayment instance
             * @type {{
             *   (properties: order.v1.RefundPayment.$Shape): order.v1.RefundPayment & order.v1.RefundPayment.$Shape;
             *   (properties?: order.v1.RefundPayment.$Properties): order.v1.RefundPayment;
             * }}
             */
            RefundPayment.create = function(properties) {
                return new RefundPayment(properties);
            };

            /**
             * Encodes the specified RefundPayment message. Does not implicitly {@link order.v1.RefundPayment.verify|verify} messages.
             * @function encode
             * @memberof order.v1.RefundPayment
             * @static
             * @param {order.v1.RefundPayment.$Properties} message RefundPayment message or plain object to encode
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
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
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
             * @memberof order.v1.RefundPayment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.RefundPayment & order.v1.RefundPayment.$Shape} RefundPayment
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
                message = _target || new $root.order.v1.RefundPayment();
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
                                message.orderId = value;
                            else
                                delete message.orderId;
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
             * @memberof order.v1.RefundPayment
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.RefundPayment} RefundPayment
             */
            RefundPayment.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.RefundPayment)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.RefundPayment: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.RefundPayment();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.customerId != null)
                    if (typeof object.customerId !== "string" || object.customerId.length)
                        message.customerId = $String(object.customerId);
                if (object.amount != null) {
                    if (!$util.isObject(object.amount))
                        throw $TypeError(".order.v1.RefundPayment.amount: object expected");
                    message.amount = $root.saga.v1.Money.fromObject(object.amount, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a RefundPayment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.RefundPayment
             * @static
             * @param {order.v1.RefundPayment} message RefundPayment
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
                    object.orderId = "";
                    object.customerId = "";
                    object.amount = null;
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId"))
                    object.customerId = message.customerId;
                if (message.amount != null && $Object.hasOwnProperty.call(message, "amount"))
                    object.amount = $root.saga.v1.Money.toObject(message.amount, options, _depth + 1);
                return object;
            };

            /**
             * Converts this RefundPayment to JSON.
             * @function toJSON
             * @memberof order.v1.RefundPayment
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RefundPayment.prototype.toJSON = function() {
                return RefundPayment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RefundPayment;
        })();

        v1.ScheduleShipment = (function() {

            /**
             * Properties of a ScheduleShipment.
             * @typedef {Object} order.v1.ScheduleShipment.$Properties
             * @property {string|null} [orderId] ScheduleShipment orderId
             * @property {order.v1.Address.$Properties|null} [address] ScheduleShipment address
             * @property {Array.<order.v1.OrderItem.$Properties>|null} [items] ScheduleShipment items
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ScheduleShipment.
             * @memberof order.v1
             * @interface IScheduleShipment
             * @augments order.v1.ScheduleShipment.$Properties
             * @deprecated Use order.v1.ScheduleShipment.$Properties instead.
             */

            /**
             * Shape of a ScheduleShipment.
             * @typedef {order.v1.ScheduleShipment.$Properties} order.v1.ScheduleShipment.$Shape
             */

            /**
             * Constructs a new ScheduleShipment.
             * @memberof order.v1
             * @classdesc Represents a ScheduleShipment.
             * @constructor
             * @param {order.v1.ScheduleShipment.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ScheduleShipment = function (properties) {
                this.items = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ScheduleShipment orderId.
             * @member {string} orderId
             * @memberof order.v1.ScheduleShipment
             * @instance
             */
            ScheduleShipment.prototype.orderId = "";

            /**
             * ScheduleShipment address.
             * @member {order.v1.Address.$Properties|null|undefined} address
             * @memberof order.v1.ScheduleShipment
             * @instance
             */
            ScheduleShipment.prototype.address = null;

            /**
             * ScheduleShipment items.
             * @member {Array.<order.v1.OrderItem.$Properties>} items
             * @memberof order.v1.ScheduleShipment
             * @instance
             */
            ScheduleShipment.prototype.items = $util.emptyArray;

            /**
             * Creates a new ScheduleShipment instance using the specified properties.
             * @function create
             * @memberof order.v1.ScheduleShipment
             * @static
             * @param {order.v1.ScheduleShipment.$Properties=} [properties] Properties to set
             * @returns {order.v1.ScheduleShipment} ScheduleShipment instance
             * @type {{
             *   (properties: order.v1.ScheduleShipment.$Shape): order.v1.ScheduleShipment & order.v1.ScheduleShipment.$Shape;
             *   (properties?: order.v1.ScheduleShipment.$Properties): order.v1.ScheduleShipment;
             * }}
             */
            ScheduleShipment.create = function(properties) {
                return new ScheduleShipment(properties);
            };

            /**
             * Encodes the specified ScheduleShipment message. Does not implicitly {@link order.v1.ScheduleShipment.verify|verify} messages.
             * @function encode
             * @memberof order.v1.ScheduleShipment
             * @static
             * @param {order.v1.ScheduleShipment.$Properties} message ScheduleShipment message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ScheduleShipment.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    $root.order.v1.Address.encode(message.address, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.items != null && message.items.length)
                    for (let i = 0; i < message.items.length; ++i)
                        $root.order.v1.OrderItem.encode(message.items[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ScheduleShipment message from the specified reader or buffer.
             * @function decode
             * @memberof order.v1.ScheduleShipment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.ScheduleShipment & order.v1.ScheduleShipment.$Shape} ScheduleShipment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ScheduleShipment.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.order.v1.ScheduleShipment();
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
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.address = $root.order.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1, message.address);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.items && message.items.length))
                                message.items = [];
                            message.items.push($root.order.v1.OrderItem.decode(reader, reader.size(), $undefined, _depth + 1));
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
             * Creates a ScheduleShipment message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof order.v1.ScheduleShipment
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.ScheduleShipment} ScheduleShipment
             */
            ScheduleShipment.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.ScheduleShipment)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.ScheduleShipment: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.ScheduleShipment();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.address != null) {
                    if (!$util.isObject(object.address))
                        throw $TypeError(".order.v1.ScheduleShipment.address: object expected");
                    message.address = $root.order.v1.Address.fromObject(object.address, _depth + 1);
                }
                if (object.items) {
                    if (!$Array.isArray(object.items))
                        throw $TypeError(".order.v1.ScheduleShipment.items: array expected");
                    message.items = $Array(object.items.length);
                    for (let i = 0; i < object.items.length; ++i) {
                        if (!$util.isObject(object.items[i]))
                            throw $TypeError(".order.v1.ScheduleShipment.items: object expected");
                        message.items[i] = $root.order.v1.OrderItem.fromObject(object.items[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a ScheduleShipment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.ScheduleShipment
             * @static
             * @param {order.v1.ScheduleShipment} message ScheduleShipment
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ScheduleShipment.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.items = [];
                if (options.defaults) {
                    object.orderId = "";
                    object.address = null;
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    object.address = $root.order.v1.Address.toObject(message.address, options, _depth + 1);
                if (message.items && message.items.length) {
                    object.items = $Array(message.items.length);
                    for (let j = 0; j < message.items.length; ++j)
                        object.items[j] = $root.order.v1.OrderItem.toObject(message.items[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this ScheduleShipment to JSON.
             * @function toJSON
             * @memberof order.v1.ScheduleShipment
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ScheduleShipment.prototype.toJSON = function() {
                return ScheduleShipment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ScheduleShipment;
        })();

        v1.CancelShipment = (function() {

            /**
             * Properties of a CancelShipment.
             * @typedef {Object} order.v1.CancelShipment.$Properties
             * @property {string|null} [orderId] CancelShipment orderId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CancelShipment.
             * @memberof order.v1
             * @interface ICancelShipment
             * @augments order.v1.CancelShipment.$Properties
             * @deprecated Use order.v1.CancelShipment.$Properties instead.
             */

            /**
             * Shape of a CancelShipment.
             * @typedef {order.v1.CancelShipment.$Properties} order.v1.CancelShipment.$Shape
             */

            /**
             * Constructs a new CancelShipment.
             * @memberof order.v1
             * @classdesc Represents a CancelShipment.
             * @constructor
             * @param {order.v1.CancelShipment.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CancelShipment = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CancelShipment orderId.
             * @member {string} orderId
             * @memberof order.v1.CancelShipment
             * @instance
             */
            CancelShipment.prototype.orderId = "";

            /**
             * Creates a new CancelShipment instance using the specified properties.
             * @function create
             * @memberof order.v1.CancelShipment
             * @static
             * @param {order.v1.CancelShipment.$Properties=} [properties] Properties to set
             * @returns {order.v1.CancelShipment} CancelShipment instance
             * @type {{
             *   (properties: order.v1.CancelShipment.$Shape): order.v1.CancelShipment & order.v1.CancelShipment.$Shape;
             *   (properties?: order.v1.CancelShipment.$Properties): order.v1.CancelShipment;
             * }}
             */
            CancelShipment.create = function(properties) {
                return new CancelShipment(properties);
            };

            /**
             * Encodes the specified CancelShipment message. Does not implicitly {@link order.v1.CancelShipment.verify|verify} messages.
             * @function encode
             * @memberof order.v1.CancelShipment
             * @static
             * @param {order.v1.CancelShipment.$Properties} message CancelShipment message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelShipment.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CancelShipment message from the specified reader or buffer.
             * @function decode
             * @memberof order.v1.CancelShipment
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.CancelShipment & order.v1.CancelShipment.$Shape} CancelShipment
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelShipment.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.order.v1.CancelShipment();
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
                                message.orderId = value;
                            else
                                delete message.orderId;
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
             * Creates a CancelShipment message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof order.v1.CancelShipment
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.CancelShipment} CancelShipment
             */
            CancelShipment.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.CancelShipment)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.CancelShipment: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.CancelShipment();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                return message;
            };

            /**
             * Creates a plain object from a CancelShipment message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.CancelShipment
             * @static
             * @param {order.v1.CancelShipment} message CancelShipment
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CancelShipment.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.orderId = "";
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                return object;
            };

            /**
             * Converts this CancelShipment to JSON.
             * @function toJSON
             * @memberof order.v1.CancelShipment
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CancelShipment.prototype.toJSON = function() {
                return CancelShipment.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CancelShipment;
        })();

        v1.OrderCreated = (function() {

            /**
             * Properties of an OrderCreated.
             * @typedef {Object} order.v1.OrderCreated.$Properties
             * @property {string|null} [orderId] OrderCreated orderId
             * @property {string|null} [sagaId] OrderCreated sagaId
             * @property {string|null} [customerId] OrderCreated customerId
             * @property {Array.<order.v1.OrderItem.$Properties>|null} [items] OrderCreated items
             * @property {saga.v1.Money.$Properties|null} [total] OrderCreated total
             * @property {order.v1.Address.$Properties|null} [shippingAddress] OrderCreated shippingAddress
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OrderCreated.
             * @memberof order.v1
             * @interface IOrderCreated
             * @augments order.v1.OrderCreated.$Properties
             * @deprecated Use order.v1.OrderCreated.$Properties instead.
             */

            /**
             * Shape of an OrderCreated.
             * @typedef {order.v1.OrderCreated.$Properties} order.v1.OrderCreated.$Shape
             */

            /**
             * Constructs a new OrderCreated.
             * @memberof order.v1
             * @classdesc Represents an OrderCreated.
             * @constructor
             * @param {order.v1.OrderCreated.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OrderCreated = function (properties) {
                this.items = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OrderCreated orderId.
             * @member {string} orderId
             * @memberof order.v1.OrderCreated
             * @instance
             */
            OrderCreated.prototype.orderId = "";

            /**
             * OrderCreated sagaId.
             * @member {string} sagaId
             * @memberof order.v1.OrderCreated
             * @instance
             */
            OrderCreated.prototype.sagaId = "";

            /**
             * OrderCreated customerId.
             * @member {string} customerId
             * @memberof order.v1.OrderCreated
             * @instance
             */
            OrderCreated.prototype.customerId = "";

            /**
             * OrderCreated items.
             * @member {Array.<order.v1.OrderItem.$Properties>} items
             * @memberof order.v1.OrderCreated
             * @instance
             */
            OrderCreated.prototype.items = $util.emptyArray;

            /**
             * OrderCreated total.
             * @member {saga.v1.Money.$Properties|null|undefined} total
             * @memberof order.v1.OrderCreated
             * @instance
             */
            OrderCreated.prototype.total = null;

            /**
             * OrderCreated shippingAddress.
             * @member {order.v1.Address.$Properties|null|undefined} shippingAddress
             * @memberof order.v1.OrderCreated
             * @instance
             */
            OrderCreated.prototype.shippingAddress = null;

            /**
             * Creates a new OrderCreated instance using the specified properties.
             * @function create
             * @memberof order.v1.OrderCreated
             * @static
             * @param {order.v1.OrderCreated.$Properties=} [properties] Properties to set
             * @returns {order.v1.OrderCreated} OrderCreated instance
             * @type {{
             *   (properties: order.v1.OrderCreated.$Shape): order.v1.OrderCreated & order.v1.OrderCreated.$Shape;
             *   (properties?: order.v1.OrderCreated.$Properties): order.v1.OrderCreated;
             * }}
             */
            OrderCreated.create = function(properties) {
                return new OrderCreated(properties);
            };

            /**
             * Encodes the specified OrderCreated message. Does not implicitly {@link order.v1.OrderCreated.verify|verify} messages.
             * @function encode
             * @memberof order.v1.OrderCreated
             * @static
             * @param {order.v1.OrderCreated.$Properties} message OrderCreated message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderCreated.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId") && message.sagaId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.sagaId);
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId") && message.customerId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.customerId);
                if (message.items != null && message.items.length)
                    for (let i = 0; i < message.items.length; ++i)
                        $root.order.v1.OrderItem.encode(message.items[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    $root.saga.v1.Money.encode(message.total, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.shippingAddress != null && $Object.hasOwnProperty.call(message, "shippingAddress"))
                    $root.order.v1.Address.encode(message.shippingAddress, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an OrderCreated message from the specified reader or buffer.
             * @function decode
             * @memberof order.v1.OrderCreated
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.OrderCreated & order.v1.OrderCreated.$Shape} OrderCreated
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderCreated.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.order.v1.OrderCreated();
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
                                message.orderId = value;
                            else
                                delete message.orderId;
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
                            if (!(message.items && message.items.length))
                                message.items = [];
                            message.items.push($root.order.v1.OrderItem.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.total = $root.saga.v1.Money.decode(reader, reader.size(), $undefined, _depth + 1, message.total);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.shippingAddress = $root.order.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1, message.shippingAddress);
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
             * Creates an OrderCreated message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof order.v1.OrderCreated
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.OrderCreated} OrderCreated
             */
            OrderCreated.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.OrderCreated)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.OrderCreated: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.OrderCreated();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.sagaId != null)
                    if (typeof object.sagaId !== "string" || object.sagaId.length)
                        message.sagaId = $String(object.sagaId);
                if (object.customerId != null)
                    if (typeof object.customerId !== "string" || object.customerId.length)
                        message.customerId = $String(object.customerId);
                if (object.items) {
                    if (!$Array.isArray(object.items))
                        throw $TypeError(".order.v1.OrderCreated.items: array expected");
                    message.items = $Array(object.items.length);
                    for (let i = 0; i < object.items.length; ++i) {
                        if (!$util.isObject(object.items[i]))
                            throw $TypeError(".order.v1.OrderCreated.items: object expected");
                        message.items[i] = $root.order.v1.OrderItem.fromObject(object.items[i], _depth + 1);
                    }
                }
                if (object.total != null) {
                    if (!$util.isObject(object.total))
                        throw $TypeError(".order.v1.OrderCreated.total: object expected");
                    message.total = $root.saga.v1.Money.fromObject(object.total, _depth + 1);
                }
                if (object.shippingAddress != null) {
                    if (!$util.isObject(object.shippingAddress))
                        throw $TypeError(".order.v1.OrderCreated.shippingAddress: object expected");
                    message.shippingAddress = $root.order.v1.Address.fromObject(object.shippingAddress, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an OrderCreated message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.OrderCreated
             * @static
             * @param {order.v1.OrderCreated} message OrderCreated
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OrderCreated.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.items = [];
                if (options.defaults) {
                    object.orderId = "";
                    object.sagaId = "";
                    object.customerId = "";
                    object.total = null;
                    object.shippingAddress = null;
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId"))
                    object.sagaId = message.sagaId;
                if (message.customerId != null && $Object.hasOwnProperty.call(message, "customerId"))
                    object.customerId = message.customerId;
                if (message.items && message.items.length) {
                    object.items = $Array(message.items.length);
                    for (let j = 0; j < message.items.length; ++j)
                        object.items[j] = $root.order.v1.OrderItem.toObject(message.items[j], options, _depth + 1);
                }
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    object.total = $root.saga.v1.Money.toObject(message.total, options, _depth + 1);
                if (message.shippingAddress != null && $Object.hasOwnProperty.call(message, "shippingAddress"))
                    object.shippingAddress = $root.order.v1.Address.toObject(message.shippingAddress, options, _depth + 1);
                return object;
            };

            /**
             * Converts this OrderCreated to JSON.
             * @function toJSON
             * @memberof order.v1.OrderCreated
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OrderCreated.prototype.toJSON = function() {
                return OrderCreated.toObject(this, $protobuf.util.toJSONOptions);
            };

            return OrderCreated;
        })();

        v1.OrderCompleted = (function() {

            /**
             * Properties of an OrderCompleted.
             * @typedef {Object} order.v1.OrderCompleted.$Properties
             * @property {string|null} [orderId] OrderCompleted orderId
             * @property {string|null} [sagaId] OrderCompleted sagaId
             * @property {saga.v1.Money.$Properties|null} [total] OrderCompleted total
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OrderCompleted.
             * @memberof order.v1
             * @interface IOrderCompleted
             * @augments order.v1.OrderCompleted.$Properties
             * @deprecated Use order.v1.OrderCompleted.$Properties instead.
             */

            /**
             * Shape of an OrderCompleted.
             * @typedef {order.v1.OrderCompleted.$Properties} order.v1.OrderCompleted.$Shape
             */

            /**
             * Constructs a new OrderCompleted.
             * @memberof order.v1
             * @classdesc Represents an OrderCompleted.
             * @constructor
             * @param {order.v1.OrderCompleted.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OrderCompleted = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OrderCompleted orderId.
             * @member {string} orderId
             * @memberof order.v1.OrderCompleted
             * @instance
             */
            OrderCompleted.prototype.orderId = "";

            /**
             * OrderCompleted sagaId.
             * @member {string} sagaId
             * @memberof order.v1.OrderCompleted
             * @instance
             */
            OrderCompleted.prototype.sagaId = "";

            /**
             * OrderCompleted total.
             * @member {saga.v1.Money.$Properties|null|undefined} total
             * @memberof order.v1.OrderCompleted
             * @instance
             */
            OrderCompleted.prototype.total = null;

            /**
             * Creates a new OrderCompleted instance using the specified properties.
             * @function create
             * @memberof order.v1.OrderCompleted
             * @static
             * @param {order.v1.OrderCompleted.$Properties=} [properties] Properties to set
             * @returns {order.v1.OrderCompleted} OrderCompleted instance
             * @type {{
             *   (properties: order.v1.OrderCompleted.$Shape): order.v1.OrderCompleted & order.v1.OrderCompleted.$Shape;
             *   (properties?: order.v1.OrderCompleted.$Properties): order.v1.OrderCompleted;
             * }}
             */
            OrderCompleted.create = function(properties) {
                return new OrderCompleted(properties);
            };

            /**
             * Encodes the specified OrderCompleted message. Does not implicitly {@link order.v1.OrderCompleted.verify|verify} messages.
             * @function encode
             * @memberof order.v1.OrderCompleted
             * @static
             * @param {order.v1.OrderCompleted.$Properties} message OrderCompleted message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderCompleted.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
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
             * Decodes an OrderCompleted message from the specified reader or buffer.
             * @function decode
             * @memberof order.v1.OrderCompleted
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.OrderCompleted & order.v1.OrderCompleted.$Shape} OrderCompleted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderCompleted.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.order.v1.OrderCompleted();
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
                                message.orderId = value;
                            else
                                delete message.orderId;
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
             * Creates an OrderCompleted message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof order.v1.OrderCompleted
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.OrderCompleted} OrderCompleted
             */
            OrderCompleted.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.OrderCompleted)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.OrderCompleted: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.OrderCompleted();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.sagaId != null)
                    if (typeof object.sagaId !== "string" || object.sagaId.length)
                        message.sagaId = $String(object.sagaId);
                if (object.total != null) {
                    if (!$util.isObject(object.total))
                        throw $TypeError(".order.v1.OrderCompleted.total: object expected");
                    message.total = $root.saga.v1.Money.fromObject(object.total, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an OrderCompleted message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.OrderCompleted
             * @static
             * @param {order.v1.OrderCompleted} message OrderCompleted
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OrderCompleted.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.orderId = "";
                    object.sagaId = "";
                    object.total = null;
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId"))
                    object.sagaId = message.sagaId;
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    object.total = $root.saga.v1.Money.toObject(message.total, options, _depth + 1);
                return object;
            };

            /**
             * Converts this OrderCompleted to JSON.
             * @function toJSON
             * @memberof order.v1.OrderCompleted
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OrderCompleted.prototype.toJSON = function() {
                return OrderCompleted.toObject(this, $protobuf.util.toJSONOptions);
            };

            return OrderCompleted;
        })();

        v1.OrderCancelled = (function() {

            /**
             * Properties of an OrderCancelled.
             * @typedef {Object} order.v1.OrderCancelled.$Properties
             * @property {string|null} [orderId] OrderCancelled orderId
             * @property {string|null} [sagaId] OrderCancelled sagaId
             * @property {string|null} [reasonCode] OrderCancelled reasonCode
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OrderCancelled.
             * @memberof order.v1
             * @interface IOrderCancelled
             * @augments order.v1.OrderCancelled.$Properties
             * @deprecated Use order.v1.OrderCancelled.$Properties instead.
             */

            /**
             * Shape of an OrderCancelled.
             * @typedef {order.v1.OrderCancelled.$Properties} order.v1.OrderCancelled.$Shape
             */

            /**
             * Constructs a new OrderCancelled.
             * @memberof order.v1
             * @classdesc Represents an OrderCancelled.
             * @constructor
             * @param {order.v1.OrderCancelled.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OrderCancelled = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OrderCancelled orderId.
             * @member {string} orderId
             * @memberof order.v1.OrderCancelled
             * @instance
             */
            OrderCancelled.prototype.orderId = "";

            /**
             * OrderCancelled sagaId.
             * @member {string} sagaId
             * @memberof order.v1.OrderCancelled
             * @instance
             */
            OrderCancelled.prototype.sagaId = "";

            /**
             * OrderCancelled reasonCode.
             * @member {string} reasonCode
             * @memberof order.v1.OrderCancelled
             * @instance
             */
            OrderCancelled.prototype.reasonCode = "";

            /**
             * Creates a new OrderCancelled instance using the specified properties.
             * @function create
             * @memberof order.v1.OrderCancelled
             * @static
             * @param {order.v1.OrderCancelled.$Properties=} [properties] Properties to set
             * @returns {order.v1.OrderCancelled} OrderCancelled instance
             * @type {{
             *   (properties: order.v1.OrderCancelled.$Shape): order.v1.OrderCancelled & order.v1.OrderCancelled.$Shape;
             *   (properties?: order.v1.OrderCancelled.$Properties): order.v1.OrderCancelled;
             * }}
             */
            OrderCancelled.create = function(properties) {
                return new OrderCancelled(properties);
            };

            /**
             * Encodes the specified OrderCancelled message. Does not implicitly {@link order.v1.OrderCancelled.verify|verify} messages.
             * @function encode
             * @memberof order.v1.OrderCancelled
             * @static
             * @param {order.v1.OrderCancelled.$Properties} message OrderCancelled message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderCancelled.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
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
             * Decodes an OrderCancelled message from the specified reader or buffer.
             * @function decode
             * @memberof order.v1.OrderCancelled
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {order.v1.OrderCancelled & order.v1.OrderCancelled.$Shape} OrderCancelled
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderCancelled.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.order.v1.OrderCancelled();
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
                                message.orderId = value;
                            else
                                delete message.orderId;
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
             * Creates an OrderCancelled message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof order.v1.OrderCancelled
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {order.v1.OrderCancelled} OrderCancelled
             */
            OrderCancelled.fromObject = function (object, _depth) {
                if (object instanceof $root.order.v1.OrderCancelled)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".order.v1.OrderCancelled: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.order.v1.OrderCancelled();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.sagaId != null)
                    if (typeof object.sagaId !== "string" || object.sagaId.length)
                        message.sagaId = $String(object.sagaId);
                if (object.reasonCode != null)
                    if (typeof object.reasonCode !== "string" || object.reasonCode.length)
                        message.reasonCode = $String(object.reasonCode);
                return message;
            };

            /**
             * Creates a plain object from an OrderCancelled message. Also converts values to other types if specified.
             * @function toObject
             * @memberof order.v1.OrderCancelled
             * @static
             * @param {order.v1.OrderCancelled} message OrderCancelled
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OrderCancelled.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.orderId = "";
                    object.sagaId = "";
                    object.reasonCode = "";
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId"))
                    object.sagaId = message.sagaId;
                if (message.reasonCode != null && $Object.hasOwnProperty.call(message, "reasonCode"))
                    object.reasonCode = message.reasonCode;
                return object;
            };

            /**
             * Converts this OrderCancelled to JSON.
             * @function toJSON
             * @memberof order.v1.OrderCancelled
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OrderCancelled.prototype.toJSON = function() {
                return OrderCancelled.toObject(this, $protobuf.util.toJSONOptions);
            };

            return OrderCancelled;
        })();

        return v1;
    })();

    return order;
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

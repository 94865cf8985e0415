/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $Array = $util.global.Array, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt;

// Exported root namespace
const $root = $protobuf.roots["saga_v1"] || ($protobuf.roots["saga_v1"] = {});

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

        v1.CommandEnvelope = (function() {

            /**
             * Properties of a CommandEnvelope.
             * @typedef {Object} saga.v1.CommandEnvelope.$Properties
             * @property {string|null} [sagaId] CommandEnvelope sagaId
             * @property {string|null} [commandId] CommandEnvelope commandId
             * @property {number|null} [attempt] CommandEnvelope attempt
             * @property {string|null} [sagaType] CommandEnvelope sagaType
             * @property {string|null} [replyTo] CommandEnvelope replyTo
             * @property {string|null} [commandType] CommandEnvelope commandType
             * @property {Uint8Array|null} [command] CommandEnvelope command
             * @property {string|null} [businessKey] CommandEnvelope businessKey
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CommandEnvelope.
             * @memberof saga.v1
             * @interface ICommandEnvelope
             * @augments saga.v1.CommandEnvelope.$Properties
             * @deprecated Use saga.v1.CommandEnvelope.$Properties instead.
             */

            /**
             * Shape of a CommandEnvelope.
             * @typedef {saga.v1.CommandEnvelope.$Properties} saga.v1.CommandEnvelope.$Shape
             */

            /**
             * Constructs a new CommandEnvelope.
             * @memberof saga.v1
             * @classdesc Represents a CommandEnvelope.
             * @constructor
             * @param {saga.v1.CommandEnvelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CommandEnvelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CommandEnvelope sagaId.
             * @member {string} sagaId
             * @memberof saga.v1.CommandEnvelope
             * @instance
             */
            CommandEnvelope.prototype.sagaId = "";

            /**
             * CommandEnvelope commandId.
             * @member {string} commandId
             * @memberof saga.v1.CommandEnvelope
             * @instance
             */
            CommandEnvelope.prototype.commandId = "";

            /**
             * CommandEnvelope attempt.
             * @member {number} attempt
             * @memberof saga.v1.CommandEnvelope
             * @instance
             */
            CommandEnvelope.prototype.attempt = 0;

            /**
             * CommandEnvelope sagaType.
             * @member {string} sagaType
             * @memberof saga.v1.CommandEnvelope
             * @instance
             */
            CommandEnvelope.prototype.sagaType = "";

            /**
             * CommandEnvelope replyTo.
             * @member {string} replyTo
             * @memberof saga.v1.CommandEnvelope
             * @instance
             */
            CommandEnvelope.prototype.replyTo = "";

            /**
             * CommandEnvelope commandType.
             * @member {string} commandType
             * @memberof saga.v1.CommandEnvelope
             * @instance
             */
            CommandEnvelope.prototype.commandType = "";

            /**
             * CommandEnvelope command.
             * @member {Uint8Array} command
             * @memberof saga.v1.CommandEnvelope
             * @instance
             */
            CommandEnvelope.prototype.command = $util.newBuffer([]);

            /**
             * CommandEnvelope businessKey.
             * @member {string} businessKey
             * @memberof saga.v1.CommandEnvelope
             * @instance
             */
            CommandEnvelope.prototype.businessKey = "";

            /**
             * Creates a new CommandEnvelope instance using the specified properties.
             * @function create
             * @memberof saga.v1.CommandEnvelope
             * @static
             * @param {saga.v1.CommandEnvelope.$Properties=} [properties] Properties to set
             * @returns {saga.v1.CommandEnvelope} CommandEnvelope instance
             * @type {{
             *   (properties: saga.v1.CommandEnvelope.$Shape): saga.v1.CommandEnvelope & saga.v1.CommandEnvelope.$Shape;
             *   (properties?: saga.v1.CommandEnvelope.$Properties): saga.v1.CommandEnvelope;
             * }}
             */
            CommandEnvelope.create = function(properties) {
                return new CommandEnvelope(properties);
            };

            /**
             * Encodes the specified CommandEnvelope message. Does not implicitly {@link saga.v1.CommandEnvelope.verify|verify} messages.
             * @function encode
             * @memberof saga.v1.CommandEnvelope
             * @static
             * @param {saga.v1.CommandEnvelope.$Properties} message CommandEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandEnvelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId") && message.sagaId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sagaId);
                if (message.commandId != null && $Object.hasOwnProperty.call(message, "commandId") && message.commandId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.commandId);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.attempt);
                if (message.sagaType != null && $Object.hasOwnProperty.call(message, "sagaType") && message.sagaType !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.sagaType);
                if (message.replyTo != null && $Object.hasOwnProperty.call(message, "replyTo") && message.replyTo !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.replyTo);
                if (message.commandType != null && $Object.hasOwnProperty.call(message, "commandType") && message.commandType !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.commandType);
                if (message.command != null && $Object.hasOwnProperty.call(message, "command") && message.command.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.command);
                if (message.businessKey != null && $Object.hasOwnProperty.call(message, "businessKey") && message.businessKey !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.businessKey);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a CommandEnvelope message from the specified reader or buffer.
             * @function decode
             * @memberof saga.v1.CommandEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {saga.v1.CommandEnvelope & saga.v1.CommandEnvelope.$Shape} CommandEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandEnvelope.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.saga.v1.CommandEnvelope();
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
                                message.sagaId = value;
                            else
                                delete message.sagaId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.commandId = value;
                            else
                                delete message.commandId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sagaType = value;
                            else
                                delete message.sagaType;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.replyTo = value;
                            else
                                delete message.replyTo;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.commandType = value;
                            else
                                delete message.commandType;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.command = value;
                            else
                                delete message.command;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.businessKey = value;
                            else
                                delete message.businessKey;
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
             * Creates a CommandEnvelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof saga.v1.CommandEnvelope
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {saga.v1.CommandEnvelope} CommandEnvelope
             */
            CommandEnvelope.fromObject = function (object, _depth) {
                if (object instanceof $root.saga.v1.CommandEnvelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".saga.v1.CommandEnvelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.saga.v1.CommandEnvelope();
                if (object.sagaId != null)
                    if (typeof object.sagaId !== "string" || object.sagaId.length)
                        message.sagaId = $String(object.sagaId);
                if (object.commandId != null)
                    if (typeof object.commandId !== "string" || object.commandId.length)
                        message.commandId = $String(object.commandId);
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.sagaType != null)
                    if (typeof object.sagaType !== "string" || object.sagaType.length)
                        message.sagaType = $String(object.sagaType);
                if (object.replyTo != null)
                    if (typeof object.replyTo !== "string" || object.replyTo.length)
                        message.replyTo = $String(object.replyTo);
                if (object.commandType != null)
                    if (typeof object.commandType !== "string" || object.commandType.length)
                        message.commandType = $String(object.commandType);
                if (object.command != null)
                    if (object.command.length)
                        if (typeof object.command === "string")
                            $util.base64.decode(object.command, message.command = $util.newBuffer($util.base64.length(object.command)), 0);
                        else if (object.command.length >= 0)
                            message.command = object.command;
                if (object.businessKey != null)
                    if (typeof object.businessKey !== "string" || object.businessKey.length)
                        message.businessKey = $String(object.businessKey);
                return message;
            };

            /**
             * Creates a plain object from a CommandEnvelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof saga.v1.CommandEnvelope
             * @static
             * @param {saga.v1.CommandEnvelope} message CommandEnvelope
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CommandEnvelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.sagaId = "";
                    object.commandId = "";
                    object.attempt = 0;
                    object.sagaType = "";
                    object.replyTo = "";
                    object.commandType = "";
                    if (options.bytes === $String)
                        object.command = "";
                    else {
                        object.command = [];
                        if (options.bytes !== $Array)
                            object.command = $util.newBuffer(object.command);
                    }
                    object.businessKey = "";
                }
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId"))
                    object.sagaId = message.sagaId;
                if (message.commandId != null && $Object.hasOwnProperty.call(message, "commandId"))
                    object.commandId = message.commandId;
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.sagaType != null && $Object.hasOwnProperty.call(message, "sagaType"))
                    object.sagaType = message.sagaType;
                if (message.replyTo != null && $Object.hasOwnProperty.call(message, "replyTo"))
                    object.replyTo = message.replyTo;
                if (message.commandType != null && $Object.hasOwnProperty.call(message, "commandType"))
                    object.commandType = message.commandType;
                if (message.command != null && $Object.hasOwnProperty.call(message, "command"))
                    object.command = options.bytes === $String ? $util.base64.encode(message.command, 0, message.command.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.command) : message.command;
                if (message.businessKey != null && $Object.hasOwnProperty.call(message, "businessKey"))
                    object.businessKey = message.businessKey;
                return object;
            };

            /**
             * Converts this CommandEnvelope to JSON.
             * @function toJSON
             * @memberof saga.v1.CommandEnvelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CommandEnvelope.prototype.toJSON = function() {
                return CommandEnvelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CommandEnvelope;
        })();

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

        /**
         * Outcome enum.
         * @name saga.v1.Outcome
         * @enum {number}
         * @property {number} OUTCOME_UNSPECIFIED=0 OUTCOME_UNSPECIFIED value
         * @property {number} OK=1 OK value
         * @property {number} REJECTED=2 REJECTED value
         * @property {number} FAILED=3 FAILED value
         */
        v1.Outcome = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "OUTCOME_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OK"] = 1;
            values[valuesById[2] = "REJECTED"] = 2;
            values[valuesById[3] = "FAILED"] = 3;
            return values;
        })();

        v1.Reply = (function() {

            /**
             * Properties of a Reply.
             * @typedef {Object} saga.v1.Reply.$Properties
             * @property {string|null} [sagaId] Reply sagaId
             * @property {string|null} [commandId] Reply commandId
             * @property {number|null} [attempt] Reply attempt
             * @property {saga.v1.Outcome|null} [outcome] Reply outcome
             * @property {string|null} [reasonCode] Reply reasonCode
             * @property {string|null} [detail] Reply detail
             * @property {string|null} [participant] Reply participant
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Reply.
             * @memberof saga.v1
             * @interface IReply
             * @augments saga.v1.Reply.$Properties
             * @deprecated Use saga.v1.Reply.$Properties instead.
             */

            /**
             * Shape of a Reply.
             * @typedef {saga.v1.Reply.$Properties} saga.v1.Reply.$Shape
             */

            /**
             * Constructs a new Reply.
             * @memberof saga.v1
             * @classdesc Represents a Reply.
             * @constructor
             * @param {saga.v1.Reply.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Reply = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Reply sagaId.
             * @member {string} sagaId
             * @memberof saga.v1.Reply
             * @instance
             */
            Reply.prototype.sagaId = "";

            /**
             * Reply commandId.
             * @member {string} commandId
             * @memberof saga.v1.Reply
             * @instance
             */
            Reply.prototype.commandId = "";

            /**
             * Reply attempt.
             * @member {number} attempt
             * @memberof saga.v1.Reply
             * @instance
             */
            Reply.prototype.attempt = 0;

            /**
             * Reply outcome.
             * @member {saga.v1.Outcome} outcome
             * @memberof saga.v1.Reply
             * @instance
             */
            Reply.prototype.outcome = 0;

            /**
             * Reply reasonCode.
             * @member {string} reasonCode
             * @memberof saga.v1.Reply
             * @instance
             */
            Reply.prototype.reasonCode = "";

            /**
             * Reply detail.
             * @member {string} detail
             * @memberof saga.v1.Reply
             * @instance
             */
            Reply.prototype.detail = "";

            /**
             * Reply participant.
             * @member {string} participant
             * @memberof saga.v1.Reply
             * @instance
             */
            Reply.prototype.participant = "";

            /**
             * Creates a new Reply instance using the specified properties.
             * @function create
             * @memberof saga.v1.Reply
             * @static
             * @param {saga.v1.Reply.$Properties=} [properties] Properties to set
             * @returns {saga.v1.Reply} Reply instance
             * @type {{
             *   (properties: saga.v1.Reply.$Shape): saga.v1.Reply & saga.v1.Reply.$Shape;
             *   (properties?: saga.v1.Reply.$Properties): saga.v1.Reply;
             * }}
             */
            Reply.create = function(properties) {
                return new Reply(properties);
            };

            /**
             * Encodes the specified Reply message. Does not implicitly {@link saga.v1.Reply.verify|verify} messages.
             * @function encode
             * @memberof saga.v1.Reply
             * @static
             * @param {saga.v1.Reply.$Properties} message Reply message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Reply.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId") && message.sagaId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.sagaId);
                if (message.commandId != null && $Object.hasOwnProperty.call(message, "commandId") && message.commandId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.commandId);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.attempt);
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome") && message.outcome !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.outcome);
                if (message.reasonCode != null && $Object.hasOwnProperty.call(message, "reasonCode") && message.reasonCode !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.reasonCode);
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.detail);
                if (message.participant != null && $Object.hasOwnProperty.call(message, "participant") && message.participant !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.participant);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Reply message from the specified reader or buffer.
             * @function decode
             * @memberof saga.v1.Reply
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {saga.v1.Reply & saga.v1.Reply.$Shape} Reply
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Reply.decode = function (reader, length, _end, _depth, _target) {
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
                message = _target || new $root.saga.v1.Reply();
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
                                message.sagaId = value;
                            else
                                delete message.sagaId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.commandId = value;
                            else
                                delete message.commandId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.outcome = value;
                            else
                                delete message.outcome;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reasonCode = value;
                            else
                                delete message.reasonCode;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.detail = value;
                            else
                                delete message.detail;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.participant = value;
                            else
                                delete message.participant;
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
             * Creates a Reply message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof saga.v1.Reply
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {saga.v1.Reply} Reply
             */
            Reply.fromObject = function (object, _depth) {
                if (object instanceof $root.saga.v1.Reply)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".saga.v1.Reply: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.saga.v1.Reply();
                if (object.sagaId != null)
                    if (typeof object.sagaId !== "string" || object.sagaId.length)
                        message.sagaId = $String(object.sagaId);
                if (object.commandId != null)
                    if (typeof object.commandId !== "string" || object.commandId.length)
                        message.commandId = $String(object.commandId);
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.outcome !== 0 && (typeof object.outcome !== "string" || $root.saga.v1.Outcome[object.outcome] !== 0))
                    switch (object.outcome) {
                    case "OUTCOME_UNSPECIFIED":
                    case 0:
                        message.outcome = 0;
                        break;
                    case "OK":
                    case 1:
                        message.outcome = 1;
                        break;
                    case "REJECTED":
                    case 2:
                        message.outcome = 2;
                        break;
                    case "FAILED":
                    case 3:
                        message.outcome = 3;
                        break;
                    default:
                        if (typeof object.outcome === "number" && (object.outcome | 0) === object.outcome)
                            message.outcome = object.outcome;
                    }
                if (object.reasonCode != null)
                    if (typeof object.reasonCode !== "string" || object.reasonCode.length)
                        message.reasonCode = $String(object.reasonCode);
                if (object.detail != null)
                    if (typeof object.detail !== "string" || object.detail.length)
                        message.detail = $String(object.detail);
                if (object.participant != null)
                    if (typeof object.participant !== "string" || object.participant.length)
                        message.participant = $String(object.participant);
                return message;
            };

            /**
             * Creates a plain object from a Reply message. Also converts values to other types if specified.
             * @function toObject
             * @memberof saga.v1.Reply
             * @static
             * @param {saga.v1.Reply} message Reply
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Reply.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.sagaId = "";
                    object.commandId = "";
                    object.attempt = 0;
                    object.outcome = options.enums === $String ? "OUTCOME_UNSPECIFIED" : 0;
                    object.reasonCode = "";
                    object.detail = "";
                    object.participant = "";
                }
                if (message.sagaId != null && $Object.hasOwnProperty.call(message, "sagaId"))
                    object.sagaId = message.sagaId;
                if (message.commandId != null && $Object.hasOwnProperty.call(message, "commandId"))
                    object.commandId = message.commandId;
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                    object.outcome = options.enums === $String ? $root.saga.v1.Outcome[message.outcome] === $undefined ? message.outcome : $root.saga.v1.Outcome[message.outcome] : message.outcome;
                if (message.reasonCode != null && $Object.hasOwnProperty.call(message, "reasonCode"))
                    object.reasonCode = message.reasonCode;
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                    object.detail = message.detail;
                if (message.participant != null && $Object.hasOwnProperty.call(message, "participant"))
                    object.participant = message.participant;
                return object;
            };

            /**
             * Converts this Reply to JSON.
             * @function toJSON
             * @memberof saga.v1.Reply
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Reply.prototype.toJSON = function() {
                return Reply.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Reply;
        })();

        return v1;
    })();

    return saga;
})();

export {
  $root as default
};

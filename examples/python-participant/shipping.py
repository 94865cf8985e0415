#!/usr/bin/env python3
"""The `shipping` saga participant, in Python 3 with the standard library only.

Written from docs/protocol.md and the .proto files alone (proto/saga/v1/*.proto,
proto/order/v1/order.proto), to check that the document is enough to build a participant in
another language. It contains:

* a minimal NATS client (text protocol over TCP: INFO/CONNECT with headers, PUB/HPUB, SUB,
  MSG/HMSG, PING/PONG, request/reply through an inbox below `_INBOX.shipping`, reconnect forever);
* just enough JetStream: API requests ($JS.API.*), a durable pull consumer (MSG.NEXT), acks
  (+ACK, +WPI, +TERM, -NAK with a delay) and publishes that wait for the stream's PubAck;
* a minimal protobuf wire codec (varint, length-delimited) for saga.v1.CommandEnvelope,
  saga.v1.Reply, order.v1.ScheduleShipment, order.v1.CancelShipment (Address, OrderItem);
* the shipping business rules (schedule, cancel, SHIPPING_UNAVAILABLE, tombstones,
  ALREADY_COMPENSATED) with the processed-commands record in SQLite (sqlite3 module).

Environment: NATS_URL (nats://[user:pass@]host:port, comma-separated for several servers),
NATS_USER / NATS_PASSWORD or NATS_TOKEN, DATABASE_PATH, SHIPPING_UNSERVED_COUNTRIES (comma-
separated ISO codes, default AQ), CHAOS_FAILURE_RATE (0..1), ACK_WAIT_MS (default 5000),
WORKER_POOL_SIZE (default 10), LOG_LEVEL (debug, info, warn, error; default info).
"""

from __future__ import annotations

import json
import os
import queue
import random
import re
import secrets
import signal
import socket
import sqlite3
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Callable, Optional

PARTICIPANT = 'shipping'
COMMANDS_STREAM = 'SAGA_COMMANDS'
REPLIES_STREAM = 'SAGA_REPLIES'
DLQ_STREAM = 'SAGA_DLQ'
INBOX_PREFIX = f'_INBOX.{PARTICIPANT}'
JS_STREAM_NOT_FOUND = 10059
JS_CONSUMER_NOT_FOUND = 10014
MAX_SAFE_INTEGER = 2**53 - 1

# --------------------------------------------------------------------------------------------
# Logging
# --------------------------------------------------------------------------------------------

_LEVELS = {'debug': 10, 'info': 20, 'warn': 30, 'error': 40, 'silent': 100}
_LOG_LEVEL = _LEVELS.get(os.environ.get('LOG_LEVEL', 'info').lower(), 20)
_log_lock = threading.Lock()


def log(level: str, msg: str, **fields: object) -> None:
    if _LEVELS[level] < _LOG_LEVEL:
        return
    line = json.dumps({'time': int(time.time() * 1000), 'level': level, 'participant': PARTICIPANT, 'msg': msg, **fields}, default=str)
    with _log_lock:
        sys.stderr.write(line + '\n')
        sys.stderr.flush()


# --------------------------------------------------------------------------------------------
# Protobuf wire format (proto3): just what the messages below need
# --------------------------------------------------------------------------------------------


class DecodeError(Exception):
    pass


def _read_varint(buf: bytes, pos: int) -> tuple[int, int]:
    result = 0
    shift = 0
    while True:
        if pos >= len(buf):
            raise DecodeError('truncated varint')
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7
        if shift >= 70:
            raise DecodeError('varint too long')


def _iter_fields(buf: bytes):
    """Yields (field number, wire type, value): int for varints, bytes otherwise."""
    pos = 0
    n = len(buf)
    while pos < n:
        key, pos = _read_varint(buf, pos)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise DecodeError('field number 0')
        if wire == 0:
            value, pos = _read_varint(buf, pos)
        elif wire == 1:
            if pos + 8 > n:
                raise DecodeError('truncated fixed64')
            value, pos = buf[pos:pos + 8], pos + 8
        elif wire == 2:
            length, pos = _read_varint(buf, pos)
            if pos + length > n:
                raise DecodeError('truncated length-delimited field')
            value, pos = buf[pos:pos + length], pos + length
        elif wire == 5:
            if pos + 4 > n:
                raise DecodeError('truncated fixed32')
            value, pos = buf[pos:pos + 4], pos + 4
        else:
            # 3/4 are deprecated groups, 6/7 do not exist: none of our messages has them.
            raise DecodeError(f'unsupported wire type {wire}')
        yield number, wire, value


def _encode_varint(value: int) -> bytes:
    if value < 0:
        value += 1 << 64  # two's complement, as int64 / enum negatives are encoded
    out = bytearray()
    while True:
        b = value & 0x7F
        value >>= 7
        if value:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


# A schema: field number -> (name, kind, repeated). Kinds: 'string', 'bytes', 'uint32', 'int64',
# 'enum', or a nested schema (dict) for a message field.
Schema = dict

ADDRESS: Schema = {1: ('line1', 'string', False), 2: ('city', 'string', False), 3: ('postal_code', 'string', False), 4: ('country', 'string', False)}
ORDER_ITEM: Schema = {1: ('sku', 'string', False), 2: ('quantity', 'uint32', False), 3: ('unit_price_minor', 'int64', False)}
SCHEDULE_SHIPMENT: Schema = {1: ('order_id', 'string', False), 2: ('address', ADDRESS, False), 3: ('items', ORDER_ITEM, True)}
CANCEL_SHIPMENT: Schema = {1: ('order_id', 'string', False)}
COMMAND_ENVELOPE: Schema = {
    1: ('saga_id', 'string', False),
    2: ('command_id', 'string', False),
    3: ('attempt', 'uint32', False),
    4: ('saga_type', 'string', False),
    5: ('reply_to', 'string', False),
    6: ('command_type', 'string', False),
    7: ('command', 'bytes', False),
    8: ('business_key', 'string', False),
}
REPLY: Schema = {
    1: ('saga_id', 'string', False),
    2: ('command_id', 'string', False),
    3: ('attempt', 'uint32', False),
    4: ('outcome', 'enum', False),
    5: ('reason_code', 'string', False),
    6: ('detail', 'string', False),
    7: ('participant', 'string', False),
}

OUTCOME_OK, OUTCOME_REJECTED, OUTCOME_FAILED = 1, 2, 3
OUTCOME_NAMES = {OUTCOME_OK: 'OK', OUTCOME_REJECTED: 'REJECTED', OUTCOME_FAILED: 'FAILED'}
OUTCOME_BY_NAME = {v: k for k, v in OUTCOME_NAMES.items()}


def _default(kind) -> object:
    if isinstance(kind, dict):
        return None
    return {'string': '', 'bytes': b'', 'uint32': 0, 'int64': 0, 'enum': 0}[kind]


def decode(schema: Schema, buf: bytes) -> dict:
    """Decodes `buf` as the message `schema` describes; unknown fields are skipped (proto3)."""
    msg: dict = {}
    for _, (name, kind, repeated) in schema.items():
        msg[name] = [] if repeated else _default(kind)
    for number, wire, value in _iter_fields(bytes(buf)):
        spec = schema.get(number)
        if spec is None:
            continue
        name, kind, repeated = spec
        if isinstance(kind, dict):
            if wire != 2:
                raise DecodeError(f'{name}: wrong wire type')
            sub = decode(kind, value)
            if repeated:
                msg[name].append(sub)
            else:
                msg[name] = sub  # (proto merges repeated occurrences; last wins is enough here)
            continue
        if kind in ('string', 'bytes'):
            if wire != 2:
                raise DecodeError(f'{name}: wrong wire type')
            if kind == 'string':
                try:
                    v: object = value.decode('utf-8')
                except UnicodeDecodeError as err:
                    raise DecodeError(f'{name}: invalid UTF-8') from err
            else:
                v = bytes(value)
        else:
            if wire != 0:
                raise DecodeError(f'{name}: wrong wire type')
            if kind == 'uint32':
                v = value & 0xFFFFFFFF
            elif kind == 'int64':
                value &= (1 << 64) - 1
                v = value - (1 << 64) if value >= 1 << 63 else value
            else:  # enum: int32
                value &= 0xFFFFFFFF
                v = value - (1 << 32) if value >= 1 << 31 else value
        if repeated:
            msg[name].append(v)
        else:
            msg[name] = v
    return msg


def encode(schema: Schema, msg: dict) -> bytes:
    """Encodes `msg` (proto3: fields at their default value are left out)."""
    out = bytearray()
    for number, (name, kind, repeated) in sorted(schema.items()):
        values = msg.get(name)
        if values is None:
            continue
        for v in values if repeated else [values]:
            if isinstance(kind, dict):
                body = encode(kind, v)
                out += _encode_varint(number << 3 | 2) + _encode_varint(len(body)) + body
            elif kind in ('string', 'bytes'):
                body = v.encode('utf-8') if kind == 'string' else bytes(v)
                if not body and not repeated:
                    continue
                out += _encode_varint(number << 3 | 2) + _encode_varint(len(body)) + body
            else:
                if v == 0 and not repeated:
                    continue
                out += _encode_varint(number << 3) + _encode_varint(int(v))
    return bytes(out)


# --------------------------------------------------------------------------------------------
# A minimal NATS client
# --------------------------------------------------------------------------------------------


class NatsError(Exception):
    pass


class NoResponders(NatsError):
    pass


@dataclass
class Msg:
    subject: str
    sid: int
    reply: str
    data: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)
    status: int = 0
    description: str = ''

    def header(self, name: str) -> Optional[str]:
        low = name.lower()
        for k, v in self.headers:
            if k.lower() == low:
                return v
        return None


def _parse_headers(block: bytes) -> tuple[int, str, list[tuple[str, str]]]:
    text = block.decode('utf-8', errors='replace')
    lines = text.split('\r\n')
    first = lines[0]
    status, description = 0, ''
    if not first.startswith('NATS/1.0'):
        raise NatsError(f'bad header block: {first!r}')
    rest = first[len('NATS/1.0'):].strip()
    if rest:
        parts = rest.split(' ', 1)
        if parts[0].isdigit():
            status = int(parts[0])
            description = parts[1] if len(parts) > 1 else ''
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if not line:
            continue
        if ':' not in line:
            continue
        k, v = line.split(':', 1)
        headers.append((k.strip(), v.strip()))
    return status, description, headers


def _encode_headers(headers: list[tuple[str, str]]) -> bytes:
    out = 'NATS/1.0\r\n'
    for k, v in headers:
        v = str(v).replace('\r', ' ').replace('\n', ' ')
        out += f'{k}: {v}\r\n'
    return (out + '\r\n').encode('utf-8')


class NatsClient:
    """One NATS connection that reconnects forever; a background thread reads and dispatches."""

    def __init__(self, servers: list[str], name: str, inbox_prefix: str, user: str = '', password: str = '', token: str = ''):
        self.servers = servers
        self.name = name
        self.user, self.password, self.token = user, password, token
        self._inbox = f'{inbox_prefix}.{secrets.token_hex(8)}'
        self._sock: Optional[socket.socket] = None
        self._write_lock = threading.Lock()
        self._subs: dict[int, tuple[str, Callable[[Msg], None]]] = {}
        self._next_sid = 1
        self._connected = threading.Event()
        self._closed = False
        self._pongs: list[threading.Event] = []
        self._pong_lock = threading.Lock()
        self._requests: dict[str, list] = {}
        self._req_lock = threading.Lock()
        self._req_counter = 0
        self._thread: Optional[threading.Thread] = None
        self._server_index = 0
        # Request/reply: one wildcard subscription below the inbox, one token per request.
        self._mux_sid = self.subscribe(f'{self._inbox}.r.*', self._on_response)

    # ---- public API -------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def new_inbox(self) -> str:
        return f'{self._inbox}.{secrets.token_hex(6)}'

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name='nats-reader', daemon=True)
        self._thread.start()

    def wait_connected(self, timeout: Optional[float] = None) -> bool:
        return self._connected.wait(timeout)

    def subscribe(self, subject: str, callback: Callable[[Msg], None]) -> int:
        sid = self._next_sid
        self._next_sid += 1
        self._subs[sid] = (subject, callback)
        if self.connected:
            self._send(f'SUB {subject} {sid}\r\n'.encode())
        return sid

    def unsubscribe(self, sid: int) -> None:
        if self._subs.pop(sid, None) is not None and self.connected:
            try:
                self._send(f'UNSUB {sid}\r\n'.encode())
            except NatsError:
                pass

    def publish(self, subject: str, data: bytes = b'', reply: str = '', headers: Optional[list[tuple[str, str]]] = None) -> None:
        """Publishes now or raises: nothing is buffered while disconnected."""
        reply_part = f' {reply}' if reply else ''
        if headers:
            hdr = _encode_headers(headers)
            line = f'HPUB {subject}{reply_part} {len(hdr)} {len(hdr) + len(data)}\r\n'.encode()
            self._send(line + hdr + data + b'\r\n')
        else:
            line = f'PUB {subject}{reply_part} {len(data)}\r\n'.encode()
            self._send(line + data + b'\r\n')

    def request(self, subject: str, data: bytes = b'', timeout: float = 5.0, headers: Optional[list[tuple[str, str]]] = None) -> Msg:
        with self._req_lock:
            self._req_counter += 1
            token = str(self._req_counter)
            slot: list = [threading.Event(), None]
            self._requests[token] = slot
        try:
            self.publish(subject, data, reply=f'{self._inbox}.r.{token}', headers=headers)
            if not slot[0].wait(timeout):
                raise TimeoutError(f'request to {subject} timed out after {timeout} s')
            msg: Msg = slot[1]
            if msg.status == 503:
                raise NoResponders(f'no responders for {subject}')
            return msg
        finally:
            with self._req_lock:
                self._requests.pop(token, None)

    def flush(self, timeout: float = 5.0) -> bool:
        ev = threading.Event()
        with self._pong_lock:
            self._pongs.append(ev)
        try:
            self._send(b'PING\r\n')
        except NatsError:
            with self._pong_lock:
                if ev in self._pongs:
                    self._pongs.remove(ev)
            return False
        return ev.wait(timeout)

    def close(self) -> None:
        self._closed = True
        self._connected.clear()
        sock = self._sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                sock.close()
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=2)

    # ---- internals ---------------------------------------------------------------------------

    def _send(self, data: bytes) -> None:
        sock = self._sock
        if sock is None or not self.connected:
            raise NatsError('not connected')
        with self._write_lock:
            try:
                sock.sendall(data)
            except OSError as err:
                raise NatsError(f'write failed: {err}') from err

    def _on_response(self, msg: Msg) -> None:
        token = msg.subject.rsplit('.', 1)[-1]
        with self._req_lock:
            slot = self._requests.get(token)
        if slot is not None:
            slot[1] = msg
            slot[0].set()

    def _run(self) -> None:
        delay = 0.1
        while not self._closed:
            server = self.servers[self._server_index % len(self.servers)]
            self._server_index += 1
            try:
                reader = self._connect(server)
                delay = 0.1
                log('info', 'connected to NATS', server=server)
                self._read_loop(reader)
            except Exception as err:  # noqa: BLE001 - any failure means: reconnect
                if not self._closed:
                    log('warn', 'NATS connection lost or refused', server=server, error=str(err))
            finally:
                self._connected.clear()
                sock, self._sock = self._sock, None
                if sock is not None:
                    try:
                        sock.close()
                    except OSError:
                        pass
                with self._pong_lock:
                    pongs, self._pongs = self._pongs, []
                for ev in pongs:
                    ev.set()  # waiters see connected == False
            if self._closed:
                return
            time.sleep(delay)
            delay = min(delay * 2, 2.0)

    def _connect(self, server: str):
        url = urllib.parse.urlparse(server if '://' in server else f'nats://{server}')
        host, port = url.hostname or '127.0.0.1', url.port or 4222
        sock = socket.create_connection((host, port), timeout=5)
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = sock.makefile('rb', buffering=65536)
        line = reader.readline()
        if not line.startswith(b'INFO '):
            raise NatsError(f'expected INFO, got {line[:80]!r}')
        info = json.loads(line[5:])
        if not info.get('headers', False):
            raise NatsError('server does not support headers')
        if info.get('tls_required'):
            raise NatsError('server requires TLS, which this minimal client does not support')
        opts: dict = {
            'verbose': False, 'pedantic': False, 'headers': True, 'no_responders': True,
            'name': self.name, 'lang': 'python-stdlib', 'version': '0.1.0', 'protocol': 1,
        }
        user = urllib.parse.unquote(url.username) if url.username else self.user
        password = urllib.parse.unquote(url.password) if url.password else self.password
        if user and password:
            opts['user'], opts['pass'] = user, password
        elif user and not password:
            opts['auth_token'] = user
        elif self.token:
            opts['auth_token'] = self.token
        self._sock = sock
        with self._write_lock:
            sock.sendall(f'CONNECT {json.dumps(opts)}\r\nPING\r\n'.encode())
        # Wait for the PONG (or an -ERR: bad credentials) before saying we are connected.
        while True:
            line = reader.readline()
            if not line:
                raise NatsError('connection closed during handshake')
            if line.startswith(b'PONG'):
                break
            if line.startswith(b'-ERR'):
                raise NatsError(line.decode(errors='replace').strip())
            if line.startswith(b'PING'):
                with self._write_lock:
                    sock.sendall(b'PONG\r\n')
        subs = b''.join(f'SUB {subj} {sid}\r\n'.encode() for sid, (subj, _) in list(self._subs.items()))
        with self._write_lock:
            if subs:
                sock.sendall(subs)
        self._connected.set()
        return reader

    def _read_loop(self, reader) -> None:
        while not self._closed:
            line = reader.readline()
            if not line:
                raise NatsError('connection closed by server')
            if line.startswith(b'MSG '):
                parts = line[4:].split()
                if len(parts) == 4:
                    subject, sid, reply, size = parts
                else:
                    subject, sid, size = parts
                    reply = b''
                data = reader.read(int(size) + 2)[:-2]
                self._dispatch(Msg(subject.decode(), int(sid), reply.decode(), data))
            elif line.startswith(b'HMSG '):
                parts = line[5:].split()
                if len(parts) == 5:
                    subject, sid, reply, hsize, tsize = parts
                else:
                    subject, sid, hsize, tsize = parts
                    reply = b''
                raw = reader.read(int(tsize) + 2)[:-2]
                hlen = int(hsize)
                status, description, headers = _parse_headers(raw[:hlen])
                self._dispatch(Msg(subject.decode(), int(sid), reply.decode(), raw[hlen:], headers, status, description))
            elif line.startswith(b'PING'):
                self._send(b'PONG\r\n')
            elif line.startswith(b'PONG'):
                with self._pong_lock:
                    ev = self._pongs.pop(0) if self._pongs else None
                if ev:
                    ev.set()
            elif line.startswith(b'INFO '):
                pass  # cluster updates: ignored (no cluster support here)
            elif line.startswith(b'-ERR'):
                # e.g. 'Permissions Violation for Publish to ...': the connection stays up.
                log('warn', 'NATS server error', error=line.decode(errors='replace').strip())
            elif line.startswith(b'+OK'):
                pass

    def _dispatch(self, msg: Msg) -> None:
        sub = self._subs.get(msg.sid)
        if sub is None:
            return
        try:
            sub[1](msg)
        except Exception as err:  # noqa: BLE001 - a callback must not kill the reader
            log('error', 'subscription callback failed', subject=msg.subject, error=repr(err))


# --------------------------------------------------------------------------------------------
# JetStream (just what a participant needs)
# --------------------------------------------------------------------------------------------


class JsApiError(Exception):
    def __init__(self, code: int, err_code: int, description: str):
        super().__init__(f'{description} (code {code}, err_code {err_code})')
        self.code, self.err_code, self.description = code, err_code, description


def js_api(nc: NatsClient, subject: str, body: Optional[dict] = None, timeout: float = 5.0) -> dict:
    data = json.dumps(body).encode() if body is not None else b''
    msg = nc.request(subject, data, timeout=timeout)
    resp = json.loads(msg.data or b'{}')
    err = resp.get('error')
    if err:
        raise JsApiError(err.get('code', 0), err.get('err_code', 0), err.get('description', ''))
    return resp


def js_publish(nc: NatsClient, subject: str, data: bytes, headers: list[tuple[str, str]], timeout: float = 5.0) -> dict:
    """A JetStream publish: returns the PubAck, raises if the stream did not acknowledge it."""
    msg = nc.request(subject, data, timeout=timeout, headers=headers)
    if msg.status:
        raise NatsError(f'publish to {subject}: status {msg.status} {msg.description}')
    ack = json.loads(msg.data or b'{}')
    if ack.get('error'):
        e = ack['error']
        raise JsApiError(e.get('code', 0), e.get('err_code', 0), e.get('description', ''))
    if 'stream' not in ack:
        raise NatsError(f'publish to {subject}: not a PubAck: {msg.data[:200]!r}')
    return ack


def stream_sequence(ack_subject: str) -> Optional[int]:
    """The stream sequence of a delivery, from its $JS.ACK reply subject (v1 and v2 forms)."""
    tokens = ack_subject.split('.')
    if len(tokens) < 9 or tokens[0] != '$JS' or tokens[1] != 'ACK':
        return None
    try:
        return int(tokens[5]) if len(tokens) == 9 else int(tokens[7])
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Storage: processed-commands record and shipments (tombstones included)
# --------------------------------------------------------------------------------------------

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS processed_commands (
  command_id   TEXT PRIMARY KEY,
  saga_id      TEXT NOT NULL,
  kind         TEXT NOT NULL,
  outcome      TEXT NOT NULL CHECK (outcome IN ('OK', 'REJECTED')),
  reason_code  TEXT NOT NULL,
  detail       TEXT NOT NULL,
  processed_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS shipments (
  order_id     TEXT PRIMARY KEY,
  status       TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  line1        TEXT,
  city         TEXT,
  postal_code  TEXT,
  country      TEXT,
  items        TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;
"""


def open_database(path: str) -> sqlite3.Connection:
    if os.path.dirname(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=5.0)
    conn.execute('PRAGMA journal_mode = WAL')
    conn.execute('PRAGMA synchronous = FULL')  # durable before visible
    conn.execute('PRAGMA busy_timeout = 5000')
    conn.executescript(SCHEMA_SQL)
    return conn


@dataclass
class Answer:
    outcome: int
    reason_code: str = ''
    detail: str = ''


class Shipping:
    """The business rules, each run inside the caller's transaction."""

    def __init__(self, unserved: set[str]):
        self.unserved = unserved

    def schedule(self, db: sqlite3.Connection, cmd: dict) -> Answer:
        order_id = cmd['order_id']
        row = db.execute('SELECT status FROM shipments WHERE order_id = ?', (order_id,)).fetchone()
        if row is not None and row[0] == 'cancelled':
            return Answer(OUTCOME_REJECTED, 'ALREADY_COMPENSATED', f'shipment of order {order_id} was already cancelled')
        if row is not None:
            return Answer(OUTCOME_OK, '', f'shipment of order {order_id} already scheduled')
        address = cmd['address']
        country = address['country'].strip().upper()
        if country in self.unserved:
            return Answer(OUTCOME_REJECTED, 'SHIPPING_UNAVAILABLE', f'no shipping to country {country}')
        now = int(time.time() * 1000)
        items = json.dumps([{'sku': i['sku'], 'quantity': i['quantity']} for i in cmd['items']])
        db.execute(
            'INSERT INTO shipments (order_id, status, line1, city, postal_code, country, items, created_at, updated_at)'
            ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            (order_id, 'scheduled', address['line1'], address['city'], address['postal_code'], country, items, now, now),
        )
        return Answer(OUTCOME_OK, '', f'shipment of order {order_id} scheduled to {address["city"]}, {country}')

    def cancel(self, db: sqlite3.Connection, cmd: dict) -> Answer:
        order_id = cmd['order_id']
        now = int(time.time() * 1000)
        row = db.execute('SELECT status FROM shipments WHERE order_id = ?', (order_id,)).fetchone()
        if row is None:
            # Compensation before (or without) its original: done, and a tombstone refuses the late original.
            db.execute(
                "INSERT INTO shipments (order_id, status, created_at, updated_at) VALUES (?, 'cancelled', ?, ?)",
                (order_id, now, now),
            )
            return Answer(OUTCOME_OK, '', f'no shipment of order {order_id} to cancel; tombstone recorded')
        if row[0] == 'cancelled':
            return Answer(OUTCOME_OK, '', f'shipment of order {order_id} already cancelled')
        db.execute("UPDATE shipments SET status = 'cancelled', updated_at = ? WHERE order_id = ?", (now, order_id))
        return Answer(OUTCOME_OK, '', f'shipment of order {order_id} cancelled')


def validate_schedule(cmd: dict) -> Optional[str]:
    if not cmd['order_id']:
        return 'orderId: is missing'
    a = cmd['address']
    if a is None:
        return 'address: is missing'
    for key, label in (('line1', 'line1'), ('city', 'city'), ('postal_code', 'postalCode'), ('country', 'country')):
        if not a[key].strip():
            return f'address.{label}: is missing'
    if not cmd['items']:
        return 'items: is empty'
    for i, item in enumerate(cmd['items']):
        if not item['sku']:
            return f'items[{i}].sku: is missing'
        if item['quantity'] == 0:
            return f'items[{i}].quantity: must be at least 1'
        if item['unit_price_minor'] < 0 or item['unit_price_minor'] > MAX_SAFE_INTEGER:
            return f'items[{i}].unitPriceMinor: must be between 0 and 2^53 - 1'
    return None


def validate_cancel(cmd: dict) -> Optional[str]:
    return 'orderId: is missing' if not cmd['order_id'] else None


@dataclass
class Handler:
    kind: str
    schema: Schema
    validate: Callable[[dict], Optional[str]]
    run: Callable[[sqlite3.Connection, dict], Answer]


# --------------------------------------------------------------------------------------------
# The participant runtime
# --------------------------------------------------------------------------------------------

REPLY_TO_RE = re.compile(r'^saga\.reply\.[^.*>\s]+(\.[^.*>\s]+)*$')
CONTENT_TYPE_REPLY = 'application/x-protobuf; messageType=saga.v1.Reply'


class Participant:
    def __init__(self) -> None:
        servers = [s.strip() for s in os.environ.get('NATS_URL', 'nats://127.0.0.1:4222').split(',') if s.strip()]
        self.ack_wait_ms = int(os.environ.get('ACK_WAIT_MS', '5000'))
        self.pool_size = max(1, int(os.environ.get('WORKER_POOL_SIZE', '10')))
        self.chaos_rate = float(os.environ.get('CHAOS_FAILURE_RATE', '0') or 0)
        unserved = os.environ.get('SHIPPING_UNSERVED_COUNTRIES', 'AQ')
        self.domain = Shipping({c.strip().upper() for c in unserved.split(',') if c.strip()})
        self.db_path = os.environ.get('DATABASE_PATH', 'data/shipping.db')
        self.db = open_database(self.db_path)
        self.db_lock = threading.Lock()  # SQLite has one writer; this also serializes per command id
        self.handlers = {
            'order.v1.ScheduleShipment': Handler('scheduleShipment', SCHEDULE_SHIPMENT, validate_schedule, self.domain.schedule),
            'order.v1.CancelShipment': Handler('cancelShipment', CANCEL_SHIPMENT, validate_cancel, self.domain.cancel),
        }
        self.nc = NatsClient(
            servers, PARTICIPANT, INBOX_PREFIX,
            user=os.environ.get('NATS_USER', ''), password=os.environ.get('NATS_PASSWORD', ''), token=os.environ.get('NATS_TOKEN', ''),
        )
        self.work: queue.Queue = queue.Queue()
        self.cond = threading.Condition()
        self.in_flight: dict[int, list] = {}  # id -> [ack subject, last progress time]
        self.in_flight_seq = 0
        self.stopping = threading.Event()  # stop pulling, nak what was not started
        self.presence_on = threading.Event()
        self.shutdown_requested = threading.Event()
        self.pull_subject_prefix = ''
        self.pull_state: dict = {}
        self.threads: list[threading.Thread] = []

    # ---- start-up ------------------------------------------------------------------------------

    def start(self) -> None:
        log('info', 'starting', database=self.db_path, ack_wait_ms=self.ack_wait_ms, pool=self.pool_size,
            chaos=self.chaos_rate, unserved=sorted(self.domain.unserved))
        self.nc.start()
        while not self.nc.wait_connected(1.0):
            if self.shutdown_requested.is_set():
                raise SystemExit(0)
            log('info', 'waiting for NATS')
        self.wait_for_streams()
        while True:
            try:
                self.ensure_consumer()
                break
            except (TimeoutError, NatsError) as err:  # JetStream slow or a reconnect: try again
                log('warn', 'could not create the consumer yet', error=str(err))
                if self.shutdown_requested.is_set():
                    raise SystemExit(0)
                time.sleep(0.5)
        # Pulled messages arrive on this subscription (one subject per pull request).
        self.pull_subject_prefix = f'{self.nc.new_inbox()}.pull'
        self.nc.subscribe(f'{self.pull_subject_prefix}.*', self.on_pulled)
        for i in range(self.pool_size):
            self._spawn(self.worker, f'worker-{i}')
        self._spawn(self.progress_loop, 'in-progress')
        self._spawn(self.pull_loop, 'pull')
        self._spawn(self.presence_loop, 'presence')

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        t = threading.Thread(target=target, name=name, daemon=True)
        t.start()
        self.threads.append(t)

    def wait_for_streams(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        for name in (COMMANDS_STREAM, REPLIES_STREAM, DLQ_STREAM):
            while True:
                try:
                    js_api(self.nc, f'$JS.API.STREAM.INFO.{name}')
                    break
                except JsApiError as err:
                    if err.err_code != JS_STREAM_NOT_FOUND:
                        raise
                except (TimeoutError, NatsError):
                    pass  # JetStream not answering yet, or disconnected: keep waiting
                if time.monotonic() > deadline:
                    raise RuntimeError(f'stream {name} does not exist after {timeout} s')
                if self.shutdown_requested.is_set():
                    raise SystemExit(0)
                time.sleep(0.25)

    def ensure_consumer(self) -> None:
        create_subject = f'$JS.API.CONSUMER.CREATE.{COMMANDS_STREAM}.{PARTICIPANT}.saga.cmd.{PARTICIPANT}.>'
        wanted = {
            'ack_wait': self.ack_wait_ms * 1_000_000,
            'max_ack_pending': self.pool_size,
            'max_deliver': -1,
        }
        try:
            info = js_api(self.nc, f'$JS.API.CONSUMER.INFO.{COMMANDS_STREAM}.{PARTICIPANT}')
        except JsApiError as err:
            if err.err_code != JS_CONSUMER_NOT_FOUND:
                raise
            config = {
                'durable_name': PARTICIPANT,
                'filter_subject': f'saga.cmd.{PARTICIPANT}.>',
                'ack_policy': 'explicit',
                'deliver_policy': 'all',
                **wanted,
            }
            js_api(self.nc, create_subject, {'stream_name': COMMANDS_STREAM, 'config': config, 'action': 'create', 'pedantic': False})
            log('info', 'consumer created', config=config)
            return
        config = {**info['config'], **wanted}
        js_api(self.nc, create_subject, {'stream_name': COMMANDS_STREAM, 'config': config, 'action': 'update', 'pedantic': False})
        log('info', 'consumer updated', ack_wait_ms=self.ack_wait_ms, max_ack_pending=self.pool_size)

    # ---- pulling ---------------------------------------------------------------------------------

    def busy(self) -> int:
        with self.cond:
            return len(self.in_flight) + self.work.qsize()

    def pull_loop(self) -> None:
        n = 0
        expires_s = 2.0
        while not self.stopping.is_set():
            free = self.pool_size - self.busy()
            if free <= 0 or not self.nc.connected:
                with self.cond:
                    self.cond.wait(0.1)
                continue
            n += 1
            subject = f'{self.pull_subject_prefix}.{n}'
            state = {'subject': subject, 'batch': free, 'received': 0, 'done': False}
            with self.cond:
                self.pull_state = state
            try:
                self.nc.publish(
                    f'$JS.API.CONSUMER.MSG.NEXT.{COMMANDS_STREAM}.{PARTICIPANT}',
                    json.dumps({'batch': free, 'expires': int(expires_s * 1e9)}).encode(),
                    reply=subject,
                )
            except NatsError:
                time.sleep(0.1)
                continue
            if not self.presence_on.is_set() and not self.stopping.is_set():
                self.presence_on.set()  # the first announcement once the consumer is pulling
                self.announce()
            deadline = time.monotonic() + expires_s + 1.0
            with self.cond:
                while not state['done'] and state['received'] < state['batch'] and not self.stopping.is_set():
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    self.cond.wait(min(left, 0.25))
            if state.get('status') in (503, 409) and not self.stopping.is_set():
                # No consumer to answer the pull (503), or it was deleted (409): make it again.
                log('warn', 'pull refused: ensuring the consumer again', status=state.get('status'))
                try:
                    self.ensure_consumer()
                except (TimeoutError, NatsError, JsApiError) as err:
                    log('warn', 'could not ensure the consumer', error=str(err))
                time.sleep(0.5)

    def on_pulled(self, msg: Msg) -> None:
        """Runs in the reader thread: status messages end a pull; commands go to the workers."""
        if msg.status:
            if msg.status == 100:
                return  # idle heartbeat
            with self.cond:
                if self.pull_state.get('subject') == msg.subject:
                    self.pull_state['done'] = True
                    self.pull_state['status'] = msg.status
                self.cond.notify_all()
            if msg.status not in (404, 408):
                log('debug', 'pull ended', status=msg.status, description=msg.description)
            return
        if not msg.reply.startswith('$JS.ACK.'):
            return
        if self.stopping.is_set():
            self.nak(msg, 0)  # pulled but not started: back to the stream now
            return
        with self.cond:
            self.pull_state['received'] = self.pull_state.get('received', 0) + 1
            self.work.put(msg)
            self.cond.notify_all()

    # ---- presence --------------------------------------------------------------------------------

    def announce(self) -> None:
        if self.presence_on.is_set() and self.nc.connected:
            try:
                self.nc.publish(f'saga.presence.{PARTICIPANT}', b'')
            except NatsError:
                pass

    def presence_loop(self) -> None:
        while not self.stopping.is_set():
            self.announce()
            # 1 s between announcements; wakes early on shutdown (the flag is checked first there).
            if self.shutdown_requested.wait(1.0):
                return

    # ---- acks ------------------------------------------------------------------------------------

    def _ack(self, msg: Msg, body: bytes) -> None:
        try:
            self.nc.publish(msg.reply, body)
        except NatsError as err:
            log('warn', 'ack not sent (it will be redelivered)', ack=body.decode(), error=str(err))

    def ack(self, msg: Msg) -> None:
        self._ack(msg, b'+ACK')

    def nak(self, msg: Msg, delay_ms: int) -> None:
        self._ack(msg, b'-NAK' if delay_ms <= 0 else f'-NAK {json.dumps({"delay": delay_ms * 1_000_000})}'.encode())

    def term(self, msg: Msg) -> None:
        self._ack(msg, b'+TERM')  # without a reason: nats-server < 2.11 ignores +TERM <reason>

    def progress_loop(self) -> None:
        """+WPI every third of the ack wait for each command still being handled."""
        period = self.ack_wait_ms / 3000.0
        while True:
            now = time.monotonic()
            with self.cond:
                due = [entry for entry in self.in_flight.values() if now - entry[1] >= period]
                for entry in due:
                    entry[1] = now
            for entry in due:
                try:
                    self.nc.publish(entry[0], b'+WPI')
                except NatsError:
                    pass
            if self.shutdown_requested.is_set() and not self.in_flight and self.stopping.is_set() and self.work.empty():
                return
            time.sleep(min(0.1, period / 4))

    # ---- workers ---------------------------------------------------------------------------------

    def worker(self) -> None:
        while True:
            msg = self.work.get()
            if msg is None:
                return
            if self.stopping.is_set():
                self.nak(msg, 0)
                continue
            with self.cond:
                self.in_flight_seq += 1
                key = self.in_flight_seq
                self.in_flight[key] = [msg.reply, time.monotonic()]
            try:
                self.handle(msg)
            except Exception as err:  # noqa: BLE001 - a bug: no reply, nothing stored, nak 5 s
                log('error', 'handler bug: nak with 5 s delay', subject=msg.subject, error=repr(err))
                self.nak(msg, 5000)
            finally:
                with self.cond:
                    self.in_flight.pop(key, None)
                    self.cond.notify_all()

    def handle(self, msg: Msg) -> None:
        # 1. Decode the envelope.
        try:
            env = decode(COMMAND_ENVELOPE, msg.data)
        except DecodeError:
            return self.dead_letter(msg, 'UNDECODABLE_MESSAGE: saga.v1.CommandEnvelope: not a valid protobuf message')
        for key, label in (('saga_id', 'sagaId'), ('command_id', 'commandId'), ('saga_type', 'sagaType'), ('reply_to', 'replyTo')):
            if not env[key]:
                return self.dead_letter(msg, f'MALFORMED_MESSAGE: saga.v1.CommandEnvelope: {label} is missing')
        if not env['command_type']:
            return self.dead_letter(msg, 'MALFORMED_MESSAGE: saga.v1.CommandEnvelope: commandType (no command in envelope) is missing')
        # 2. Find the handler, decode the command.
        handler = self.handlers.get(env['command_type'])
        if handler is None:
            return self.dead_letter(msg, f'UNSUPPORTED_COMMAND: {PARTICIPANT} does not handle {env["command_type"]}')
        try:
            cmd = decode(handler.schema, env['command'])
        except DecodeError:
            return self.dead_letter(msg, f'UNDECODABLE_MESSAGE: {env["command_type"]}: not a valid protobuf message')
        problem = handler.validate(cmd)
        if problem:
            return self.dead_letter(msg, f'MALFORMED_MESSAGE: {env["command_type"]}: {problem}')
        # 3. Check reply_to, strictly: saga.reply.<saga-type>.shipping.
        reply_to = env['reply_to']
        tokens = reply_to.split('.')
        if not REPLY_TO_RE.match(reply_to) or len(tokens) != 4 or tokens[3] != PARTICIPANT:
            return self.dead_letter(msg, f'INVALID_REPLY_TO: "{reply_to}" is not a saga.reply.<saga-type> subject')
        attempt = env['attempt'] or 1
        # 4. Answer once.
        answer = self.answer_once(env, handler, cmd)
        log('debug', 'answered', command_id=env['command_id'], attempt=attempt,
            outcome=OUTCOME_NAMES[answer.outcome], reason=answer.reason_code)
        # 5. Publish the reply; 6. ack only now (nak 2 s if the reply could not be published).
        if self.publish_reply(msg, env, attempt, answer):
            self.ack(msg)
        else:
            self.nak(msg, 2000)

    def answer_once(self, env: dict, handler: Handler, cmd: dict) -> Answer:
        if self.chaos_rate > 0 and random.random() < self.chaos_rate:
            return Answer(OUTCOME_FAILED, 'TRANSIENT', 'injected transient failure (CHAOS_FAILURE_RATE)')
        with self.db_lock:
            db = self.db
            try:
                db.execute('BEGIN IMMEDIATE')
                try:
                    row = db.execute('SELECT outcome, reason_code, detail FROM processed_commands WHERE command_id = ?',
                                     (env['command_id'],)).fetchone()
                    if row is not None:
                        db.execute('ROLLBACK')
                        return Answer(OUTCOME_BY_NAME[row[0]], row[1], row[2])
                    answer = handler.run(db, cmd)
                    if answer.outcome in (OUTCOME_OK, OUTCOME_REJECTED):
                        db.execute(
                            'INSERT INTO processed_commands (command_id, saga_id, kind, outcome, reason_code, detail, processed_at)'
                            ' VALUES (?, ?, ?, ?, ?, ?, ?)',
                            (env['command_id'], env['saga_id'], handler.kind, OUTCOME_NAMES[answer.outcome],
                             answer.reason_code, answer.detail, int(time.time() * 1000)),
                        )
                        db.execute('COMMIT')
                    else:
                        db.execute('ROLLBACK')  # FAILED: nothing done, nothing stored
                    return answer
                except BaseException:
                    if db.in_transaction:
                        db.execute('ROLLBACK')
                    raise
            except sqlite3.OperationalError as err:
                text = str(err)
                code = 'STORAGE_BUSY' if 'locked' in text or 'busy' in text else 'STORAGE_UNAVAILABLE'
                return Answer(OUTCOME_FAILED, code, text)

    def publish_reply(self, msg: Msg, env: dict, attempt: int, answer: Answer) -> bool:
        body = encode(REPLY, {
            'saga_id': env['saga_id'],
            'command_id': env['command_id'],
            'attempt': attempt,
            'outcome': answer.outcome,
            'reason_code': answer.reason_code,
            'detail': answer.detail,
            'participant': PARTICIPANT,
        })
        headers = [
            ('Nats-Msg-Id', f'reply:{env["command_id"]}:{attempt}'),
            ('Saga-Id', env['saga_id']),
            ('Command-Id', env['command_id']),
            ('Content-Type', CONTENT_TYPE_REPLY),
        ]
        # No tracing here: the command's trace context goes on unchanged.
        for name in ('traceparent', 'tracestate'):
            value = msg.header(name)
            if value:
                headers.append((name, value))
        for attempt_no in range(3):
            try:
                js_publish(self.nc, env['reply_to'], body, headers, timeout=5.0)
                return True
            except (TimeoutError, NatsError, JsApiError, ValueError) as err:
                log('warn', 'reply publish failed', reply_to=env['reply_to'], try_no=attempt_no + 1, error=str(err))
                if isinstance(err, (NatsError, JsApiError)) and not isinstance(err, TimeoutError):
                    time.sleep(0.2)
        return False

    def dead_letter(self, msg: Msg, reason: str) -> None:
        seq = stream_sequence(msg.reply)
        headers = [(k, v) for k, v in msg.headers if k.lower() != 'nats-msg-id']
        headers += [
            ('Dead-Letter-Reason', reason),
            ('Dead-Letter-Subject', msg.subject),
            ('Nats-Msg-Id', f'dlq:{PARTICIPANT}:{COMMANDS_STREAM}:{seq}'),
        ]
        for try_no in range(5):
            try:
                js_publish(self.nc, f'saga.dlq.{PARTICIPANT}', msg.data, headers, timeout=5.0)
                log('warn', 'dead-lettered', subject=msg.subject, stream_seq=seq, reason=reason)
                self.term(msg)
                return
            except (TimeoutError, NatsError, JsApiError, ValueError) as err:
                log('warn', 'dead-letter publish failed', try_no=try_no + 1, error=str(err))
                time.sleep(0.2)
        self.nak(msg, 5000)

    # ---- shutdown ----------------------------------------------------------------------------------

    def shutdown(self) -> None:
        log('info', 'shutting down')
        # 1. (no HTTP server) 2. stop announcing presence first.
        self.presence_on.clear()
        # 3. stop pulling; nak at once what was pulled but not started.
        self.stopping.set()
        with self.cond:
            self.cond.notify_all()
        while True:
            try:
                msg = self.work.get_nowait()
            except queue.Empty:
                break
            if msg is not None:
                self.nak(msg, 0)
        # 4. finish the commands in flight (each publishes its reply and acks).
        for _ in range(self.pool_size):
            self.work.put(None)
        for t in self.threads:
            if t.name.startswith('worker-'):
                t.join(timeout=30)
        # 5. flush so the last acks reach the server, then close.
        self.nc.flush(timeout=2.0)
        self.nc.close()
        # 6. close the database.
        with self.db_lock:
            self.db.close()
        log('info', 'stopped')


def main() -> int:
    participant = Participant()

    def on_signal(signum, _frame):
        participant.shutdown_requested.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        participant.start()
    except SystemExit:
        participant.nc.close()
        return 0
    while not participant.shutdown_requested.wait(0.5):
        pass
    participant.shutdown()
    return 0


if __name__ == '__main__':
    sys.exit(main())

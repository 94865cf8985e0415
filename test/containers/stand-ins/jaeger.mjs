// Stand-in for jaegertracing/all-in-one in the container checks (no image registry here): it takes
// OTLP/HTTP trace exports on :4318 and answers Jaeger's query API question "which services sent
// spans" on :16686 (GET /api/services), which is all the checks ask of the real one.
// Dependency-free: it walks the protobuf wire format of ExportTraceServiceRequest by hand.
import { createServer } from 'node:http';

const services = new Map(); // service.name -> spans received

/** Yields [field number, wire type, value] of one protobuf message (value: bytes for length-delimited, number otherwise). */
function* fields(buf) {
  let i = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  while (i < buf.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) yield [field, wire, varint()];
    else if (wire === 2) {
      const len = varint();
      yield [field, wire, buf.subarray(i, i + len)];
      i += len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error(`wire type ${wire}`);
  }
}

const sub = (buf, n) => [...fields(buf)].filter(([f, w]) => f === n && w === 2).map(([, , v]) => v);

function record(body) {
  for (const resourceSpans of sub(body, 1)) {
    let name = 'unknown';
    for (const resource of sub(resourceSpans, 1)) {
      for (const kv of sub(resource, 1)) {
        const key = sub(kv, 1)[0]?.toString();
        const value = sub(kv, 2)[0];
        if (key === 'service.name' && value) name = sub(value, 1)[0]?.toString() ?? name;
      }
    }
    const spans = sub(resourceSpans, 2).reduce((n, scope) => n + sub(scope, 2).length, 0);
    services.set(name, (services.get(name) ?? 0) + spans);
  }
}

createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/v1/traces') {
      try {
        record(Buffer.concat(chunks));
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      } catch (err) {
        res.writeHead(400).end(String(err));
      }
      return;
    }
    res.writeHead(404).end();
  });
}).listen(4318);

createServer((req, res) => {
  if (req.url === '/api/services') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [...services.keys()], spans: Object.fromEntries(services) }));
    return;
  }
  res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/plain' }).end('jaeger stand-in\n');
}).listen(16686);

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';
// The app configures protobufjs (one shared instance) to decode 64-bit fields as numbers; parse
// after that, so this schema agrees. Span timestamps lose sub-microsecond precision; unused here.
import '../../src/contracts/protobuf-runtime.ts';

// The part of opentelemetry/proto (collector/trace/v1, trace/v1, common/v1, resource/v1) a test
// needs to read exported spans; field numbers as in the published .proto files.
const OTLP_TRACE_PROTO = `
syntax = "proto3";
package otlp;
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; string schema_url = 3; }
message Resource { repeated KeyValue attributes = 1; uint32 dropped_attributes_count = 2; }
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; string schema_url = 3; }
message InstrumentationScope { string name = 1; string version = 2; }
message Span {
  bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4;
  string name = 5; int32 kind = 6; fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9; Status status = 15;
}
message Status { string message = 2; int32 code = 3; }
message KeyValue { string key = 1; AnyValue value = 2; }
message AnyValue {
  oneof value { string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4; bytes bytes_value = 7; }
}
`;

/** OTLP span kinds. */
export const SPAN_KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

/** One received span, flattened. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean>;
  statusCode: number;
  /** Start and end, in milliseconds since the epoch (sub-microsecond precision lost). */
  startMs: number;
  endMs: number;
}

interface KeyValue {
  key: string;
  value?: { stringValue?: string; boolValue?: boolean; intValue?: number | { toNumber(): number }; doubleValue?: number };
}

const root = protobuf.parse(OTLP_TRACE_PROTO, { keepCase: false }).root;
const Request = root.lookupType('otlp.ExportTraceServiceRequest');

function value(kv: KeyValue): string | number | boolean {
  const v = kv.value ?? {};
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return typeof v.intValue === 'number' ? v.intValue : v.intValue.toNumber();
  return v.doubleValue ?? '';
}

const hex = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('hex');

/** A real OTLP/HTTP trace receiver on loopback that decodes the exported protobuf. */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  private server: Server | undefined;
  port = 0;

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts listening on a free port. */
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/v1/traces' && (req.headers['content-type'] ?? '').includes('protobuf')) {
          this.ingest(Buffer.concat(chunks));
        }
        res.writeHead(200, { 'content-type': 'application/x-protobuf' });
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private ingest(body: Buffer): void {
    const request = Request.toObject(Request.decode(body), { longs: Number, bytes: Array }) as {
      resourceSpans?: { resource?: { attributes?: KeyValue[] }; scopeSpans?: { spans?: Record<string, unknown>[] }[] }[];
    };
    for (const rs of request.resourceSpans ?? []) {
      const service = String((rs.resource?.attributes ?? []).map((kv) => [kv.key, value(kv)] as const).find(([k]) => k === 'service.name')?.[1] ?? '');
      for (const ss of rs.scopeSpans ?? []) {
        for (const s of ss.spans ?? []) {
          this.spans.push({
            service,
            traceId: hex(Uint8Array.from(s.traceId as number[])),
            spanId: hex(Uint8Array.from(s.spanId as number[])),
            parentSpanId: hex(Uint8Array.from((s.parentSpanId as number[] | undefined) ?? [])),
            name: String(s.name),
            kind: Number(s.kind ?? 0),
            attributes: Object.fromEntries(((s.attributes as KeyValue[] | undefined) ?? []).map((kv) => [kv.key, value(kv)])),
            statusCode: Number((s.status as { code?: number } | undefined)?.code ?? 0),
            startMs: Number(s.startTimeUnixNano ?? 0) / 1e6,
            endMs: Number(s.endTimeUnixNano ?? 0) / 1e6,
          });
        }
      }
    }
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/** Validates real responses against the OpenAPI document the API serves. */
export class OpenApiChecker {
  private readonly ajv: Ajv2020;
  private readonly doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };
  private readonly cache = new Map<string, ValidateFunction>();
  /** "METHOD path status" triples seen, to prove coverage. */
  readonly covered = new Set<string>();

  constructor(document: unknown) {
    // Point the document's local refs at the copy registered under $id "doc".
    const rewritten = JSON.parse(JSON.stringify(document).replaceAll('"#/components/', '"doc#/components/')) as typeof this.doc & { components: object };
    this.doc = rewritten;
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    (addFormats as unknown as (a: Ajv2020) => void)(this.ajv);
    this.ajv.addSchema({ $id: 'doc', components: rewritten.components });
  }

  /** Throws unless `body` matches the documented schema for this operation, status and content type. */
  check(method: string, pathTemplate: string, status: number, contentType: string, body: unknown): void {
    const op = this.doc.paths[pathTemplate]?.[method.toLowerCase()];
    if (!op) throw new Error(`${method} ${pathTemplate} is not documented`);
    const response = op.responses[String(status)];
    if (!response) throw new Error(`${method} ${pathTemplate} answered ${status}, which is not documented`);
    const mediaType = contentType.split(';')[0]!.trim();
    const media = response.content?.[mediaType];
    if (!media) throw new Error(`${method} ${pathTemplate} ${status} answered ${mediaType}, documented: ${Object.keys(response.content ?? {}).join(', ')}`);
    const key = `${method} ${pathTemplate} ${status} ${mediaType}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(media.schema);
      this.cache.set(key, validate);
    }
    if (!validate(body)) throw new Error(`${key}: body does not match the document: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
    this.covered.add(`${method} ${pathTemplate} ${status}`);
  }
}

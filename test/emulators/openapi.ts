// A small OpenAPI 3.1 helper for the emulators: find the operation a request hits and validate
// request bodies, query parameters and responses against the schemas the spec declares for it.
// Validators are compiled lazily, once per process, and cached by JSON pointer.
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;

export interface Operation {
  method: string;
  template: string;
  spec: Json;
}

export interface MatchedOperation extends Operation {
  pathParams: Record<string, string>;
}

interface CompiledRoute extends Operation {
  regex: RegExp;
  paramNames: string[];
  literalSegments: number;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

// Formats the specs use that ajv-formats does not define (OpenAPI type hints, not constraints).
const ANNOTATION_FORMATS = ["binary", "double", "float", "int32", "int64"];

function isAbsoluteHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value) && URL.canParse(value);
}

function createAjv(coerceTypes: boolean): Ajv2020 {
  // strict: false because OpenAPI documents carry non-JSON-Schema keywords (example, x-*, discriminator).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, coerceTypes: coerceTypes ? "array" : false });
  addFormats(ajv);
  for (const format of ANNOTATION_FORMATS) ajv.addFormat(format, true);
  // AssemblyAI's `format: url`: ajv-formats' `url` rejects loopback hosts, which would make local webhooks
  // impossible; the server's contract is "an absolute http(s) URL", which is what we check.
  ajv.addFormat("url", isAbsoluteHttpUrl);
  return ajv;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function getAtPointer(doc: Json, pointer: string): unknown {
  const parts = pointer.replace(/^#\//, "").split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  return parts.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
}

function compileRoute(template: string, method: string, spec: Json): CompiledRoute {
  const paramNames: string[] = [];
  const pattern = template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    paramNames.push(name);
    return "([^/]+)";
  });
  const literalSegments = template.split("/").filter((s) => s && !s.startsWith("{")).length;
  return { method, template, spec, paramNames, literalSegments, regex: new RegExp(`^${pattern}/?$`) };
}

function describeParams(params: Record<string, unknown>): string {
  if (params.additionalProperty) return ` (${String(params.additionalProperty)})`;
  if (params.allowedValues) return ` (${(params.allowedValues as unknown[]).join(", ")})`;
  return "";
}

export function formatErrors(validate: ValidateFunction, label: string): string[] {
  return (validate.errors ?? []).map((e) => `${label}${e.instancePath} ${e.message ?? "is invalid"}${describeParams(e.params)}`);
}

export class SpecValidator {
  private readonly routes: CompiledRoute[];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(
    readonly id: string,
    private readonly doc: Json,
    private readonly ajv: Ajv2020,
    private readonly paramAjv: Ajv2020,
  ) {
    this.routes = Object.entries(doc.paths as Record<string, Json>)
      .flatMap(([template, item]) =>
        METHODS.filter((m) => item[m]).map((m) => compileRoute(template, m.toUpperCase(), item[m] as Json)),
      )
      // Literal segments win over parameters: `/sentences` before `/{subtitle_format}`.
      .sort((a, b) => b.literalSegments - a.literalSegments);
  }

  getOperation(method: string, template: string): Operation {
    const route = this.routes.find((r) => r.method === method && r.template === template);
    if (!route) throw new Error(`${this.id}: the spec has no operation ${method} ${template}`);
    return route;
  }

  /** Finds the operation for a concrete path; `undefined` if the spec has none. */
  matchOperation(method: string, path: string): MatchedOperation | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      const pathParams = Object.fromEntries(route.paramNames.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      return { method: route.method, template: route.template, spec: route.spec, pathParams };
    }
    return undefined;
  }

  /** True when some operation exists at this path (for 405 vs 404). */
  hasPath(path: string): boolean {
    return this.routes.some((r) => r.regex.test(path));
  }

  private pointerFor(op: Operation, ...rest: string[]): string {
    return ["#", "paths", escapePointer(op.template), op.method.toLowerCase(), ...rest.map(escapePointer)].join("/");
  }

  private resolveRef(node: unknown): Json | undefined {
    let current = node as Json | undefined;
    while (current && typeof current.$ref === "string" && current.$ref.startsWith("#/")) {
      current = getAtPointer(this.doc, current.$ref) as Json | undefined;
    }
    return current;
  }

  /** Validates `value` against the schema at a JSON pointer in this document (or any `$ref` target). */
  validatePointer(pointer: string, value: unknown, label: string): string[] {
    return this.validateSchema({ $ref: `${this.id}${pointer}` }, value, label);
  }

  validateSchema(schema: Json, value: unknown, label: string, key = JSON.stringify(schema)): string[] {
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.cache.set(key, validate);
    }
    return validate(value) ? [] : formatErrors(validate, label);
  }

  /** Content types the operation accepts for its request body (empty if it takes none). */
  requestContentTypes(op: Operation): string[] {
    const body = this.resolveRef(op.spec.requestBody) as Json | undefined;
    return Object.keys((body?.content as Json | undefined) ?? {});
  }

  validateRequestBody(op: Operation, contentType: string, body: unknown): string[] {
    const schemaPointer = this.pointerFor(op, "requestBody", "content", contentType, "schema");
    if (getAtPointer(this.doc, schemaPointer) === undefined) return [`body: content type ${contentType} is not accepted`];
    return this.validatePointer(schemaPointer, body, "body");
  }

  /**
   * Validates and coerces query parameters declared by the operation. Object-typed (deepObject) parameters
   * are left alone: the emulators do not interpret them.
   */
  validateQuery(op: Operation, query: URLSearchParams): { errors: string[]; values: Record<string, unknown> } {
    const params = (op.spec.parameters as Json[] | undefined) ?? [];
    const properties: Json = {};
    const values: Record<string, unknown> = {};
    for (const [index, param] of params.entries()) {
      const name = param.name as string;
      const schema = this.resolveRef(param.schema) ?? {};
      if (param.in !== "query" || schema.type === "object") continue;
      properties[name] = { $ref: `${this.id}${this.pointerFor(op, "parameters", String(index), "schema")}` };
      const all = query.getAll(name);
      if (all.length) values[name] = schema.type === "array" ? all : all[0];
    }
    const key = `query:${op.method}:${op.template}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.paramAjv.compile({ type: "object", properties });
      this.cache.set(key, validate);
    }
    const errors = validate(values) ? [] : formatErrors(validate, "query");
    return { errors, values };
  }

  isDeclaredStatus(op: Operation, status: number): boolean {
    return (op.spec.responses as Json)[String(status)] !== undefined;
  }

  /** Validates a response the emulator is about to send. Undeclared statuses are violations. */
  validateResponse(op: Operation, status: number, contentType: string | undefined, body: unknown): string[] {
    const responses = op.spec.responses as Json;
    const declared = this.resolveRef(responses[String(status)]);
    const where = `${op.method} ${op.template} → ${status}`;
    if (!declared) return [`${where}: status not declared by the spec`];
    const content = declared.content as Json | undefined;
    if (!content) return contentType ? [`${where}: the spec declares no body, one was sent`] : [];
    if (!contentType || !content[contentType]) return [`${where}: content type ${contentType ?? "(none)"} not declared`];
    const ref = (responses[String(status)] as Json).$ref as string | undefined;
    const pointer = ref
      ? `${ref}/content/${escapePointer(contentType)}/schema`
      : this.pointerFor(op, "responses", String(status), "content", contentType, "schema");
    return this.validatePointer(pointer, body, where);
  }
}

export interface SpecDocuments {
  [id: string]: Json;
}

/** Registers every document in one pair of ajv instances (so documents can `$ref` each other). */
export function createSpecValidators(docs: SpecDocuments): Record<string, SpecValidator> {
  const ajv = createAjv(false);
  const paramAjv = createAjv(true);
  for (const [id, doc] of Object.entries(docs)) {
    ajv.addSchema(doc, id);
    paramAjv.addSchema(doc, id);
  }
  return Object.fromEntries(Object.entries(docs).map(([id, doc]) => [id, new SpecValidator(id, doc, ajv, paramAjv)]));
}

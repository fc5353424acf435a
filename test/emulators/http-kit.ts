// Server plumbing both emulators share: a node:http server on 127.0.0.1, spec-driven routing, the
// request log, response validation (a response that breaks the spec is recorded as a violation and
// replaced by a 500 so the client notices too) and webhook delivery to local receivers.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EventEmitter } from "node:events";
import type { MatchedOperation, SpecValidator } from "./openapi.js";

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or a short description of a non-JSON body. */
  body?: unknown;
  status?: number;
  /** Why the emulator answered with an error (validation messages, auth, …). */
  error?: string;
}

export interface Delivery {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  status?: number;
  error?: string;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  op: MatchedOperation;
  body: Buffer;
  entry: RequestLogEntry;
  /** Scheme + host the client used (e.g. `https://api.gladia.io` when routed by the equivalence harness). */
  baseUrl: string;
}

export type Handler = (ctx: Ctx) => Promise<void> | void;

export interface ApiDialect {
  spec: SpecValidator;
  /** Hostnames the real API serves; requests carrying one of them as Host get `https://` URLs back. */
  publicHosts: string[];
  isAuthorized(req: IncomingMessage): boolean;
  /** JSON body of an error response in this API's shape. */
  errorBody(status: number, message: string, ctx: { path: string; details?: string[] }): unknown;
  /**
   * Schema (JSON pointer in the spec) for error statuses an operation does not declare: the specs list only
   * some of them (Gladia's upload declares no 401 at all), but every error the API sends has this shape.
   */
  errorSchemaPointer(status: number): string;
  handlers: Record<string, Handler>;
}

export const routeKey = (method: string, template: string) => `${method} ${template}`;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isLoopbackUrl(url: string): boolean {
  return URL.canParse(url) && LOOPBACK_HOSTS.has(new URL(url).hostname);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function describeBody(body: Buffer, contentType: string | undefined): unknown {
  if (!body.length) return undefined;
  if (contentType?.startsWith("application/json")) {
    try {
      return JSON.parse(body.toString("utf8"));
    } catch {
      return `<invalid JSON, ${body.length} bytes>`;
    }
  }
  return `<${contentType ?? "no content-type"}, ${body.length} bytes>`;
}

export class EmulatorServer extends EventEmitter<{ delivery: [Delivery] }> {
  readonly requests: RequestLogEntry[] = [];
  /** Spec violations by the emulator itself (responses, callbacks) and unsupported operations. */
  readonly violations: string[] = [];
  readonly deliveries: Delivery[] = [];
  private readonly server = createServer((req, res) => void this.handle(req, res));
  port = 0;

  constructor(private readonly dialect: ApiDialect) {
    super();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(port = 0): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addHandlers(handlers: Record<string, Handler>): void {
    Object.assign(this.dialect.handlers, handlers);
  }

  recordViolation(message: string): void {
    this.violations.push(message);
    console.error(`[emulator] ${message}`);
  }

  private baseUrlOf(req: IncomingMessage): string {
    const host = req.headers.host ?? `127.0.0.1:${this.port}`;
    return `${this.dialect.publicHosts.includes(host) ? "https" : "http"}://${host}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const body = await readBody(req);
    const entry: RequestLogEntry = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.search,
      headers: req.headers,
      body: describeBody(body, req.headers["content-type"]),
    };
    this.requests.push(entry);
    const op = this.dialect.spec.matchOperation(entry.method, url.pathname);
    if (!op) return this.sendError(res, entry, 404, `Cannot ${entry.method} ${url.pathname}`);
    const ctx: Ctx = { req, res, url, op, body, entry, baseUrl: this.baseUrlOf(req) };
    if (!this.dialect.isAuthorized(req)) return this.reject(ctx, 401, "Authentication error: invalid or missing API key");
    const handler = this.dialect.handlers[routeKey(op.method, op.template)];
    if (!handler) {
      this.recordViolation(`unsupported operation ${op.method} ${op.template} (not emulated)`);
      return this.sendError(res, entry, 404, `${op.method} ${op.template} is not emulated`);
    }
    try {
      await handler(ctx);
    } catch (error) {
      this.recordViolation(`handler crashed on ${entry.method} ${entry.path}: ${(error as Error).stack}`);
      if (!res.headersSent) this.sendRaw(res, entry, 500, { error: "emulator crashed" });
    }
  }

  /** Sends a response after validating it against the operation's declared responses. */
  send(ctx: Ctx, status: number, body?: unknown, contentType = body === undefined ? undefined : "application/json"): void {
    const { spec } = this.dialect;
    const problems =
      status >= 400 && !spec.isDeclaredStatus(ctx.op, status)
        ? spec.validatePointer(this.dialect.errorSchemaPointer(status), body, `${ctx.op.method} ${ctx.op.template} → ${status}`)
        : spec.validateResponse(ctx.op, status, contentType, contentType === "application/json" ? body : String(body ?? ""));
    if (problems.length) {
      this.recordViolation(`response violates ${this.dialect.spec.id} spec: ${problems.join("; ")}`);
      return this.sendRaw(ctx.res, ctx.entry, 500, { error: "emulator response violates the spec", problems });
    }
    this.sendRaw(ctx.res, ctx.entry, status, body, contentType);
  }

  /** Client error in the API's own error shape (validated like any response). */
  reject(ctx: Ctx, status: number, message: string, details?: string[]): void {
    ctx.entry.error = [message, ...(details ?? [])].join("; ");
    this.send(ctx, status, this.dialect.errorBody(status, message, { path: ctx.url.pathname, details }));
  }

  private sendError(res: ServerResponse, entry: RequestLogEntry, status: number, message: string): void {
    entry.error = message;
    this.sendRaw(res, entry, status, this.dialect.errorBody(status, message, { path: entry.path }));
  }

  private sendRaw(res: ServerResponse, entry: RequestLogEntry, status: number, body?: unknown, contentType = "application/json"): void {
    entry.status = status;
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    const text = contentType === "application/json" ? JSON.stringify(body) : String(body);
    res.writeHead(status, { "content-type": contentType === "application/json" ? "application/json; charset=utf-8" : contentType });
    res.end(text);
  }

  /** POSTs (or PUTs) a JSON payload to a receiver; only loopback URLs are contacted. */
  async deliver(url: string, body: unknown, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Delivery> {
    const delivery: Delivery = { url, method: options.method ?? "POST", headers: { "content-type": "application/json", ...options.headers }, body };
    if (!isLoopbackUrl(url)) {
      delivery.error = "not delivered: the emulators only call 127.0.0.1/localhost";
    } else {
      try {
        const response = await fetch(url, { method: delivery.method, headers: delivery.headers, body: JSON.stringify(body) });
        delivery.status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        delivery.error = (error as Error).message;
      }
    }
    this.deliveries.push(delivery);
    this.emit("delivery", delivery);
    return delivery;
  }

  /** Resolves once at least `count` deliveries were attempted. */
  async waitForDeliveries(count: number): Promise<Delivery[]> {
    while (this.deliveries.length < count) await new Promise((resolve) => this.once("delivery", resolve));
    return this.deliveries;
  }
}

/** Parses a JSON request body or returns the reason it is not acceptable. */
export function parseJsonBody(ctx: Ctx): { value?: unknown; error?: string } {
  const type = ctx.req.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) return { error: `Content-Type must be application/json (got ${type || "none"})` };
  try {
    return { value: JSON.parse(ctx.body.toString("utf8")) };
  } catch {
    return { error: "Body is not valid JSON" };
  }
}

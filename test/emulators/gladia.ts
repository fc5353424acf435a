// Gladia v2 pre-recorded API emulator: node:http on 127.0.0.1, requests and responses checked against
// specs/gladia-openapi.json (deprecated request fields against the 2026-03-20 snapshot).
import type { IncomingMessage } from "node:http";
import { EmulatorServer, parseJsonBody, routeKey, type Ctx, type Handler } from "./http-kit.js";
import { getFailure, JobStore, UploadStore, type Job } from "./jobs.js";
import { recording as defaultRecording, type Recording } from "./recording.js";
import { getSpecs } from "./specs.js";
import {
  toGladiaCallback,
  toGladiaJob,
  toGladiaUploadResponse,
  toGladiaWebhook,
  type GladiaParams,
} from "./gladia-shapes.js";
import { startEmulator, type Emulator, type EmulatorOptions } from "./emulator.js";

export const GLADIA_HOST = "api.gladia.io";
export const DEFAULT_GLADIA_KEY = "gladia-emulator-key";

export interface GladiaEmulatorOptions extends EmulatorOptions {
  /** Account-level webhook (Gladia dashboard): receives {event, payload: {id}} for created/success/error. */
  webhookUrl?: string;
}

const ERROR_SCHEMAS: Record<number, string> = {
  400: "BadRequestErrorResponse",
  401: "UnauthorizedErrorResponse",
  403: "ForbiddenErrorResponse",
  404: "NotFoundErrorResponse",
  413: "PayloadTooLargeErrorResponse",
  422: "UnprocessableEntityErrorResponse",
};

function getCallback(params: GladiaParams): { url: string; method: string } | undefined {
  if (params.callback === true && params.callback_config?.url) {
    return { url: params.callback_config.url, method: params.callback_config.method ?? "POST" };
  }
  if (typeof params.callback_url === "string") return { url: params.callback_url, method: "POST" };
  return undefined;
}

async function readMultipartAudio(ctx: Ctx): Promise<{ bytes: Buffer; filename?: string } | undefined> {
  const request = new Request("http://emulator.local/", {
    method: "POST",
    headers: { "content-type": ctx.req.headers["content-type"]! },
    body: new Uint8Array(ctx.body),
  });
  const form = await request.formData().catch(() => undefined);
  const audio = form?.get("audio");
  if (!audio || typeof audio === "string") return undefined;
  return { bytes: Buffer.from(await audio.arrayBuffer()), filename: audio.name || undefined };
}

export async function startGladiaEmulator(options: GladiaEmulatorOptions = {}): Promise<Emulator> {
  const apiKey = options.apiKey ?? DEFAULT_GLADIA_KEY;
  const rec: Recording = options.recording ?? defaultRecording;
  const specs = getSpecs();
  const spec = specs.gladia;
  const uploads = new UploadStore();
  const jobs = new JobStore<GladiaParams>(options.pollsBeforeDone ?? 2);

  const server: EmulatorServer = new EmulatorServer({
    spec,
    publicHosts: [GLADIA_HOST],
    isAuthorized: (req: IncomingMessage) => req.headers["x-gladia-key"] === apiKey,
    errorBody: (status, message, { path, details }) => ({
      timestamp: new Date().toISOString(),
      path,
      request_id: `G-${Math.random().toString(16).slice(2, 10)}`,
      statusCode: status,
      message,
      ...(details?.length ? { validation_errors: details } : {}),
    }),
    errorSchemaPointer: (status) => `#/components/schemas/${ERROR_SCHEMAS[status] ?? "BadRequestErrorResponse"}`,
    handlers: {},
  });

  const deliver = (url: string, body: unknown, schema: string, method = "POST") => {
    const problems = spec.validatePointer(`#/components/schemas/${schema}`, body, `${schema}`);
    if (problems.length) server.recordViolation(`callback violates gladia spec: ${problems.join("; ")}`);
    void server.deliver(url, body, { method });
  };

  const notifyWebhook = (job: Job<GladiaParams>, event: "transcription.created" | "transcription.success" | "transcription.error") => {
    const schema = { "transcription.created": "WebhookTranscriptionCreatedPayload", "transcription.success": "WebhookTranscriptionSuccessPayload", "transcription.error": "WebhookTranscriptionErrorPayload" }[event];
    if (options.webhookUrl) deliver(options.webhookUrl, toGladiaWebhook(job, event), schema);
  };

  jobs.on("final", (job) => {
    const callback = getCallback(job.params);
    if (callback) {
      const body = toGladiaCallback(job, rec);
      deliver(callback.url, body, job.failure ? "CallbackTranscriptionErrorPayload" : "CallbackTranscriptionSuccessPayload", callback.method);
    }
    notifyWebhook(job, job.failure ? "transcription.error" : "transcription.success");
  });

  const findJob = (ctx: Ctx): Job<GladiaParams> | undefined => {
    const job = jobs.get(ctx.op.pathParams.id);
    if (!job) server.reject(ctx, 404, "Transcription not found");
    return job;
  };

  const upload: Handler = async (ctx) => {
    const type = ctx.req.headers["content-type"] ?? "";
    if (type.startsWith("multipart/form-data")) {
      const audio = await readMultipartAudio(ctx);
      if (!audio) return server.reject(ctx, 400, "Expected a file in the multipart field `audio`");
      return server.send(ctx, 200, toGladiaUploadResponse(uploads.add(audio.bytes, audio.filename), rec));
    }
    if (type.startsWith("application/json")) {
      const { value, error } = parseJsonBody(ctx);
      const problems = error ? [error] : spec.validateRequestBody(ctx.op, "application/json", value);
      const audioUrl = (value as { audio_url?: unknown } | undefined)?.audio_url;
      if (problems.length || typeof audioUrl !== "string") return server.reject(ctx, 400, "Invalid body: audio_url is required", problems);
      if (getFailure(audioUrl, undefined)) return server.reject(ctx, 400, "Could not download the audio file from audio_url");
      const stored = uploads.addRemote(decodeURIComponent(new URL(audioUrl).pathname.split("/").pop() || "audio"));
      return server.send(ctx, 200, toGladiaUploadResponse(stored, rec, audioUrl));
    }
    server.reject(ctx, 400, "Content-Type is missing Multipart Boundary: send multipart/form-data with a field `audio`, or JSON {audio_url}");
  };

  const create: Handler = (ctx) => {
    const { value, error } = parseJsonBody(ctx);
    const problems = error ? [error] : spec.validateSchema(specs.gladiaCreateSchema, value, "body", "gladia-create");
    if (problems.length) return server.reject(ctx, 400, "Invalid transcription parameters", problems);
    const params = value as GladiaParams;
    const stored = uploads.findByUrl(params.audio_url);
    const job = jobs.create(params, params.audio_url, stored, getFailure(params.audio_url, stored));
    const family = ctx.op.template.split("/")[2]; // "pre-recorded" or "transcription"
    server.send(ctx, 201, { id: job.id, result_url: `${ctx.baseUrl}/v2/${family}/${job.id}` });
    notifyWebhook(job, "transcription.created");
    // Jobs that ask for a callback finish right away: the client waits for the callback, not polls.
    if (getCallback(params)) setImmediate(() => jobs.finish(job));
  };

  const get: Handler = (ctx) => {
    const job = findJob(ctx);
    if (!job) return;
    jobs.poll(job);
    server.send(ctx, 200, toGladiaJob(job, jobs.statusOf(job), rec));
  };

  const remove: Handler = (ctx) => {
    const job = findJob(ctx);
    if (!job) return;
    if (!job.final) return server.reject(ctx, 403, "The pre recorded job is not in a deletable state");
    jobs.delete(job.id);
    server.send(ctx, 202);
  };

  const list: Handler = (ctx) => {
    const { errors, values } = spec.validateQuery(ctx.op, ctx.url.searchParams);
    if (errors.length) return server.reject(ctx, 400, "Invalid query parameters", errors);
    const offset = (values.offset as number | undefined) ?? 0;
    const limit = (values.limit as number | undefined) ?? 20;
    const statuses = values.status as string[] | undefined;
    const all = jobs
      .list()
      .map((job) => toGladiaJob(job, jobs.statusOf(job), rec))
      .filter((job) => !statuses || statuses.includes(job.status));
    const page = (start: number) => `${ctx.baseUrl}${ctx.op.template}?offset=${start}&limit=${limit}`;
    server.send(ctx, 200, {
      first: page(0),
      current: page(offset),
      next: offset + limit < all.length ? page(offset + limit) : null,
      items: all.slice(offset, offset + limit),
    });
  };

  const handlers: Record<string, Handler> = {
    [routeKey("POST", "/v2/upload")]: upload,
    [routeKey("POST", "/v2/pre-recorded")]: create,
    [routeKey("POST", "/v2/transcription")]: create,
    [routeKey("GET", "/v2/pre-recorded/{id}")]: get,
    [routeKey("GET", "/v2/transcription/{id}")]: get,
    [routeKey("DELETE", "/v2/pre-recorded/{id}")]: remove,
    [routeKey("DELETE", "/v2/transcription/{id}")]: remove,
    [routeKey("GET", "/v2/pre-recorded")]: list,
    [routeKey("GET", "/v2/transcription")]: list,
  };
  return startEmulator(server, handlers, apiKey, options.port);
}

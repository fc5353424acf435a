// AssemblyAI v2 API emulator: node:http on 127.0.0.1, requests and responses checked against
// specs/assemblyai-openapi.yml (with the corrections in spec-patches.ts).
import type { IncomingMessage } from "node:http";
import { EmulatorServer, parseJsonBody, routeKey, type Ctx, type Handler } from "./http-kit.js";
import { getFailure, JobStore, UploadStore, type Job } from "./jobs.js";
import { recording as defaultRecording, type Recording } from "./recording.js";
import { getSpecs } from "./specs.js";
import {
  toAssemblyAIListItem,
  toAssemblyAIParagraphs,
  toAssemblyAISentences,
  toAssemblyAISubtitles,
  toAssemblyAITranscript,
  toAssemblyAIWebhook,
  type AssemblyAIJobState,
  type AssemblyAIParams,
} from "./assemblyai-shapes.js";
import { startEmulator, type Emulator, type EmulatorOptions } from "./emulator.js";

export const ASSEMBLYAI_HOSTS = ["api.assemblyai.com", "api.eu.assemblyai.com"];
export const DEFAULT_ASSEMBLYAI_KEY = "assemblyai-emulator-key";

// The real upload endpoint stores whatever bytes it gets and the transcript fails later ("Transcoding
// failed"); the emulator rejects the two classic migration mistakes up front so tests point at them.
const REJECTED_UPLOAD_TYPES = ["multipart/form-data", "application/json"];

export async function startAssemblyAIEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const apiKey = options.apiKey ?? DEFAULT_ASSEMBLYAI_KEY;
  const rec: Recording = options.recording ?? defaultRecording;
  const spec = getSpecs().assemblyai;
  const uploads = new UploadStore();
  const jobs = new JobStore<AssemblyAIParams>(options.pollsBeforeDone ?? 2);
  const states = new Map<string, AssemblyAIJobState>();

  const server: EmulatorServer = new EmulatorServer({
    spec,
    publicHosts: ASSEMBLYAI_HOSTS,
    // The raw key, no "Bearer " prefix.
    isAuthorized: (req: IncomingMessage) => req.headers.authorization === apiKey,
    errorBody: (_status, message, { details }) => ({ error: details?.length ? `${message}: ${details.join("; ")}` : message }),
    errorSchemaPointer: () => "#/components/schemas/Error",
    handlers: {},
  });

  const transcriptOf = (job: Job<AssemblyAIParams>) => toAssemblyAITranscript(job, jobs.statusOf(job), rec, states.get(job.id));

  jobs.on("final", (job) => {
    const { webhook_url: url, webhook_auth_header_name: name, webhook_auth_header_value: value } = job.params;
    if (!url) return;
    const body = toAssemblyAIWebhook(job, jobs.statusOf(job));
    const problems = spec.validatePointer("#/components/schemas/TranscriptReadyNotification", body, "webhook");
    if (problems.length) server.recordViolation(`webhook violates assemblyai spec: ${problems.join("; ")}`);
    const headers = name && value ? { [name]: value } : undefined;
    void server.deliver(url, body, { headers }).then(({ status }) => {
      if (status) states.set(job.id, { ...states.get(job.id), webhookStatusCode: status });
    });
  });

  const findJob = (ctx: Ctx): Job<AssemblyAIParams> | undefined => {
    const job = jobs.get(ctx.op.pathParams.transcript_id);
    if (!job) server.reject(ctx, 404, "Transcript not found");
    return job;
  };

  const findCompletedJob = (ctx: Ctx): Job<AssemblyAIParams> | undefined => {
    const job = findJob(ctx);
    if (job && jobs.statusOf(job) !== "completed") {
      server.reject(ctx, 400, `Transcript ${job.id} is not completed (status: ${jobs.statusOf(job)})`);
      return undefined;
    }
    return job;
  };

  const upload: Handler = (ctx) => {
    const type = ctx.req.headers["content-type"] ?? "";
    const rejected = REJECTED_UPLOAD_TYPES.find((t) => type.startsWith(t));
    if (rejected) return server.reject(ctx, 400, `Upload the raw file bytes (application/octet-stream), not ${rejected}`);
    if (!ctx.body.length) return server.reject(ctx, 400, "The upload body is empty");
    const stored = uploads.add(ctx.body);
    server.send(ctx, 200, { upload_url: `https://cdn.assemblyai.com/upload/${stored.id}` });
  };

  const create: Handler = (ctx) => {
    const { value, error } = parseJsonBody(ctx);
    const problems = error ? [error] : spec.validateRequestBody(ctx.op, "application/json", value);
    if (problems.length) return server.reject(ctx, 400, "Invalid transcript parameters", problems);
    const params = value as AssemblyAIParams;
    const stored = uploads.findByUrl(params.audio_url);
    const job = jobs.create(params, params.audio_url, stored, getFailure(params.audio_url, stored));
    server.send(ctx, 200, transcriptOf(job));
    // Jobs with a webhook finish right away: the client waits for the webhook, not polls.
    if (params.webhook_url) setImmediate(() => jobs.finish(job));
  };

  const get: Handler = (ctx) => {
    const job = findJob(ctx);
    if (!job) return;
    jobs.poll(job);
    server.send(ctx, 200, transcriptOf(job));
  };

  const remove: Handler = (ctx) => {
    const job = findJob(ctx);
    if (!job) return;
    if (!job.final) return server.reject(ctx, 400, "Transcript is still being processed and cannot be deleted yet");
    states.set(job.id, { ...states.get(job.id), deleted: true });
    server.send(ctx, 200, transcriptOf(job));
  };

  const subtitles: Handler = (ctx) => {
    const { errors, values } = spec.validateQuery(ctx.op, ctx.url.searchParams);
    const format = ctx.op.pathParams.subtitle_format;
    if (format !== "srt" && format !== "vtt") return server.reject(ctx, 400, `Unsupported subtitle format ${format}; use srt or vtt`);
    if (errors.length) return server.reject(ctx, 400, "Invalid query parameters", errors);
    const job = findCompletedJob(ctx);
    if (job) server.send(ctx, 200, toAssemblyAISubtitles(rec, format, values.chars_per_caption as number | undefined), "text/plain");
  };

  const sentences: Handler = (ctx) => {
    const job = findCompletedJob(ctx);
    if (job) server.send(ctx, 200, toAssemblyAISentences(job, rec));
  };

  const paragraphs: Handler = (ctx) => {
    const job = findCompletedJob(ctx);
    if (job) server.send(ctx, 200, toAssemblyAIParagraphs(job, rec));
  };

  const list: Handler = (ctx) => {
    const { errors, values } = spec.validateQuery(ctx.op, ctx.url.searchParams);
    if (errors.length) return server.reject(ctx, 400, "Invalid query parameters", errors);
    const limit = (values.limit as number | undefined) ?? 10;
    const all = jobs.list().filter((job) => !values.status || jobs.statusOf(job) === values.status);
    const items = all.slice(0, limit).map((job) => toAssemblyAIListItem(job, jobs.statusOf(job), ctx.baseUrl));
    const last = items[items.length - 1];
    server.send(ctx, 200, {
      page_details: {
        limit,
        result_count: items.length,
        current_url: `${ctx.baseUrl}/v2/transcript${ctx.url.search}`,
        prev_url: all.length > limit && last ? `${ctx.baseUrl}/v2/transcript?limit=${limit}&before_id=${last.id}` : null,
        next_url: null,
      },
      transcripts: items,
    });
  };

  const handlers: Record<string, Handler> = {
    [routeKey("POST", "/v2/upload")]: upload,
    [routeKey("POST", "/v2/transcript")]: create,
    [routeKey("GET", "/v2/transcript")]: list,
    [routeKey("GET", "/v2/transcript/{transcript_id}")]: get,
    [routeKey("DELETE", "/v2/transcript/{transcript_id}")]: remove,
    [routeKey("GET", "/v2/transcript/{transcript_id}/{subtitle_format}")]: subtitles,
    [routeKey("GET", "/v2/transcript/{transcript_id}/sentences")]: sentences,
    [routeKey("GET", "/v2/transcript/{transcript_id}/paragraphs")]: paragraphs,
  };
  return startEmulator(server, handlers, apiKey, options.port);
}

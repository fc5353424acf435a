import { AssemblyAI } from "assemblyai";
import type { ListTranscriptParams, SubmitParams, SubtitleFormat, Transcript, TranscriptListItem } from "assemblyai";
import { SUBTITLES_FETCH } from "../mapping/result.js";
import type { RuleId } from "../mapping/rules.js";
import { getRule } from "../mapping/rules.js";
import { ASSEMBLYAI_BASE, GLADIA_BASE_RE, STATUS_MAP } from "../mapping/transport.js";
import { toAssemblyAIParams } from "./params.js";
import type { GladiaResultExtras } from "./result.js";
import { gladiaJobFields, toGladiaJob } from "./result.js";
import type {
  GladiaClientOptions,
  PollOptions,
  PreRecordedV2AudioUploadResponse,
  PreRecordedV2InitTranscriptionRequest,
  PreRecordedV2InitTranscriptionResponse,
  PreRecordedV2ListParams,
  PreRecordedV2ListResponse,
  PreRecordedV2Response,
  PreRecordedV2Timeouts,
} from "./types.js";

// `@gladiaio/sdk`'s `GladiaClient().preRecorded()` surface on top of the official `assemblyai` SDK:
// Gladia requests go through the §2 mapping, AssemblyAI transcripts come back as Gladia jobs.

type Json = Record<string, unknown>;

/** Gladia's SDK default for the polling flows (2 hours). */
const DEFAULT_FLOW_TIMEOUT_MS = 7_200_000;
const DEFAULT_POLL_INTERVAL_MS = 3000;
/** Jobs created in this process, remembered for request echoes and subtitles (bounded). */
const MAX_REMEMBERED_JOBS = 1000;

function env(name: string): string | undefined {
  return typeof process === "undefined" ? undefined : process.env[name] || undefined;
}

/**
 * The AssemblyAI key: `apiKey`, else env `ASSEMBLYAI_API_KEY`, else env `GLADIA_API_KEY` (for
 * deployments that kept the old variable name; it must then hold an AssemblyAI key).
 */
export function resolveApiKey(options: GladiaClientOptions): string | undefined {
  return options.apiKey ?? env("ASSEMBLYAI_API_KEY") ?? env("GLADIA_API_KEY");
}

/** `apiUrl` (a proxy), else env `ASSEMBLYAI_BASE_URL`, else AssemblyAI's default; a Gladia host in `apiUrl` counts as unset. */
export function resolveBaseUrl(options: GladiaClientOptions): string | undefined {
  const apiUrl = options.apiUrl && !GLADIA_BASE_RE.test(options.apiUrl) ? options.apiUrl : undefined;
  return apiUrl ?? env("ASSEMBLYAI_BASE_URL");
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

interface RememberedJob {
  request: Json;
  /** Fetched once the job is done. */
  extras?: GladiaResultExtras;
}

/** Keyed by transcript id (unique), shared by every client: code often builds a client per call. */
class JobMemory {
  private readonly jobs = new Map<string, RememberedJob>();
  get(id: string): RememberedJob | undefined {
    return this.jobs.get(id);
  }
  remember(id: string, request: Json): void {
    if (this.jobs.size >= MAX_REMEMBERED_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    this.jobs.set(id, { request });
  }
  forget(id: string): void {
    this.jobs.delete(id);
  }
}

const SHARED_MEMORY = new JobMemory();

/** Follow-ups the client resolves itself: it fetches subtitles and sentences after completion. */
const HANDLED_BY_CLIENT: RuleId[] = ["subtitles-request", "sentences-request"];
const warned = new Set<RuleId>();

/**
 * A Gladia option that behaves differently on AssemblyAI (callback payloads, PII presets, …): a
 * process warning, once per rule, since the adapter strategy leaves no marker in the calling code.
 */
function warnOnce(rules: RuleId[]): void {
  for (const rule of rules) {
    if (warned.has(rule) || typeof process === "undefined") continue;
    warned.add(rule);
    const { message, docs } = getRule(rule);
    process.emitWarning(`${message} See ${docs}`, { type: "GladiaToAssemblyAIWarning", code: rule });
  }
}

/** The subtitle formats a Gladia request asked for, and AssemblyAI's `chars_per_caption`. */
function requestedSubtitles(request: Json): { formats: SubtitleFormat[]; charsPerCaption?: number } | undefined {
  if (request.subtitles !== true) return undefined;
  const config = (request.subtitles_config ?? {}) as Json;
  const formats = (Array.isArray(config.formats) ? config.formats : SUBTITLES_FETCH.defaultFormats) as SubtitleFormat[];
  const chars = config[SUBTITLES_FETCH.charsPerCaption];
  return { formats, ...(typeof chars === "number" ? { charsPerCaption: chars } : {}) };
}

function fileName(audio: string | Blob): string {
  if (typeof audio === "string") return audio.split(/[\\/]/).pop() ?? audio;
  return (audio as File).name ?? "blob";
}

async function byteSize(audio: string | Blob): Promise<number> {
  if (typeof audio !== "string") return audio.size;
  const { stat } = await import("node:fs/promises");
  return (await stat(audio)).size;
}

/** Pre-recorded client with `@gladiaio/sdk`'s methods, Gladia-shaped inputs and outputs. */
export class PreRecordedV2Client {
  private readonly assemblyai: AssemblyAI;
  private readonly baseUrl: string;
  private readonly timeouts: PreRecordedV2Timeouts;

  private readonly memory = SHARED_MEMORY;

  constructor(options: GladiaClientOptions) {
    const apiKey = resolveApiKey(options);
    const baseUrl = resolveBaseUrl(options);
    if (!apiKey && !baseUrl) {
      throw new Error('You have to set your "apiKey" (an AssemblyAI key, or env ASSEMBLYAI_API_KEY) or define a proxy "apiUrl".');
    }
    this.assemblyai = new AssemblyAI({ apiKey: apiKey ?? "", ...(baseUrl ? { baseUrl } : {}) });
    this.baseUrl = (baseUrl ?? ASSEMBLYAI_BASE).replace(/\/$/, "");
    this.timeouts = options.prerecordedTimeouts ?? {};
  }

  /** Uploads a local file (path), `File` or `Blob`: AssemblyAI's `upload_url` becomes `audio_url`. */
  async uploadFile(audio: string | File | Blob): Promise<PreRecordedV2AudioUploadResponse> {
    if (typeof audio === "string" && isHttpUrl(audio)) {
      throw new Error("Expected a file path; URLs are not accepted by uploadFile. Use a local file path, File, or Blob.");
    }
    const [uploadUrl, size] = await Promise.all([this.assemblyai.files.upload(audio), byteSize(audio)]);
    const filename = fileName(audio);
    const extension = /\.([^./\\]+)$/.exec(filename)?.[1] ?? "";
    return {
      audio_url: uploadUrl,
      audio_metadata: {
        id: uploadUrl.split("/").pop() ?? uploadUrl,
        filename,
        extension,
        size,
        audio_duration: null,
        number_of_channels: null,
      },
    };
  }

  /** Submits the mapped request; Gladia's `{id, result_url}`. */
  async create(options: PreRecordedV2InitTranscriptionRequest): Promise<PreRecordedV2InitTranscriptionResponse> {
    return this.createUntyped(options as unknown as Json);
  }

  async createUntyped(options: Record<string, unknown>): Promise<PreRecordedV2InitTranscriptionResponse> {
    // Gladia always returns utterances; AssemblyAI only with speaker labels.
    const { params, notes } = toAssemblyAIParams(options, { readsUtterances: true });
    warnOnce(notes.filter((n) => n.kind === "marker" && !HANDLED_BY_CLIENT.includes(n.rule)).map((n) => n.rule));
    if (params.webhook_url !== undefined) warnOnce(["callback-payload"]);
    const transcript = await this.assemblyai.transcripts.submit(params as unknown as SubmitParams);
    this.memory.remember(transcript.id, JSON.parse(JSON.stringify(options)) as Json);
    return { id: transcript.id, result_url: `${this.baseUrl}/v2/transcript/${transcript.id}` };
  }

  async get(jobId: string): Promise<PreRecordedV2Response> {
    return this.toJob(await this.assemblyai.transcripts.get(jobId));
  }

  /** Polls until done; throws like Gladia's SDK on a failed job or when `timeout` passes. */
  async poll(jobId: string, { interval = DEFAULT_POLL_INTERVAL_MS, timeout }: PollOptions = {}): Promise<PreRecordedV2Response> {
    const deadline = this.deadline(timeout, "poll");
    let transcript: Transcript;
    try {
      transcript = await this.assemblyai.transcripts.waitUntilReady(jobId, {
        pollingInterval: interval,
        pollingTimeout: deadline === null ? -1 : Math.max(deadline, 1),
      });
    } catch (error) {
      if ((error as Error).message === "Polling timeout") {
        throw new Error(`Pre-recorded job ${jobId} did not complete within ${deadline}ms`);
      }
      throw error;
    }
    const job = await this.toJob(transcript);
    if (job.status === "error") {
      // Gladia's exact message; AssemblyAI's reason is the `cause` (and post_session_metadata.error).
      throw new Error(`Pre-recorded job ${jobId} failed with error code: ${job.error_code}`, { cause: transcript.error });
    }
    return job;
  }

  async createAndPoll(options: PreRecordedV2InitTranscriptionRequest, poll: PollOptions = {}): Promise<PreRecordedV2Response> {
    return this.createAndPollUntyped(options as unknown as Json, poll);
  }

  async createAndPollUntyped(options: Record<string, unknown>, { interval, timeout }: PollOptions = {}): Promise<PreRecordedV2Response> {
    const { id } = await this.createUntyped(options);
    return this.poll(id, { interval, timeout: this.deadline(timeout, "createAndPoll") });
  }

  /** An http(s) URL is transcribed as is; a path, `File` or `Blob` is uploaded first. */
  async transcribe(
    audio: string | File | Blob,
    options?: Omit<PreRecordedV2InitTranscriptionRequest, "audio_url">,
    poll: PollOptions = {},
  ): Promise<PreRecordedV2Response> {
    return this.transcribeUntyped(audio, options as Json | undefined, poll);
  }

  async transcribeUntyped(audio: string | File | Blob, options?: Record<string, unknown>, { interval, timeout }: PollOptions = {}): Promise<PreRecordedV2Response> {
    const audioUrl = typeof audio === "string" && isHttpUrl(audio) ? audio : (await this.uploadFile(audio)).audio_url;
    return this.createAndPollUntyped({ ...(options ?? {}), audio_url: audioUrl }, { interval, timeout: this.deadline(timeout, "transcribe") });
  }

  /** AssemblyAI answers with the scrubbed transcript: `true` once it did (errors throw). */
  async delete(jobId: string): Promise<boolean> {
    await this.assemblyai.transcripts.delete(jobId);
    this.memory.forget(jobId);
    return true;
  }

  /** One page, newest first; `next` is the page of older jobs. Items carry no `result`. */
  async list(params: PreRecordedV2ListParams = {}): Promise<PreRecordedV2ListResponse> {
    const page = await this.assemblyai.transcripts.list(params.url ?? listParams(params));
    const current = page.page_details.current_url;
    return {
      first: withoutCursor(current),
      current,
      next: page.page_details.prev_url,
      items: page.transcripts.map(listItemJob),
    };
  }

  async getFile(_jobId: string): Promise<ArrayBuffer> {
    throw new Error(getRule("sdk-get-file").message);
  }

  private deadline(timeout: number | null | undefined, flow: "poll" | "createAndPoll" | "transcribe"): number | null {
    if (timeout !== undefined) return timeout;
    return this.timeouts[flow] ?? DEFAULT_FLOW_TIMEOUT_MS;
  }

  /** A transcript as a Gladia job, with the request echo, subtitles and sentences of jobs created here. */
  private async toJob(transcript: Transcript): Promise<PreRecordedV2Response> {
    const remembered = this.memory.get(transcript.id);
    if (!remembered) return toGladiaJob(transcript);
    if (transcript.status === "completed") remembered.extras ??= await this.fetchExtras(transcript.id, remembered.request);
    return toGladiaJob(transcript, { request: remembered.request, ...remembered.extras });
  }

  /** What AssemblyAI serves from other endpoints (subtitles, sentences) when the Gladia request asked for it. */
  private async fetchExtras(id: string, request: Json): Promise<GladiaResultExtras> {
    const extras: GladiaResultExtras = {};
    const wanted = requestedSubtitles(request);
    if (wanted) {
      const files = await Promise.all(wanted.formats.map((f) => this.assemblyai.transcripts.subtitles(id, f, wanted.charsPerCaption)));
      extras.subtitles = Object.fromEntries(wanted.formats.map((f, i) => [f, files[i]]));
    }
    if (request.sentences === true) extras.sentences = (await this.assemblyai.transcripts.sentences(id)).sentences.map((s) => s.text);
    return extras;
  }
}

/** Gladia list filters → AssemblyAI's; filters AssemblyAI cannot apply throw instead of being ignored. */
function listParams(params: PreRecordedV2ListParams): ListTranscriptParams {
  const unsupported = (["before_date", "after_date", "custom_metadata"] as const).filter((k) => params[k] !== undefined);
  if (params.offset) unsupported.push("offset" as never);
  if ((params.status?.length ?? 0) > 1) unsupported.push("status" as never);
  if (unsupported.length) {
    throw new Error(`list(): ${unsupported.join(", ")} cannot be applied by AssemblyAI. ${getRule("list-pagination").message}`);
  }
  const status = params.status?.[0];
  return {
    ...(params.limit !== undefined ? { limit: params.limit } : {}),
    ...(params.date !== undefined ? { created_on: params.date } : {}),
    ...(status ? { status: STATUS_MAP[status] as ListTranscriptParams["status"] } : {}),
  };
}

function withoutCursor(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete("before_id");
  parsed.searchParams.delete("after_id");
  return parsed.toString();
}

/**
 * AssemblyAI lists dates as UTC without a zone suffix; the SDK's `new Date(…)` reads such a string as
 * local time. Rebuild the UTC instant from the local fields it parsed.
 */
function utcIso(date: Date | string | null): string | null {
  if (date === null) return null;
  const d = new Date(date);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds())).toISOString();
}

function listItemJob(item: TranscriptListItem): PreRecordedV2Response {
  const transcript = { id: item.id, status: item.status, audio_url: item.audio_url, error: item.error ?? undefined } as Transcript;
  return { ...gladiaJobFields(transcript), created_at: utcIso(item.created), completed_at: utcIso(item.completed), result: null };
}

/** Entry point with `@gladiaio/sdk`'s `GladiaClient` surface (pre-recorded only). */
export class GladiaClient {
  constructor(private readonly options: GladiaClientOptions = {}) {}

  preRecordedV2(options?: GladiaClientOptions): PreRecordedV2Client {
    const prerecordedTimeouts = { ...this.options.prerecordedTimeouts, ...options?.prerecordedTimeouts };
    return new PreRecordedV2Client({ ...this.options, ...options, prerecordedTimeouts });
  }

  preRecorded = (options?: GladiaClientOptions): PreRecordedV2Client => this.preRecordedV2(options);

  liveV2(_options?: GladiaClientOptions): never {
    throw new Error(`gladia-to-assemblyai/runtime does not support live transcription. ${getRule("sdk-live").message}`);
  }

  live = (options?: GladiaClientOptions): never => this.liveV2(options);
}

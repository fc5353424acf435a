// Job and upload bookkeeping shared by both emulators. Status is driven by the number of GETs of a job
// (no timers): creation → queued, then "processing", and the final state after `pollsBeforeDone` GETs.
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";

/** API-neutral statuses; Gladia calls "completed" "done". */
export type JobStatus = "queued" | "processing" | "completed" | "error";

export type FailureKind = "download" | "transcoding";

export interface Upload {
  id: string;
  size: number;
  filename?: string;
  isAudio: boolean;
}

export interface Job<Params> {
  id: string;
  params: Params;
  audioUrl: string;
  upload?: Upload;
  failure?: FailureKind;
  createdAt: Date;
  completedAt?: Date;
  polls: number;
  final: boolean;
}

// Magic numbers of common audio/video containers: RIFF/WAVE, MP3 (ID3 tag or frame sync), Ogg, FLAC,
// MP4/M4A (`ftyp` at offset 4), Matroska/WebM.
const AUDIO_SIGNATURES: Array<(b: Buffer) => boolean> = [
  (b) => b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WAVE",
  (b) => b.toString("latin1", 0, 3) === "ID3",
  (b) => b[0] === 0xff && (b[1] & 0xe0) === 0xe0,
  (b) => b.toString("latin1", 0, 4) === "OggS",
  (b) => b.toString("latin1", 0, 4) === "fLaC",
  (b) => b.toString("latin1", 4, 8) === "ftyp",
  (b) => b.readUInt32BE(0) === 0x1a45dfa3,
];

export function isAudioContainer(bytes: Buffer): boolean {
  return bytes.length >= 12 && AUDIO_SIGNATURES.some((matches) => matches(bytes));
}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  add(bytes: Buffer, filename?: string): Upload {
    const upload = { id: randomUUID(), size: bytes.length, filename, isAudio: isAudioContainer(bytes) };
    this.uploads.set(upload.id, upload);
    return upload;
  }

  /** A file Gladia fetched from a URL on the client's behalf (JSON upload): assumed to be audio. */
  addRemote(filename: string): Upload {
    const upload = { id: randomUUID(), size: 0, filename, isAudio: true };
    this.uploads.set(upload.id, upload);
    return upload;
  }

  /** The upload a URL points to, if it ends with one of our upload ids. */
  findByUrl(url: string): Upload | undefined {
    const id = url.split(/[/?#]/).find((part) => this.uploads.has(part));
    return id ? this.uploads.get(id) : undefined;
  }
}

/** Hosts of both APIs' uploaded files: private to the uploader's account, so another party cannot fetch them. */
export const UPLOAD_HOSTS = ["api.gladia.io", "cdn.assemblyai.com"];

/**
 * Why a job fails, or undefined: audio URLs containing "fail" cannot be downloaded; uploads that are not an
 * audio container cannot be transcoded; upload URLs this emulator never issued (including the other API's
 * uploads) cannot be downloaded.
 */
export function getFailure(audioUrl: string, upload: Upload | undefined): FailureKind | undefined {
  if (/fail/i.test(audioUrl)) return "download";
  if (upload) return upload.isAudio ? undefined : "transcoding";
  if (URL.canParse(audioUrl) && UPLOAD_HOSTS.includes(new URL(audioUrl).host)) return "download";
  return undefined;
}

export class JobStore<Params> extends EventEmitter<{ final: [Job<Params>] }> {
  private readonly jobs = new Map<string, Job<Params>>();

  constructor(private readonly pollsBeforeDone: number) {
    super();
  }

  create(params: Params, audioUrl: string, upload: Upload | undefined, failure: FailureKind | undefined): Job<Params> {
    const job: Job<Params> = { id: randomUUID(), params, audioUrl, upload, failure, createdAt: new Date(), polls: 0, final: false };
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): Job<Params> | undefined {
    return this.jobs.get(id);
  }

  delete(id: string): boolean {
    return this.jobs.delete(id);
  }

  list(): Job<Params>[] {
    return [...this.jobs.values()].reverse();
  }

  /** Counts one GET of the job and moves it along. */
  poll(job: Job<Params>): void {
    job.polls += 1;
    if (job.polls > this.pollsBeforeDone) this.finish(job);
  }

  /** Moves a job straight to its final state (used for jobs that asked for a callback/webhook). */
  finish(job: Job<Params>): void {
    if (job.final) return;
    job.final = true;
    job.completedAt = new Date();
    this.emit("final", job);
  }

  statusOf(job: Job<Params>): JobStatus {
    if (job.final) return job.failure ? "error" : "completed";
    return job.polls >= 1 && (job.polls > 1 || this.pollsBeforeDone < 2) ? "processing" : "queued";
  }
}

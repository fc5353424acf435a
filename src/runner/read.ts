import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import type { FileResult } from "../core/types.js";
import { scanMarkers } from "../core/markers.js";
import { MARKER_PREFIX } from "../mapping/transport.js";
import type { DiscoveredFile } from "./discover.js";

// The main thread reads every discovered file once and keeps only the candidates: files whose
// plug-in's cheap string check says they may concern Gladia. Everything else is settled here.
// Reading is the hot loop of a large run: one open (never through a symlink), reads into one
// shared buffer, one close; a file's stats are taken only when it is a candidate.

export interface SourceStats {
  size: number;
  mode: number;
  mtimeMs: number;
}

export type ReadOutcome = { candidate: true; text: string; stats: SourceStats } | { candidate: false; result?: FileResult };

const BINARY_SNIFF_BYTES = 8192;
// O_NOFOLLOW: a symlink fails with ELOOP instead of being followed; O_NONBLOCK: a FIFO cannot hang the run.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

export function fileResult(file: Pick<DiscoveredFile, "displayPath" | "entry">, status: FileResult["status"], extra: Partial<FileResult> = {}): FileResult {
  return { path: file.displayPath, status, language: file.entry.name, steps: [], markers: [], notes: [], secretLines: [], ...extra };
}

/** Reads up to `buffer.length` bytes; returns how many. */
function readInto(fd: number, buffer: Buffer): number {
  let length = 0;
  let chunk: number;
  while (length < buffer.length && (chunk = readSync(fd, buffer, length, buffer.length - length, length)) > 0) length += chunk;
  return length;
}

export class SourceReader {
  /** One more byte than the limit, to tell "exactly the limit" from "larger". */
  private buffer: Buffer;

  constructor(private maxFileSize: number) {
    this.buffer = Buffer.allocUnsafe(maxFileSize + 1);
  }

  read(file: DiscoveredFile): ReadOutcome {
    let fd: number;
    try {
      fd = openSync(file.absPath, OPEN_FLAGS);
    } catch (error) {
      return this.openFailed(file, error as NodeJS.ErrnoException);
    }
    try {
      return this.classify(file, fd, readInto(fd, this.buffer));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A directory (a submodule, say) is not a file to migrate; anything else is a failure.
      if (code === "EISDIR" || code === "EAGAIN") return { candidate: false };
      return { candidate: false, result: fileResult(file, "failed", { reason: `unreadable (${code ?? (error as Error).message})` }) };
    } finally {
      closeSync(fd);
    }
  }

  private openFailed(file: DiscoveredFile, error: NodeJS.ErrnoException): ReadOutcome {
    if (error.code === "ELOOP") return { candidate: false, result: fileResult(file, "skipped", { reason: "symbolic link (not followed)" }) };
    if (error.code === "ENOENT") return { candidate: false }; // listed by git, deleted from the work tree
    return { candidate: false, result: fileResult(file, "failed", { reason: `unreadable (${error.code ?? error.message})` }) };
  }

  private classify(file: DiscoveredFile, fd: number, length: number): ReadOutcome {
    if (length > this.maxFileSize) {
      const size = fstatSync(fd).size;
      return { candidate: false, result: fileResult(file, "skipped", { reason: `larger than the size limit (${size} > ${this.maxFileSize} bytes)` }) };
    }
    if (this.buffer.subarray(0, Math.min(length, BINARY_SNIFF_BYTES)).includes(0)) {
      return { candidate: false, result: fileResult(file, "skipped", { reason: "binary file" }) };
    }
    const text = this.buffer.toString("utf8", 0, length);
    if (file.entry.mayConcern(text, file.relPath)) {
      const { size, mode, mtimeMs } = fstatSync(fd);
      return { candidate: true, text, stats: { size, mode, mtimeMs } };
    }
    // Markers left by an earlier run still count (for --check), even where the pre-filter says no.
    const markers = text.includes(MARKER_PREFIX) ? scanMarkers(text) : [];
    return { candidate: false, result: fileResult(file, "unchanged", { markers }) };
  }
}

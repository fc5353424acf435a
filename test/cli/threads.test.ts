import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { FILES_PER_THREAD } from "../../src/runner/pool.js";
import { BIN, GLADIA_JS, makeProject } from "./helpers.js";

// How a run spreads its work over threads (the type pass in its own thread, started during the
// read loop; candidates transformed meanwhile by the main thread, workers once there are enough)
// must never show in its results.

const TYPES = "export interface Job { id: string; result?: { transcription: { full_transcript: string } } }\n";
const CONSUMER = 'import type { Job } from "./types";\n\nexport const textOf = (job: Job) => job.result?.transcription.full_transcript;\n';
/** Names Gladia, so it is transformed before the pass is over; the pass then gives it hints. */
const NOTES = "// Meeting notes from a finished Gladia job.\nexport function textOf(job) {\n  return job.result.transcription.full_transcript;\n}\n";
const SHOW = 'import type { Job } from "./types";\nimport { textOf } from "./notes.js";\n\nexport const show = (job: Job) => textOf(job);\n';

/** The JSON of a dry run; a run a thread keeps alive is killed after a minute, and fails. */
function jsonOf(dir: string, args: string[]): string {
  const result = spawnSync(process.execPath, [BIN, "--dry-run", "--no-report", "--json", ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe("threads", () => {
  it("gives the same results with one job, two jobs and a worker pool", () => {
    const many = Object.fromEntries(Array.from({ length: 2 * FILES_PER_THREAD }, (_, i) => [`src/settings${i}.ts`, GLADIA_JS]));
    const files = { "src/types.ts": TYPES, "src/consumer.ts": CONSUMER, "src/notes.js": NOTES, "src/show.ts": SHOW };
    const few = makeProject(files);
    const single = jsonOf(few, ["-j", "1"]);
    expect(JSON.parse(single).typePass.found).toEqual(["src/consumer.ts", "src/notes.js", "src/show.ts", "src/types.ts"]);
    expect(jsonOf(few, ["-j", "2"])).toBe(single);
    const pooled = makeProject({ ...files, ...many });
    const pooledSingle = jsonOf(pooled, ["-j", "1"]);
    expect(jsonOf(pooled, ["-j", "2"])).toBe(pooledSingle);
    expect(JSON.parse(pooledSingle).files.find((file: { path: string }) => file.path === "src/notes.js").diff).toContain("+  return job.text;");
  });

  it("ends when the type pass's thread, started early, gets no TypeScript to analyse", () => {
    const dir = makeProject({ "a.js": NOTES });
    expect(JSON.parse(jsonOf(dir, [])).typePass).toMatchObject({ analysed: 1, found: [] });
  });
});

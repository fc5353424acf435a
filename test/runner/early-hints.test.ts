import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

// A file the type pass gives hints, taken early by no thread yet, must run once, with its hints,
// whatever the run awaits between the pass's end and the settling of its results (here the
// `onCandidates` hook, which waits until the main thread has run that file). The built modules
// run in process (the threads load them), with the transform of a file and the pass watched.

const watched = vi.hoisted(() => {
  let passOver!: () => void;
  const over = new Promise<void>((resolve) => (passOver = resolve));
  return { runs: [] as { path: string; hinted: boolean }[], over, passOver };
});

vi.mock(import("../../dist/src/runner/type-pass.js"), async (original) => {
  const real = await original();
  return {
    ...real,
    runTypePass: async (...args: Parameters<typeof real.runTypePass>) => {
      const outcome = await real.runTypePass(...args);
      watched.passOver();
      return outcome;
    },
  };
});

vi.mock(import("../../dist/src/runner/process-file.js"), async (original) => {
  const real = await original();
  return {
    ...real,
    // The first file the main thread takes (the Python one, queued first) holds it until the pass is over.
    processFile: async (task: Parameters<typeof real.processFile>[0]) => {
      watched.runs.push({ path: task.relPath, hinted: task.options.hints !== undefined });
      if (watched.runs.length === 1) await watched.over;
      return real.processFile(task);
    },
  };
});

const TYPES = "export interface Job { id: string; result?: { transcription: { full_transcript: string } } }\n";
const SHOW = 'import type { Job } from "./types";\nimport { textOf } from "./notes.js";\n\nexport const show = (job: Job) => textOf(job);\n';
const NOTES = "// Meeting notes from a finished Gladia job.\nexport function textOf(job) {\n  return job.result.transcription.full_transcript;\n}\n";
const PYTHON = 'import os\n\nGLADIA_KEY = os.environ["GLADIA_API_KEY"]\n';

const ROOT = mkdtempSync(join(tmpdir(), "g2a-early-hints-"));
for (const [path, text] of Object.entries({ "types.ts": TYPES, "show.ts": SHOW, "notes.js": NOTES, "app.py": PYTHON })) writeFileSync(join(ROOT, path), text);
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

async function untilRan(path: string): Promise<void> {
  for (let turn = 0; turn < 10_000 && !watched.runs.some((run) => run.path === path); turn++) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe("hints of the type pass", () => {
  it("reach a queued early job as soon as the pass is over: the file runs once, with them", async () => {
    const { run } = await import("../../dist/src/runner/run.js");
    const options = { paths: [ROOT], mode: "dry-run" as const, jobs: 2, ignore: [], maxFileSize: 1 << 20, format: false, transform: { strategy: "native" as const }, cwd: ROOT };
    const result = await run(options, { onCandidates: () => untilRan("notes.js") });
    expect(result.typePass?.found).toContain("notes.js");
    expect(watched.runs[0].path).toBe("app.py");
    expect(watched.runs.filter((run) => run.path === "notes.js")).toEqual([{ path: "notes.js", hinted: true }]);
    expect(result.files.find((file) => file.path === "notes.js")?.diff).toContain("+  return job.text;");
  });
});

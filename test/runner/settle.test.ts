import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyseProject } from "../../src/analysis/index.js";
import type { FileResult } from "../../src/core/types.js";
import { entryFor } from "../../src/languages/registry.js";
import { Pool } from "../../src/runner/pool.js";
import { Settlement, type Candidate } from "../../src/runner/settle.js";

// Code files start transforming before the type pass is over, without hints. A file the pass then
// gives hints must end up with the result of a run with them, whether or not a thread had already
// taken its early run. The main thread takes queued tasks one at a time, in order: once a task
// submitted after the early ones has run, every early one has been taken.

const TYPES = "export interface Job { id: string; result?: { transcription: { full_transcript: string } } }\n";
const SHOW = 'import type { Job } from "./types";\nimport { textOf } from "./notes.js";\n\nexport const show = (job: Job) => textOf(job);\n';
/** Names Gladia (a candidate of the pre-filter) but reads the job only through the caller's type. */
const NOTES = "// Meeting notes from a finished Gladia job.\nexport function textOf(job) {\n  return job.result.transcription.full_transcript;\n}\n";

const FILES = { "types.ts": TYPES, "show.ts": SHOW, "notes.js": NOTES };
/** The type pass resolves imports on disk. */
const ROOT = mkdtempSync(join(tmpdir(), "g2a-settle-"));
for (const [path, text] of Object.entries(FILES)) writeFileSync(join(ROOT, path), text);
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

function candidate(relPath: string, text: string): Candidate {
  const file = { root: ROOT, absPath: `${ROOT}/${relPath}`, relPath, displayPath: relPath, entry: entryFor(relPath)! };
  return { file, text, stats: { size: text.length, mode: 0o644, mtimeMs: 0 } };
}

async function hintsOfNotes() {
  const texts = new Map(Object.entries(FILES));
  const hints = (await analyseProject(ROOT, [...texts.keys()], texts)).get("notes.js");
  expect(hints).toBeDefined();
  return hints!;
}

/** Settles `notes.js` started early; `beforeHints` runs once the early runs are queued. */
async function settleNotes(beforeHints: (pool: Pool) => Promise<void>): Promise<FileResult> {
  const pool = await Pool.open(0);
  const settlement = new Settlement(pool, { mode: "dry-run", jobs: 1, format: false, transform: { strategy: "native" }, manifests: [] });
  const notes = candidate("notes.js", NOTES);
  settlement.startEarly([notes], () => 1);
  await beforeHints(pool);
  notes.hints = await hintsOfNotes();
  pool.useMainThread(true);
  const results: FileResult[] = [];
  await settlement.settle([notes], (_, result) => results.push(result));
  await pool.close();
  return results[0];
}

describe("settling candidates started before the type pass", () => {
  it("runs a file again with its hints when a thread already took its early run", async () => {
    const result = await settleNotes(async (pool) => {
      pool.useMainThread(true);
      const after = pool.submit({ relPath: "x.js", displayPath: "x.js", absPath: `${ROOT}/x.js`, language: "javascript", text: "", options: { strategy: "native" }, format: false });
      await after.result;
      pool.useMainThread(false);
    });
    expect(result).toMatchObject({ status: "changed", steps: ["types"] });
    expect(result.diff).toContain(`+  return job.text;`);
  });

  it("gives the hints to the early run itself when no thread took it yet", async () => {
    const result = await settleNotes(async () => {});
    expect(result).toMatchObject({ status: "changed", steps: ["types"] });
    expect(result.diff).toContain(`+  return job.text;`);
  });

  it("a file without hints keeps its early result", async () => {
    const pool = await Pool.open(0);
    const settlement = new Settlement(pool, { mode: "dry-run", jobs: 1, format: false, transform: { strategy: "native" }, manifests: [] });
    const notes = candidate("notes.js", NOTES);
    settlement.startEarly([notes], () => 1);
    pool.useMainThread(true);
    const results: FileResult[] = [];
    await settlement.settle([notes], (_, result) => results.push(result));
    await pool.close();
    expect(results[0].diff ?? "").not.toContain("job.text");
  });
});

describe("early runs", () => {
  it("are queued lowest hint rank first, in candidate order within a rank", async () => {
    const queued: string[] = [];
    const pool = { submit: (task: { relPath: string }) => (queued.push(task.relPath), { task, taken: false, result: new Promise(() => {}) }) } as unknown as Pool;
    const settlement = new Settlement(pool, { mode: "dry-run", jobs: 1, format: false, transform: { strategy: "native" }, manifests: [] });
    const ranks: Record<string, number> = { "a.ts": 3, "b.js": 1, "c.py": 0, "d.ts": 2, "e.js": 1, "package.json": 0 };
    const candidates = Object.keys(ranks).map((path) => candidate(path, ""));
    settlement.startEarly(candidates, (c) => ranks[c.file.relPath]);
    expect(queued).toEqual(["c.py", "b.js", "e.js", "d.ts", "a.ts"]); // manifests wait for the code
  });
});

describe("the pool", () => {
  it("changes a job's task while no thread has taken it, and runs a new job once one has", async () => {
    const pool = await Pool.open(0);
    const task = (text: string) => ({ relPath: "a.js", displayPath: "a.js", absPath: `${ROOT}/a.js`, language: "javascript", text, options: { strategy: "native" as const }, format: false });
    const job = pool.submit(task("// gladia\nconst key = process.env.GLADIA_API_KEY;\n"));
    expect(pool.resubmit(job, task("// gladia 2\nconst key = process.env.GLADIA_API_KEY;\n"))).toBe(job);
    pool.useMainThread(true);
    expect((await job.result).newText).toContain("gladia 2");
    const again = pool.resubmit(job, task("// gladia 3\nconst key = process.env.GLADIA_API_KEY;\n"));
    expect(again).not.toBe(job);
    expect((await again.result).newText).toContain("gladia 3");
    await pool.close();
  });
});

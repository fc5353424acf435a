import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers.js";

// The launcher tunes V8's tiering for the whole process (src/core/tiering.ts). V8 reports a flag it
// does not know (a Node upgrade that renames it) only as a line on stderr and goes on untuned.
// V8's flags show in `cachedDataVersionTag()`: the tag changes with them.

function runModule(script: string): { stdout: string; stderr: string } {
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
}

const TIERING_URL = pathToFileURL(join(REPO_ROOT, "dist/src/core/tiering.js")).href;

/**
 * In a new process: `before` (module code; `tiering` and `cachedDataVersionTag` in scope), then a
 * worker given `tieringData()` runs `inWorker` (`t`, `tag` and `parentPort` in scope; it posts one
 * value, `posted`), then the process prints `report` (an expression) as JSON, which is returned.
 */
function withAWorker(before: string, inWorker: string, report: string): unknown {
  const workerCode = `const { cachedDataVersionTag: tag } = await import("node:v8"); const { parentPort } = await import("node:worker_threads"); const t = await import(${JSON.stringify(TIERING_URL)}); ${inWorker}`;
  const script = `
    const { cachedDataVersionTag } = await import("node:v8");
    const { Worker } = await import("node:worker_threads");
    const tiering = await import("./dist/src/core/tiering.js");
    ${before}
    const worker = new Worker(${JSON.stringify(workerCode)}, { eval: true, workerData: tiering.tieringData() });
    worker.once("message", (posted) => {
      console.log(JSON.stringify(${report}));
      void worker.terminate();
    });`;
  const { stdout, stderr } = runModule(script);
  expect(stderr).toBe("");
  return JSON.parse(stdout);
}

/** Tags: at start, after `tune` (or not), as a worker starts, once the worker has set itself up. */
function tagsAroundAWorker(tune: boolean): Record<"untuned" | "before" | "atStart" | "afterStart", number> {
  const before = `const untuned = cachedDataVersionTag(); if (${tune}) tiering.tuneTiering(); const before = cachedDataVersionTag(); tiering.beforeNewThread(); const atStart = cachedDataVersionTag();`;
  return withAWorker(before, "t.tuneAsParent(); parentPort.postMessage(0);", "{ untuned, before, atStart, afterStart: cachedDataVersionTag() }") as ReturnType<typeof tagsAroundAWorker>;
}

describe("V8 tiering", () => {
  it("is a setting this Node's V8 knows and accepts", () => {
    const result = runModule("const { tuneTiering } = await import('./dist/src/core/tiering.js'); tuneTiering(); console.log('tuned');");
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("tuned\n");
  });

  it("is V8's default while a worker of a tuned thread sets up (Node's code cache is taken then), tuned again after", () => {
    const tags = tagsAroundAWorker(true);
    expect(tags.before).not.toBe(tags.untuned);
    expect(tags.atStart).toBe(tags.untuned);
    expect(tags.afterStart).toBe(tags.before);
  });

  it("loads the Node modules a worker names before it tunes itself", () => {
    const inWorker = `const loaded = () => process.moduleLoadList.includes("NativeModule perf_hooks"); const before = [loaded(), tag()];
      t.tuneAsParent(["node:perf_hooks"]); parentPort.postMessage([...before, loaded(), tag()]);`;
    const states = withAWorker("tiering.tuneTiering(); tiering.beforeNewThread();", inWorker, "posted");
    const [loadedBefore, tagBefore, loadedAfter, tagAfter] = states as [boolean, number, boolean, number];
    expect([loadedBefore, loadedAfter]).toEqual([false, true]);
    expect(tagAfter).not.toBe(tagBefore);
  });

  it("stays V8's default in a process that never tuned it (a library user's)", () => {
    const tags = tagsAroundAWorker(false);
    expect(new Set(Object.values(tags)).size).toBe(1);
  });
});

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers.js";

// The launcher tunes V8's tiering for the whole process (src/core/tiering.ts). V8 reports a flag it
// does not know (a Node upgrade that renames it) only as a line on stderr and goes on untuned.
// V8's flags show in `cachedDataVersionTag()`: the tag changes with them.

function runModule(script: string): { stdout: string; stderr: string } {
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
}

/** Tags: at start, after `tune` (or not), as a worker starts, once the worker has set itself up. */
function tagsAroundAWorker(tune: boolean): Record<"untuned" | "before" | "atStart" | "afterStart", number> {
  const script = `
    const { cachedDataVersionTag } = await import("node:v8");
    const { Worker } = await import("node:worker_threads");
    const tiering = await import("./dist/src/core/tiering.js");
    const untuned = cachedDataVersionTag();
    if (${tune}) tiering.tuneTiering();
    const before = cachedDataVersionTag();
    tiering.beforeNewThread();
    const atStart = cachedDataVersionTag();
    const url = new URL("./dist/src/core/tiering.js", "file://" + process.cwd() + "/").href;
    const code = "const t = await import(" + JSON.stringify(url) + "); t.tuneAsParent(); (await import('node:worker_threads')).parentPort.postMessage(0);";
    const worker = new Worker(code, { eval: true, workerData: tiering.tieringData() });
    worker.once("message", () => {
      console.log(JSON.stringify({ untuned, before, atStart, afterStart: cachedDataVersionTag() }));
      void worker.terminate();
    });`;
  const { stdout, stderr } = runModule(script);
  expect(stderr).toBe("");
  return JSON.parse(stdout) as ReturnType<typeof tagsAroundAWorker>;
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
    const script = `
      const { Worker } = await import("node:worker_threads");
      const tiering = await import("./dist/src/core/tiering.js");
      tiering.tuneTiering();
      tiering.beforeNewThread();
      const url = new URL("./dist/src/core/tiering.js", "file://" + process.cwd() + "/").href;
      const code = "const { cachedDataVersionTag: tag } = await import('node:v8'); const t = await import(" + JSON.stringify(url) + ");" +
        "const loaded = () => process.moduleLoadList.includes('NativeModule perf_hooks'); const before = [loaded(), tag()];" +
        "t.tuneAsParent(['node:perf_hooks']); (await import('node:worker_threads')).parentPort.postMessage([...before, loaded(), tag()]);";
      const worker = new Worker(code, { eval: true, workerData: tiering.tieringData() });
      worker.once("message", (states) => { console.log(JSON.stringify(states)); void worker.terminate(); });`;
    const { stdout, stderr } = runModule(script);
    expect(stderr).toBe("");
    const [loadedBefore, tagBefore, loadedAfter, tagAfter] = JSON.parse(stdout) as [boolean, number, boolean, number];
    expect([loadedBefore, loadedAfter]).toEqual([false, true]);
    expect(tagAfter).not.toBe(tagBefore);
  });

  it("stays V8's default in a process that never tuned it (a library user's)", () => {
    const tags = tagsAroundAWorker(false);
    expect(new Set(Object.values(tags)).size).toBe(1);
  });
});

// The type pass's thread (see type-pass-thread.ts): loads the analysis (ts-morph) at once, then
// analyses the one input it is sent and posts the hints back.
import { parentPort } from "node:worker_threads";
import { tuneAsParent } from "../core/tiering.js";
import type { TypePassInput } from "./type-pass-thread.js";

// Node's modules the pass loads after this (the code cache's, the compiler's, the candidates'
// reads), from Node's built-in code cache: ~27 ms less CPU in this thread on the benchmark's (b).
tuneAsParent(["node:crypto", "node:fs/promises", "node:module", "node:os", "node:perf_hooks", "node:vm"]);

const loading = import("../analysis/project.js").then(() => import("../analysis/index.js"));
loading.catch(() => {}); // a failed load is the pass's error, reported when it runs

parentPort!.once("message", async ({ root, files, texts }: TypePassInput) => {
  const { analyseProject } = await loading;
  const hints = await analyseProject(root, files, new Map(texts));
  parentPort!.postMessage([...hints]);
});

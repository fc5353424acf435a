// The type pass's thread (see type-pass-thread.ts): loads the analysis (ts-morph) at once, then
// analyses the one input it is sent and posts the hints back.
import { parentPort } from "node:worker_threads";
import { tuneAsParent } from "../core/tiering.js";
import type { TypePassInput } from "./type-pass-thread.js";

tuneAsParent();

const loading = import("../analysis/project.js").then(() => import("../analysis/index.js"));
loading.catch(() => {}); // a failed load is the pass's error, reported when it runs

parentPort!.once("message", async ({ root, files, texts }: TypePassInput) => {
  const { analyseProject } = await loading;
  const hints = await analyseProject(root, files, new Map(texts));
  parentPort!.postMessage([...hints]);
});

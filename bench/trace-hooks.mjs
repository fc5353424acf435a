// Loader hooks for trace-modules.mjs: records each ESM module loaded from node_modules.
import { appendFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.includes("/node_modules/")) {
    appendFileSync(process.env.BENCH_TRACE_FILE, `${fileURLToPath(url)}\n`);
  }
  return nextLoad(url, context);
}

// Preload (`node --import ./bench/trace-modules.mjs ...`) that appends the path of every module
// loaded from node_modules to the file named by BENCH_TRACE_FILE: ESM through a loader hook, CJS by
// wrapping Module.prototype.load. Worker threads inherit --import, so they are traced too.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const traceFile = process.env.BENCH_TRACE_FILE;
if (traceFile) {
  register("./trace-hooks.mjs", import.meta.url);
  const load = Module.prototype.load;
  Module.prototype.load = function tracedLoad(filename) {
    if (filename.includes("/node_modules/")) appendFileSync(traceFile, `${filename}\n`);
    return load.call(this, filename);
  };
}

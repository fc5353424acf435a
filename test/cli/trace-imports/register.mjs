// `node --import ./register.mjs …`: records every module the process loads into the file named by
// $TRACE_IMPORTS (for the lazy-loading test): ESM resolutions through a loader hook, CommonJS ones
// (`createRequire(…)(…)`, which skips the ESM loader) through Module._resolveFilename.
import { appendFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import Module, { register } from "node:module";
import { pathToFileURL } from "node:url";

register("./hooks.mjs", import.meta.url);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const filename = resolveFilename.apply(this, args);
  if (process.env.TRACE_IMPORTS && isAbsolute(filename)) appendFileSync(process.env.TRACE_IMPORTS, `${pathToFileURL(filename).href}\n`);
  return filename;
};

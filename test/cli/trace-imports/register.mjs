// `node --import ./register.mjs …`: records every module URL the ESM loader resolves into the file
// named by $TRACE_IMPORTS (for the lazy-loading test).
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);

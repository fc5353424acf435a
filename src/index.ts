// The library surface: run the migration from code, or reuse its pieces (mapping, per-file transform).
export { run, type RunOptions, type RunHooks } from "./runner/run.js";
export type { RunResult } from "./report/types.js";
export { processText } from "./core/process-text.js";
export type { FileResult, LanguagePlugin, TransformOptions, TransformOutput } from "./core/types.js";
export { REGISTRY, entryFor, loadLanguage } from "./languages/registry.js";
export * as mapping from "./mapping/index.js";

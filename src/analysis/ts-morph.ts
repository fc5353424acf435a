import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { requireCached } from "../core/code-cache.js";

// ts-morph is CommonJS: `require` loads it in about half the time of an ESM import, which first
// scans its source for named exports (hundreds of ms on every run that has a type pass). Its three
// files load from a V8 code cache (see code-cache.ts): the TypeScript compiler it bundles
// (`@ts-morph/common` requires it as `./typescript`), then `@ts-morph/common` and ts-morph itself
// (in process, the pass over the benchmark's (b), medians of 7: load 107 -> 100 ms, all 251 -> 244 ms CPU).

const require = createRequire(import.meta.url);
const commonFile = createRequire(require.resolve("ts-morph")).resolve("@ts-morph/common");
const typescriptFile = join(dirname(commonFile), "typescript.js");
if (existsSync(typescriptFile)) requireCached(typescriptFile);

requireCached(commonFile);
export const tsMorph = requireCached(require.resolve("ts-morph")) as typeof import("ts-morph");

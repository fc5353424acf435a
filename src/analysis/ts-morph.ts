import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { requireCached } from "../core/code-cache.js";

// ts-morph is CommonJS: `require` loads it in about half the time of an ESM import, which first
// scans its source for named exports (hundreds of ms on every run that has a type pass). The
// TypeScript compiler it bundles (`@ts-morph/common` requires it as `./typescript`) loads first,
// from a V8 code cache (see code-cache.ts). Caching ts-morph's other two files did not pay.

const require = createRequire(import.meta.url);
const commonFile = createRequire(require.resolve("ts-morph")).resolve("@ts-morph/common");
const typescriptFile = join(dirname(commonFile), "typescript.js");
if (existsSync(typescriptFile)) requireCached(typescriptFile);

export const tsMorph = require("ts-morph") as typeof import("ts-morph");

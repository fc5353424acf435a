import { createRequire } from "node:module";

// ts-morph is CommonJS: `require` loads it in about half the time of an ESM import, which first
// scans its source for named exports (hundreds of ms on every run that has a type pass).
export const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");

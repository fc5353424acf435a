import { createRequire } from "node:module";
import { requireCached } from "../core/code-cache.js";

// The first files a run transforms spend most of their time compiling babel's parser, recast,
// ast-types and jscodeshift, function by function as they first run. Loading those CommonJS files
// from the V8 code cache (see code-cache.ts), written once the transforms ran, skips most of that.
// The registry imports this module before javascript.ts (or its bundle): their `require`s and static
// imports then find them loaded.

const require = createRequire(import.meta.url);
const heavy = /[\\/]node_modules[\\/](@babel[\\/]parser|recast|ast-types|jscodeshift)[\\/]/;
requireCached(require.resolve("jscodeshift"), (file) => heavy.test(file));

#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the prepare script). V8's tiering is set
// (src/core/tiering.ts) before the CLI's code loads, so that it applies to all of it.
import { tuneTiering } from "../dist/src/core/tiering.js";

tuneTiering();
const { main } = await import("../dist/src/cli.js");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error?.stack ?? String(error));
    process.exitCode = 1;
  },
);

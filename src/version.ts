import { createRequire } from "node:module";

// Versions for `--version` and the report, read from package.json files (no heavy import).

const require = createRequire(import.meta.url);

/** The engines whose behaviour shapes the output. */
const ENGINES = ["jscodeshift", "recast", "prettier", "ts-morph"];

/** This package's name and version; the module sits in src/ (tests) or dist/src/ (built). */
export function ownVersion(): { name: string; version: string } {
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const { name, version } = require(candidate) as { name: string; version: string };
      if (name === "gladia-to-assemblyai") return { name, version };
    } catch {
      // not at this level
    }
  }
  return { name: "gladia-to-assemblyai", version: "unknown" };
}

export function engineVersions(): { name: string; version: string }[] {
  return ENGINES.map((name) => {
    try {
      return { name, version: (require(`${name}/package.json`) as { version: string }).version };
    } catch {
      return { name, version: "not installed" };
    }
  });
}

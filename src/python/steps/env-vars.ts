import { ENV_VAR_RENAMES, renameEnvVar } from "../../mapping/transport.js";
import { quoteOf, stringContents, stringValue } from "../nodes.js";
import type { PyStep } from "./step.js";

// `os.environ["GLADIA_API_KEY"]`, `os.getenv("VITE_GLADIA_API_KEY")`, `Field(env="GLADIA_API_URL")`:
// a string literal that is exactly a Gladia env var name gets the AssemblyAI name.

const NAME_RE = /^([A-Z][A-Z0-9_]*_)?GLADIA_API_(KEY|URL)$/;

function newName(name: string): string | undefined {
  const renamed = ENV_VAR_RENAMES[name] ?? renameEnvVar(name);
  return renamed === name ? undefined : renamed;
}

export const envVarsStep: PyStep = {
  name: "py-env-vars",
  description: "GLADIA_API_KEY (and prefixed variants) → ASSEMBLYAI_API_KEY, GLADIA_API_URL → ASSEMBLYAI_BASE_URL in env reads",
  run(ctx) {
    if (!/GLADIA_API_(KEY|URL)/.test(ctx.source)) return false;
    let changed = false;
    for (const node of ctx.root.findAll({ rule: { kind: "string" } })) {
      const value = stringValue(node);
      if (!value || !NAME_RE.test(value)) continue;
      const renamed = newName(value);
      const content = stringContents(node)[0];
      if (!renamed || !content || quoteOf(node) === undefined) continue;
      changed = ctx.replace(content, renamed) || changed;
    }
    return changed;
  },
};

import { ENV_VAR_RENAMES, renameEnvVar } from "../../mapping/transport.js";
import type { PyContext } from "../context.js";
import type { PyNode } from "../parse.js";
import { dottedName, quoteOf, stringContents, stringValue } from "../nodes.js";
import type { PyStep } from "./step.js";
import { describePyStep } from "../../languages/python-info.js";

// `os.environ["GLADIA_API_KEY"]`, `os.getenv("VITE_GLADIA_API_KEY")`, `Field(env="GLADIA_API_URL")`:
// a string literal that is exactly a Gladia env var name gets the AssemblyAI name.

const NAME_RE = /^([A-Z][A-Z0-9_]*_)?GLADIA_API_(KEY|URL)$/;

function newName(name: string): string | undefined {
  const renamed = ENV_VAR_RENAMES[name] ?? renameEnvVar(name);
  return renamed === name ? undefined : renamed;
}

const ENV_READERS = /(^|\.)(environ\.(get|setdefault|pop)|getenv|config|env|env\.(str|url))$/;
const ENV_KEYWORDS = new Set(["env", "alias", "validation_alias", "env_var", "envvar"]);

/** Is the literal the name of an env var being read (not, say, a placeholder value)? */
function isEnvRead(ctx: PyContext, literal: PyNode): boolean {
  const parent = literal.parent();
  if (!parent) return false;
  if (parent.kind() === "subscript") return /(^|\.)environ$/.test(dottedName(parent.field("value")) ?? "");
  if (parent.kind() === "keyword_argument") return ENV_KEYWORDS.has(parent.field("name")?.text() ?? "");
  if (parent.kind() === "comparison_operator") return /\benviron\b/.test(parent.text());
  if (parent.kind() === "argument_list") {
    const fn = ctx.facts.qualify(dottedName(parent.parent()?.field("function")));
    return !!fn && ENV_READERS.test(fn) && parent.namedChildren()[0]?.id() === literal.id();
  }
  return false;
}

export const envVarsStep: PyStep = {
  name: "py-env-vars",
  description: describePyStep("py-env-vars"),
  run(ctx) {
    if (!/GLADIA_API_(KEY|URL)/.test(ctx.source)) return false;
    let changed = false;
    for (const node of ctx.root.findAll({ rule: { kind: "string" } })) {
      const value = stringValue(node);
      if (!value || !NAME_RE.test(value) || !isEnvRead(ctx, node)) continue;
      const renamed = newName(value);
      const content = stringContents(node)[0];
      if (!renamed || !content || quoteOf(node) === undefined) continue;
      changed = ctx.replace(content, renamed) || changed;
    }
    return changed;
  },
};

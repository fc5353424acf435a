import { DEPENDENCY_RULES } from "../mapping/dependencies.js";
import { ENV_VAR_RENAMES, renameEnvVar } from "../mapping/transport.js";
import type { DependencyStep, EnvVarStep } from "./types.js";

// Run-wide facts for the report's dependency and environment sections, gathered from the original
// text of every candidate file with cheap regexes (values are never read, only names).

// A Gladia variable name where it is read from the environment (`process.env.X`, `env["X"]`,
// `os.getenv("X")`, `os.environ["X"]`) or set in an env file (`X=` at the start of a line); a
// constant that merely has the same name (`const GLADIA_API_URL = "…"`) does not count.
const ENV_CONTEXT = String.raw`(?:env\.|env\[\s*["'\x60]|getenv\(\s*["']|environ(?:\.get\(|\[)\s*["']|^[ \t]*(?:export[ \t]+)?(?=\w+=))`;
const NAMES = `(?:[A-Z][A-Z0-9_]*_)?GLADIA_API_KEY|${Object.keys(ENV_VAR_RENAMES).join("|")}`;
const ENV_READ_RE = new RegExp(`${ENV_CONTEXT}(${NAMES})\\b`, "gm");

export class RunFacts {
  private envVars = new Map<string, Set<string>>();
  private dependencies = new Map<string, Set<string>>();

  add(path: string, text: string): void {
    for (const match of text.matchAll(ENV_READ_RE)) this.addTo(this.envVars, match[1], path);
    for (const rule of DEPENDENCY_RULES) if (rule.detect.test(text)) this.addTo(this.dependencies, rule.id, path);
  }

  envVarSteps(): EnvVarStep[] {
    return [...this.envVars]
      .map(([from, files]) => ({ from, to: ENV_VAR_RENAMES[from] ?? renameEnvVar(from), files: [...files] }))
      .sort((a, b) => a.from.localeCompare(b.from));
  }

  dependencySteps(): DependencyStep[] {
    return DEPENDENCY_RULES.filter((rule) => this.dependencies.has(rule.id)).map(({ detect: _detect, ...rule }) => ({
      ...rule,
      files: [...this.dependencies.get(rule.id)!],
    }));
  }

  private addTo(map: Map<string, Set<string>>, key: string, path: string): void {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(path);
  }
}

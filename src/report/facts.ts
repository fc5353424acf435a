import { DEPENDENCY_RULES } from "../mapping/dependencies.js";
import { ENV_VAR_RE, ENV_VAR_RENAMES, renameEnvVar } from "../mapping/transport.js";
import type { DependencyStep, EnvVarStep } from "./types.js";

// Run-wide facts for the report's dependency and environment sections, gathered from the original
// text of every candidate file with cheap regexes (values are never read, only names).

const OTHER_ENV_RE = new RegExp(`\\b(${Object.keys(ENV_VAR_RENAMES).join("|")})\\b`, "g");

export class RunFacts {
  private envVars = new Map<string, Set<string>>();
  private dependencies = new Map<string, Set<string>>();

  add(path: string, text: string): void {
    for (const match of text.matchAll(ENV_VAR_RE)) this.addTo(this.envVars, match[0], path);
    for (const match of text.matchAll(OTHER_ENV_RE)) this.addTo(this.envVars, match[0], path);
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

import type { LanguagePlugin, TransformInput, TransformOutput } from "../core/types.js";
import { ENV_VAR_RE, renameEnvVar } from "../mapping/transport.js";

// Example env files (`.env.example`, `.env.local.sample`, `config.env.template`, `example.env`):
// `GLADIA_API_KEY` and its prefixed variants get the AssemblyAI name. Only the NAME changes: values
// are never changed, printed or reported; a value that looks like a real key is reported by line.
// Real `.env` files are never matched: they hold secrets, not documentation.

const EXAMPLE_ENV_NAME = /^(?:.*\.)?env(?:\.[\w-]+)*\.(?:example|sample|template)$|^example\.env$/;
const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.]*)(\s*=)(.*)$/;
const PLACEHOLDER = /your|example|placeholder|replace|change|dummy|fake|sample|test|todo|xxx|key|token|secret|\.\.\.|[<>*$]/i;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The value without quotes or a trailing ` # comment`. */
function bareValue(raw: string): string {
  const value = raw.trim();
  const quoted = /^(["'])(.*)\1/.exec(value);
  return quoted ? quoted[2] : value.replace(/\s+#.*$/, "");
}

/** A value that looks like a real key rather than a placeholder (Gladia keys are UUID-like). */
function isHardcodedKey(raw: string): boolean {
  const value = bareValue(raw);
  return /^[A-Za-z0-9_-]{16,}$/.test(value) && /\d/.test(value) && !PLACEHOLDER.test(value);
}

function isGladiaKeyName(name: string): boolean {
  ENV_VAR_RE.lastIndex = 0;
  return ENV_VAR_RE.test(name) && renameEnvVar(name) !== name;
}

function definedNames(lines: string[]): Set<string> {
  return new Set(lines.map((line) => ASSIGNMENT.exec(line)?.[2]).filter((name): name is string => !!name));
}

export function transformEnvFile(input: TransformInput): TransformOutput {
  const unchanged: TransformOutput = { text: input.text, steps: [], followUps: [] };
  if (input.options.transforms && !input.options.transforms.includes("env-vars")) return unchanged;
  const lines = input.text.split("\n");
  const defined = definedNames(lines);
  const secretLines: number[] = [];
  let renamed = false;
  const output = lines.map((line, index) => {
    const match = ASSIGNMENT.exec(line);
    if (!match || !isGladiaKeyName(match[2])) return line;
    const [, lead, name, equals, value] = match;
    if (isHardcodedKey(value)) secretLines.push(index + 1);
    const target = renameEnvVar(name);
    // Both names defined: renaming would define the AssemblyAI one twice, so leave the line.
    if (defined.has(target)) return line;
    renamed = true;
    return `${lead}${target}${equals}${value}`;
  });
  return { text: renamed ? output.join("\n") : input.text, steps: renamed ? ["env-vars"] : [], followUps: [], secretLines };
}

export const envFile: LanguagePlugin = {
  name: "env-file",
  matches: (path) => EXAMPLE_ENV_NAME.test(baseName(path)),
  mayConcern: (text) => /GLADIA/i.test(text),
  transform: transformEnvFile,
  // An env file has no grammar beyond NAME=VALUE lines, and the transform only renames valid names.
  parseError: () => null,
  steps: [{ name: "env-vars", description: "GLADIA_API_KEY (and prefixed variants) → ASSEMBLYAI_API_KEY in example env files; values untouched" }],
};

import type { LanguagePlugin, TransformInput, TransformOutput } from "../core/types.js";
import { ruleMessage } from "../python/context.js";
import { PY_SDK_DEPENDENCY } from "../mapping/sdk.js";
import { pythonParseError } from "../python/parse.js";
import { pythonManifestsInfo } from "./python-info.js";

// Python dependency manifests: `gladiaio-sdk` → `assemblyai` by text surgery on the one requirement,
// so the rest of the file (comments, order, other pins) stays byte-identical. `requests`/`httpx` stay.

const NAME = PY_SDK_DEPENDENCY.gladiaName;
const { assemblyai, specifier } = PY_SDK_DEPENDENCY;

/** `"gladiaio-sdk[extra]>=1.0; python_version>'3.9'"` inside quotes (pyproject arrays, setup.py). */
const QUOTED_RE = new RegExp(`(["'])([ \\t]*)${NAME}(\\[[^\\]]*\\])?([ \\t]*[<>=!~][^;"']*)?(;[^"']*)?\\1`, "gi");
/** A requirement on its own line (requirements.txt, setup.cfg `install_requires`). */
const LINE_RE = new RegExp(`^([ \\t]*)${NAME}(\\[[^\\]]*\\])?([ \\t]*[<>=!~][^;#\\n]*?)?([ \\t]*;[^#\\n]*?)?([ \\t]*#.*)?$`, "gim");
/** Poetry: `gladiaio-sdk = "^1.0.2"` or `gladiaio-sdk = { version = "…" }`. */
const POETRY_RE = new RegExp(`^([ \\t]*)["']?${NAME}["']?([ \\t]*=[ \\t]*)(.*)$`, "gim");

function requirement(version: string | undefined): string {
  return version && version.trim() ? `${assemblyai}${specifier}` : assemblyai;
}

function rewrite(text: string, path: string): string {
  if (/\.py$/.test(path)) return text.replace(QUOTED_RE, (_m, q, lead, _extra, version, marker) => `${q}${lead}${requirement(version)}${marker ?? ""}${q}`);
  if (/pyproject\.toml$/.test(path)) {
    return text
      .replace(QUOTED_RE, (_m, q, lead, _extra, version, marker) => `${q}${lead}${requirement(version)}${marker ?? ""}${q}`)
      .replace(POETRY_RE, (_m, indent, eq) => `${indent}${assemblyai}${eq}"${specifier}"`);
  }
  return text.replace(LINE_RE, (_m, indent, _extra, version, marker, comment) => `${indent}${requirement(version)}${marker ?? ""}${comment ?? ""}`);
}

function transformManifest(input: TransformInput): TransformOutput {
  const text = rewrite(input.text, input.path);
  if (text === input.text) return { text, steps: [], followUps: [] };
  const { message, docs } = ruleMessage("dependency-reinstall");
  return { text, steps: ["py-manifests"], followUps: [{ rule: "dependency-reinstall", kind: "note", line: 0, message, docs }] };
}

export const pythonManifests: LanguagePlugin = {
  ...pythonManifestsInfo,
  transform: transformManifest,
  parseError: (text, path) => (/\.py$/.test(path) ? pythonParseError(text) : null),
};

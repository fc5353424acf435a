import type { LanguageInfo } from "../core/types.js";
import { PY_SDK_DEPENDENCY } from "../mapping/sdk.js";

// The cheap halves of the Python plug-ins (no tree-sitter, no step modules): which files they own,
// the pre-filter and the step names. The registry test checks these equal the loaded plug-ins'.

export const pythonInfo: LanguageInfo = {
  name: "python",
  matches: (path) => /\.pyi?$/.test(path),
  mayConcern: (text) => /gladia/i.test(text),
  steps: [
    { name: "py-env-vars", description: "GLADIA_API_KEY (and prefixed variants) → ASSEMBLYAI_API_KEY, GLADIA_API_URL → ASSEMBLYAI_BASE_URL in env reads" },
    { name: "py-transport", description: "Gladia base URLs and endpoints → AssemblyAI's; x-gladia-key → authorization; markers for endpoints with no equivalent" },
    { name: "py-upload", description: "Gladia multipart upload (files={\"audio\": …}) → raw body (data=f); URL re-hosting uploads marked" },
    { name: "py-results", description: "Reads of the Gladia job/result → AssemblyAI transcript fields; done → completed; error_code → error; seconds kept via ms / 1000" },
    { name: "py-request-body", description: "Gladia request options (diarization, language_config, …) → AssemblyAI's (speaker_labels, language_code, …)" },
    { name: "py-sdk", description: "gladiaio_sdk (GladiaClient, prerecorded clients and their methods) → the assemblyai SDK (aai.Transcriber, aai.TranscriptionConfig)" },
    { name: "py-callbacks", description: "Gladia callback receivers (Flask/FastAPI/Django): id → transcript_id, event → status, payload reads marked" },
  ],
};

// A `<case>.` prefix is allowed so fixtures (`basic.requirements.txt`) are recognised too.
const MANIFEST_RE = /(^|\/|\.)(requirements[^/]*\.(txt|in)|requirements\/[^/]+\.(txt|in)|pyproject\.toml|setup\.cfg|setup\.py)$/;

export const pythonManifestsInfo: LanguageInfo = {
  name: "python-manifests",
  matches: (path) => MANIFEST_RE.test(path),
  mayConcern: (text) => new RegExp(PY_SDK_DEPENDENCY.gladiaName, "i").test(text),
  steps: [{ name: "py-manifests", description: "gladiaio-sdk → assemblyai in requirements*.txt, pyproject.toml (PEP 621, Poetry), setup.cfg, setup.py" }],
};

/** A Python step's description from the table above, so each step states it once. */
export function describePyStep(name: string): string {
  const info = [...pythonInfo.steps, ...pythonManifestsInfo.steps].find((step) => step.name === name);
  if (!info) throw new Error(`step "${name}" is missing from src/languages/python-info.ts`);
  return info.description;
}

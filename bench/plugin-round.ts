// One timed round of a plug-in over files held in memory, for the per-plug-in harnesses (js-cpu.ts,
// python-cost.ts): CPU time, not wall time (the machine is shared), per file and in all, and a
// digest of every result and new text, so that a change can be checked to keep the output the same.

import { createHash } from "node:crypto";
import { processText } from "../src/core/process-text.js";
import type { LanguagePlugin, TransformOptions } from "../src/core/types.js";

export interface SourceFile {
  relPath: string;
  text: string;
}

export interface Round {
  cpuMs: number;
  digest: string;
  perFile: { relPath: string; ms: number }[];
}

/** CPU time of this process (user + system), in ms. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * `processText` over every file, in order. `yieldBetween`: the event loop turns between files, as
 * in a worker (Node runs the finalizers that free native trees, such as ast-grep's, only then).
 */
export async function timedRound(files: SourceFile[], plugin: LanguagePlugin, optionsOf: (relPath: string) => TransformOptions, yieldBetween = false): Promise<Round> {
  const hash = createHash("sha256");
  const perFile: Round["perFile"] = [];
  const total = process.cpuUsage();
  for (const { relPath, text } of files) {
    if (yieldBetween) await nextTurn();
    const start = cpuMs();
    const { result, newText } = processText(relPath, text, plugin, optionsOf(relPath));
    perFile.push({ relPath, ms: cpuMs() - start });
    hash.update(JSON.stringify(result)).update("\0").update(newText ?? "\u0001").update("\0");
  }
  const used = process.cpuUsage(total);
  return { cpuMs: (used.user + used.system) / 1000, digest: hash.digest("hex").slice(0, 16), perFile };
}

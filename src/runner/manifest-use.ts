import { sep } from "node:path";
import type { ManifestUse, TransformOptions } from "../core/types.js";
import { GLADIA_SDK_IMPORT, JS_DEPENDENCY_TARGETS } from "../mapping/dependencies.js";
import type { DiscoveredFile } from "./discover.js";

// Manifests settle after the code: package.json keeps `@gladiaio/sdk` next to its replacement only
// while code it serves still imports it once migrated (live transcription, code left with a
// marker). A code file is served by the nearest package.json above it among the discovered ones.

/** Plug-ins whose files settle after every other candidate, told what the migrated code imports. */
export const MANIFEST_LANGUAGES = new Set(["package-json"]);

export function isManifestFile(file: Pick<DiscoveredFile, "relPath">): boolean {
  return file.relPath === "package.json" || file.relPath.endsWith("/package.json");
}

export class CodeUse {
  private readonly byManifest = new Map<string, ManifestUse>();
  private readonly dirs: string[];

  /** `manifests`: every discovered package.json (absolute paths). */
  constructor(
    manifests: string[],
    private readonly strategy: TransformOptions["strategy"],
  ) {
    this.dirs = manifests.map((path) => path.slice(0, path.lastIndexOf(sep) + 1));
  }

  /** A settled code file, with its text after the run (the original when it did not change). */
  record(file: DiscoveredFile, text: string): void {
    if (file.entry.name !== "javascript") return;
    const dir = this.servingDir(file.absPath);
    if (dir === undefined) return;
    const use = this.byManifest.get(dir) ?? { gladiaSdk: false, target: false };
    use.gladiaSdk ||= GLADIA_SDK_IMPORT.test(text);
    use.target ||= JS_DEPENDENCY_TARGETS[this.strategy].imported.test(text);
    this.byManifest.set(dir, use);
  }

  /** What the code a manifest serves imports (no such code seen: neither). */
  forManifest(file: DiscoveredFile): ManifestUse {
    return this.byManifest.get(file.absPath.slice(0, file.absPath.lastIndexOf(sep) + 1)) ?? { gladiaSdk: false, target: false };
  }

  /** The deepest manifest directory that holds `path`. */
  private servingDir(path: string): string | undefined {
    return this.dirs.filter((dir) => path.startsWith(dir)).sort((a, b) => b.length - a.length)[0];
  }
}

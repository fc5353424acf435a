import { lstatSync, realpathSync } from "node:fs";
import { sep } from "node:path";
import type { DiscoveredFile } from "./discover.js";
import type { SourceStats } from "./read.js";

// Writes are atomic (temp file + rename, write-file-atomic), keep the file mode, and are refused
// for anything that is not the regular file the run read, inside its root.

function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** Why the file must not be written now, or undefined when it may. */
export function refuseWrite(file: DiscoveredFile, read: SourceStats): string | undefined {
  const stats = lstatSync(file.absPath);
  if (!stats.isFile()) return "no longer a regular file";
  if (!isInside(realpathSync(file.absPath), realpathSync(file.root))) return "the path resolves outside the root";
  if (stats.size !== read.size || stats.mtimeMs !== read.mtimeMs) return "the file changed on disk during the run";
  return undefined;
}

/** Writes `text` over the file; returns the reason when it did not. */
export async function writeSafely(file: DiscoveredFile, read: SourceStats, text: string): Promise<string | undefined> {
  try {
    const refused = refuseWrite(file, read);
    if (refused) return `write refused: ${refused}`;
    const { default: writeFileAtomic } = await import("write-file-atomic");
    await writeFileAtomic(file.absPath, text, { mode: read.mode & 0o7777 });
    return undefined;
  } catch (error) {
    return `write refused: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
}

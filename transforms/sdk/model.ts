import type { GladiaSdkImports } from "./imports.js";
import type { Receivers } from "./receivers.js";

type Node = { type: string; [key: string]: any };

export interface AssemblyaiName {
  imported: string;
  local: string;
  /** Used only as a type. */
  type: boolean;
}

/** Record that the code uses an `assemblyai` export under `local` (a value use wins over a type use). */
export function useName(sdk: SdkFile, imported: string, local: string, type: boolean): void {
  const known = sdk.uses.get(local);
  sdk.uses.set(local, { imported, local, type: type && (known?.type ?? true) });
}

/** What the SDK step knows about one file while it rewrites it. */
export interface SdkFile {
  imports: GladiaSdkImports;
  receivers: Receivers;
  typescript: boolean;
  /** Local name the file uses for the `AssemblyAI` class. */
  clientName: string;
  /** Local name for an `assemblyai` export (its own name unless the file already uses it). */
  name: (exported: string) => string;
  /** `assemblyai` exports the rewritten code uses, by local name. */
  uses: Map<string, AssemblyaiName>;
  /** Gladia local names replaced by an `assemblyai` export (their specifiers go). */
  replaced: Set<string>;
  /** Object literals already mapped to AssemblyAI params (one literal may feed several calls). */
  mapped: Set<Node>;
  /** Edits that must wait for the result reads (the error checks read AssemblyAI fields). */
  pending: Array<() => void>;
}

import type { ASTPath } from "jscodeshift";
import type { GladiaSdkImports } from "./imports.js";
import type { Receivers } from "./receivers.js";

type Node = { type: string; [key: string]: any };

/** What the SDK step knows about one file while it rewrites it. */
export interface SdkFile {
  imports: GladiaSdkImports;
  receivers: Receivers;
  typescript: boolean;
  /** Local name the file uses for the `AssemblyAI` class. */
  clientName: string;
  /** Local name for an `assemblyai` export (its own name unless the file already uses it). */
  name: (exported: string) => string;
  /** `assemblyai` exports the rewritten code needs: value names and type names. */
  values: Set<string>;
  types: Set<string>;
  /** Object literals already mapped to AssemblyAI params (one literal may feed several calls). */
  mapped: Set<Node>;
  /** Bindings holding a Gladia job (results of transcribe/createAndPoll/poll/get), for the result reads. */
  jobRoots: ASTPath[];
  /** Edits that must wait for the result reads (the error checks read AssemblyAI fields). */
  pending: Array<() => void>;
}

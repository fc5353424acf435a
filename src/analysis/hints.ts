// What the whole-project type pass (ts-morph) tells the per-file transforms. Offsets are in the
// file's normalised text (no BOM, LF line endings): the text the JS/TS plug-in parses.

/** How deep into a Gladia job a value is (`utterances`/`words`: an array of those items). */
export type HintLevel = "job" | "result" | "transcription" | "utterance" | "word" | "utterances" | "words";

/** An expression (or a declaring identifier) whose static type is a Gladia value. */
export interface HintLocation {
  start: number;
  end: number;
  level: HintLevel;
}

/** A declared interface or type alias recognised as a Gladia type, to migrate. */
export interface HintDeclaration {
  start: number;
  end: number;
  name: string;
  level: HintLevel;
}

/** An expression whose type is an `@gladiaio/sdk` client (used from a file that does not import it). */
export interface HintReceiver {
  start: number;
  end: number;
  kind: "client" | "prerecorded";
}

export interface AnalysisHints {
  locations: HintLocation[];
  declarations: HintDeclaration[];
  receivers: HintReceiver[];
}

/** Read hints back from `TransformOptions.hints`. */
export function readHints(hints: Record<string, unknown> | undefined): AnalysisHints | undefined {
  if (!hints || !Array.isArray(hints.locations)) return undefined;
  return hints as unknown as AnalysisHints;
}

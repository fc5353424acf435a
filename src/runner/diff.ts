import type { Colors } from "picocolors/types.js";

// Dry-run output: a unified diff per changed file, coloured only when stdout is a terminal.

export async function unifiedDiff(path: string, before: string, after: string): Promise<string> {
  const { createTwoFilesPatch } = await import("diff");
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
}

const LINE_COLOURS: [RegExp, keyof Colors][] = [
  [/^(---|\+\+\+|===)/, "bold"],
  [/^@@/, "cyan"],
  [/^\+/, "green"],
  [/^-/, "red"],
];

export function colourDiff(patch: string, colors: Colors): string {
  return patch
    .split("\n")
    .map((line) => {
      const colour = LINE_COLOURS.find(([re]) => re.test(line))?.[1];
      return colour ? (colors[colour] as (text: string) => string)(line) : line;
    })
    .join("\n");
}

/** Key-like tokens: long, with a digit, and not an UPPER_CASE variable name. */
const KEY_TOKEN = /[A-Za-z0-9_\-+/]{16,}/g;

/**
 * Hides hard-coded keys from a diff: the plug-in reported their lines (in the new text), never
 * their values, so the key-like tokens on those lines are masked wherever they appear in the diff.
 */
export function redactSecrets(patch: string, newText: string, secretLines: number[]): string {
  if (secretLines.length === 0) return patch;
  const lines = newText.split(/\r?\n/);
  const secrets = secretLines
    .flatMap((line) => lines[line - 1]?.match(KEY_TOKEN) ?? [])
    .filter((token) => /\d/.test(token) && !/^[A-Z_][A-Z0-9_]*$/.test(token));
  return secrets.reduce((text, secret) => text.split(secret).join("<redacted>"), patch);
}

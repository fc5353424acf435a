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

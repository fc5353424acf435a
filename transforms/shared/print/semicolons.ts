// recast reprints a whole `return` statement when anything inside it changes (to avoid ASI
// hazards), and its printer always ends statements with `;`. In a file written without
// semicolons, take that `;` off the statement lines recast wrote.

const STATEMENT_START = /^\s*(return|throw|const|let|var)\b/;

/** Semicolon-free style: no line of the file ends with a `;`. */
function usesSemicolons(source: string): boolean {
  return /;[ \t]*(\/\/.*)?$/m.test(source);
}

export function keepSemicolonStyle(source: string, printed: string): string {
  if (usesSemicolons(source)) return printed;
  const original = new Set(source.split("\n").map((l) => l.trim()));
  return printed
    .split("\n")
    .map((line) => (STATEMENT_START.test(line) && /;\s*$/.test(line) && !original.has(line.trim()) ? line.replace(/;(\s*)$/, "$1") : line))
    .join("\n");
}

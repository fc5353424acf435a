// recast reprints a whole `return` statement when anything inside it changes (to avoid ASI
// hazards), and its printer always ends statements with `;`. In a file written without
// semicolons, take that `;` off the statement lines recast wrote.

const STATEMENT_START = /^\s*(return|throw|const|let|var)\b/;

function usesSemicolons(source: string): boolean {
  const lines = source.split("\n").filter((l) => STATEMENT_START.test(l));
  return lines.length === 0 || lines.filter((l) => /;\s*$/.test(l)).length * 2 >= lines.length;
}

export function keepSemicolonStyle(source: string, printed: string): string {
  if (usesSemicolons(source)) return printed;
  const original = new Set(source.split("\n").map((l) => l.trim()));
  return printed
    .split("\n")
    .map((line) => (STATEMENT_START.test(line) && /;\s*$/.test(line) && !original.has(line.trim()) ? line.replace(/;(\s*)$/, "$1") : line))
    .join("\n");
}

import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fg from "fast-glob";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "./helpers/fixtures.js";

// Every TypeScript output fixture that uses `assemblyai` must compile with `--strict` against the
// real package (a dev dependency). One program for all of them keeps it fast. A multi-file case
// (`types-multi/<case>/output/`) is checked whole, since its files import each other.

const USES_ASSEMBLYAI = /from\s+["']assemblyai["']|require\(\s*["']assemblyai["']\s*\)/;

// Outputs that keep their own HTTP client but whose local response types the codemod rewrites.
const ALSO_CHECKED = ["http-upload/axios-typed-*.output.{ts,tsx}"];

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: ["node"],
  skipLibCheck: true,
  esModuleInterop: true,
  jsx: ts.JsxEmit.Preserve,
  // A multi-file case may import plain JS modules (read for their inferred types, not checked).
  allowJs: true,
};

function typecheckedFiles(): string[] {
  const outputs = fg.sync(["**/*.output.{ts,tsx,mts,cts}", "types-multi/*/output/**/*.{ts,tsx,mts,cts}"], { cwd: FIXTURES_DIR, absolute: true });
  const multiCases = new Set(
    outputs.filter((f) => f.includes("/types-multi/") && USES_ASSEMBLYAI.test(readFileSync(f, "utf8"))).map((f) => f.replace(/\/output\/.*$/, "")),
  );
  const alsoChecked = new Set(fg.sync(ALSO_CHECKED, { cwd: FIXTURES_DIR, absolute: true }));
  return outputs
    .filter((f) => (f.includes("/types-multi/") ? multiCases.has(f.replace(/\/output\/.*$/, "")) : alsoChecked.has(f) || USES_ASSEMBLYAI.test(readFileSync(f, "utf8"))))
    .sort();
}

const files = typecheckedFiles();
let diagnostics = new Map<string, string[]>();

beforeAll(() => {
  const program = ts.createProgram(files, OPTIONS);
  diagnostics = new Map(files.map((f) => [f, [] as string[]]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? "(global)";
    const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const where = position ? `${position.line + 1}:${position.character + 1}` : "";
    const message = `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    diagnostics.set(file, [...(diagnostics.get(file) ?? []), message]);
  }
});

describe("TypeScript outputs compile with --strict against assemblyai", () => {
  it("finds the outputs to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("reports nothing outside the fixtures", () => {
    expect(diagnostics.get("(global)") ?? []).toEqual([]);
  });

  it.each(files.map((f) => [relative(FIXTURES_DIR, f), f]))("%s", (_name, file) => {
    expect(diagnostics.get(file) ?? [], join("fixtures", relative(FIXTURES_DIR, file))).toEqual([]);
  });
});

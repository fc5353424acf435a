import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listFixtureCases } from "./helpers/fixtures.js";

// Every Python fixture the codemod produces (and every negative input, which it leaves as is) must
// compile with a real CPython: one `python3` process checks them all.

function findPython(): string | undefined {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(candidate, ["-c", "import sys; print(sys.version_info[0])"], { encoding: "utf8" });
    if (probe.status === 0 && probe.stdout.trim() === "3") return candidate;
  }
  return undefined;
}

// \`python3 -m py_compile\` for many files in one process, bytecode written to a temporary folder.
const CHECK = `
import os, py_compile, sys, tempfile
failed = 0
with tempfile.TemporaryDirectory() as out:
    for i, path in enumerate(sys.argv[1:]):
        try:
            py_compile.compile(path, cfile=os.path.join(out, f"{i}.pyc"), doraise=True)
        except py_compile.PyCompileError as e:
            failed += 1
            print(e.msg)
sys.exit(1 if failed else 0)
`;

const python = findPython();
const files = listFixtureCases()
  .filter((c) => /\.pyi?$/.test(c.name))
  .map((c) => c.outputPath ?? c.inputPath);

describe("Python fixtures compile", () => {
  it("has Python fixtures to check", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.every((f) => existsSync(f))).toBe(true);
  });

  it.skipIf(!python)(`every output compiles with python3${python ? "" : " (skipped: no python3 on this machine)"}`, () => {
    const run = spawnSync(python!, ["-c", CHECK, ...files], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

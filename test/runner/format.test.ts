import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasPrettierConfig } from "../../src/runner/format.js";

// The cheap check that keeps prettier unloaded in projects without a prettier config: it must
// find every config prettier itself would find.

const base = mkdtempSync(join(tmpdir(), "prettier-config-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const root = join(base, name);
  const nested = join(root, "packages", "app", "src");
  mkdirSync(nested, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(root, file), content);
  return nested;
}

describe("hasPrettierConfig", () => {
  const outside = hasPrettierConfig(base);

  it.each([
    [".prettierrc", "{}"],
    [".prettierrc.yaml", "semi: false\n"],
    ["prettier.config.mjs", "export default {};\n"],
    [".prettierrc.toml", "semi = false\n"],
    ["package.json", '{ "name": "x", "prettier": { "semi": false } }'],
    ["package.yaml", "name: x\nprettier:\n  semi: false\n"],
  ])("finds %s in a parent directory", (file, content) => {
    expect(hasPrettierConfig(project(`with-${file}`, { [file]: content }))).toBe(true);
  });

  it("ignores a package.json without a prettier key", () => {
    expect(hasPrettierConfig(project("plain-package", { "package.json": '{ "name": "x" }', ".editorconfig": "root = true\n" }))).toBe(outside);
  });

  it("finds nothing in a project with no config (unless the temp dir itself has one)", () => {
    expect(hasPrettierConfig(project("bare", {}))).toBe(outside);
  });
});

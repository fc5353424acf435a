import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processText } from "../../src/core/process-text.js";
import type { LanguagePlugin } from "../../src/core/types.js";
import { BUNDLED_PLUGINS, isFreshBundle, type BundledPlugin } from "../../src/languages/bundles.js";
import { languageFor } from "../../src/languages/index.js";
import { listFixtureCases, readFixture } from "../helpers/fixtures.js";

// The bundles `npm run build` writes into dist (the test script builds first) are what the CLI
// runs: each must do exactly what its modules do, on every fixture.

const root = new URL("../../", import.meta.url).pathname;
const distBundles = (await import(join(root, "dist/src/languages/bundles.js"))) as typeof import("../../src/languages/bundles.js");
const require = createRequire(import.meta.url);

function loadBundle(name: BundledPlugin): LanguagePlugin {
  return (require(distBundles.pluginFiles(name).bundle) as Record<BundledPlugin, LanguagePlugin>)[name];
}

describe.each(BUNDLED_PLUGINS)("the %s bundle", (name) => {
  const files = distBundles.pluginFiles(name);
  const text = readFileSync(files.bundle, "utf8");

  it("was built after its module", () => {
    expect(isFreshBundle(files)).toBe(true);
  });

  it("requires only packages and Node's modules: it holds every module of this project it uses", () => {
    const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((specifier) => specifier.startsWith("."))).toEqual([]);
  });

  it("holds no copy of the code cache (the runner saves the one list of scripts it keeps)", () => {
    expect(text).not.toMatch(/function saveCodeCaches/);
  });

  it("migrates every fixture of its language as the modules do", () => {
    const plugin = loadBundle(name);
    const cases = listFixtureCases().filter((fixture) => languageFor(fixture.name)?.name === name);
    expect(cases.length).toBeGreaterThan(20);
    for (const { name: path, inputPath, outputPath, options } of cases) {
      const input = readFixture(inputPath);
      const { result, newText } = processText(path, input, plugin, options);
      expect(newText ?? input, path).toBe(outputPath ? readFixture(outputPath) : input);
      expect(result.status, path).not.toBe("failed");
    }
  });
});

describe("a run from dist", () => {
  it("loads each plug-in from its bundle", () => {
    const script = [
      "const { loadLanguage } = await import('./dist/src/languages/registry.js');",
      `for (const name of ${JSON.stringify(BUNDLED_PLUGINS)}) await loadLanguage(name);`,
      "const { createRequire } = await import('node:module');",
      "console.log(Object.keys(createRequire(import.meta.url).cache).filter((file) => file.endsWith('.bundle.cjs')).map((file) => file.split('/').pop()).sort().join(' '));",
    ].join("\n");
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8", env: { ...process.env, GLADIA_TO_ASSEMBLYAI_CODE_CACHE: "0" } });
    expect(output.trim()).toBe(BUNDLED_PLUGINS.map((name) => `${name}.bundle.cjs`).join(" "));
  });
});

describe("isFreshBundle", () => {
  const dir = mkdtempSync(join(tmpdir(), "bundles-"));
  const files = { module: join(dir, "plugin.js"), bundle: join(dir, "plugin.bundle.cjs") };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is false without a bundle, or one older than its module (tsc ran, the bundler did not), true after", () => {
    writeFileSync(files.module, "");
    expect(isFreshBundle(files)).toBe(false);
    writeFileSync(files.bundle, "");
    utimesSync(files.bundle, new Date(1_000_000), new Date(1_000_000));
    expect(isFreshBundle(files)).toBe(false);
    utimesSync(files.bundle, new Date(), new Date(Date.now() + 1000));
    expect(isFreshBundle(files)).toBe(true);
  });
});

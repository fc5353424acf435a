import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyseProject } from "../src/analysis/index.js";
import { BUNDLES, bundlePath, isFreshBundle } from "../src/core/bundles.js";
import { processText } from "../src/core/process-text.js";
import type { LanguagePlugin } from "../src/core/types.js";
import { languageFor } from "../src/languages/index.js";
import { FIXTURES_DIR, listFixtureCases, readFixture } from "./helpers/fixtures.js";

// The bundles `npm run build` writes into dist (the test script builds first) are what the CLI
// runs: each must do exactly what its modules do.

const root = new URL("../", import.meta.url).pathname;
const dist = (module: string) => join(root, "dist/src", module);
const require = createRequire(import.meta.url);

describe.each(BUNDLES)("the bundle of $module", ({ module }) => {
  const bundle = bundlePath(dist(module));
  const text = readFileSync(bundle, "utf8");

  it("was built after its module", () => {
    expect(isFreshBundle(dist(module), bundle)).toBe(true);
  });

  it("requires only packages and Node's modules: it holds every module of this project it uses", () => {
    const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((specifier) => specifier.startsWith("."))).toEqual([]);
  });
});

describe.each(BUNDLES.filter(({ kind }) => kind === "plugin"))("the plug-in bundle of $module", ({ module }) => {
  it("holds no copy of the code cache (the runner saves its one list of scripts)", () => {
    expect(readFileSync(bundlePath(dist(module)), "utf8")).not.toMatch(/function saveCodeCaches/);
  });
});

describe.each(["javascript", "python"])("the %s plug-in's bundle", (name) => {
  it("migrates every fixture of its language as the modules do", () => {
    const plugin = (require(bundlePath(dist(`languages/${name}.js`))) as Record<string, LanguagePlugin>)[name];
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
  const runScript = (lines: string[]) => execFileSync(process.execPath, ["--input-type=module", "-e", lines.join("\n")], { cwd: root, encoding: "utf8", env: { ...process.env, GLADIA_TO_ASSEMBLYAI_CODE_CACHE: "0" } });

  it("loads each plug-in from its bundle", () => {
    const output = runScript([
      "const { loadLanguage } = await import('./dist/src/languages/registry.js');",
      "for (const name of ['javascript', 'python']) await loadLanguage(name);",
      "const { createRequire } = await import('node:module');",
      "console.log(Object.keys(createRequire(import.meta.url).cache).filter((file) => file.endsWith('.bundle.cjs')).map((file) => file.split('/').pop()).sort().join(' '));",
    ]);
    expect(output.trim()).toBe("javascript.bundle.cjs python.bundle.cjs");
  });

  it("runs the type pass in a thread started from its bundle, with the hints of the modules", async () => {
    const project = join(FIXTURES_DIR, "types-multi/interfaces-and-consumers/input");
    const files = readdirSync(project, { recursive: true, encoding: "utf8" }).filter((file) => statSync(join(project, file)).isFile());
    const output = runScript([
      "const { analyseInThread, threadEntry } = await import('./dist/src/runner/type-pass-thread.js');",
      "const { readFileSync } = await import('node:fs');",
      `const root = ${JSON.stringify(project)}, files = ${JSON.stringify(files)};`,
      "const hints = await analyseInThread(root, files, new Map(files.map((file) => [file, readFileSync(root + '/' + file, 'utf8')])));",
      "console.log(JSON.stringify({ entry: String(threadEntry()), hints: [...hints] }));",
    ]);
    const { entry, hints } = JSON.parse(output) as { entry: string; hints: unknown[] };
    expect(relative(root, entry)).toBe("dist/src/runner/type-pass-worker.bundle.cjs");
    expect(hints.length).toBeGreaterThan(0);
    expect(hints).toEqual(JSON.parse(JSON.stringify([...(await analyseProject(project, files))])));
  });
});

describe("isFreshBundle", () => {
  const dir = mkdtempSync(join(tmpdir(), "bundles-"));
  const module = join(dir, "plugin.js");
  const bundle = join(dir, "plugin.bundle.cjs");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is false without a bundle, or one older than its module (tsc ran, the bundler did not), true after", () => {
    writeFileSync(module, "");
    expect(isFreshBundle(module, bundle)).toBe(false);
    writeFileSync(bundle, "");
    utimesSync(bundle, new Date(1_000_000), new Date(1_000_000));
    expect(isFreshBundle(module, bundle)).toBe(false);
    utimesSync(bundle, new Date(), new Date(Date.now() + 1000));
    expect(isFreshBundle(module, bundle)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { REGISTRY, entryFor, loadLanguage } from "../../src/languages/registry.js";
import { JS_STEPS } from "../../transforms/index.js";
import { JS_STEP_INFO } from "../../transforms/step-info.js";

describe("light registry", () => {
  it("lists the JS steps exactly as JS_STEPS does (names, descriptions, order)", () => {
    expect(JS_STEP_INFO).toEqual(JS_STEPS.map(({ name, description }) => ({ name, description })));
  });

  it.each(REGISTRY.map((entry) => [entry.name, entry] as const))("%s: the loaded plug-in has the entry's name and steps", async (name, entry) => {
    const plugin = await loadLanguage(name);
    expect(plugin.name).toBe(entry.name);
    expect(plugin.steps).toEqual(entry.steps);
    expect(plugin.prettier).toBe(entry.prettier);
  });

  it("gives each kind of file to the right plug-in", () => {
    expect(entryFor("src/a.tsx")?.name).toBe("javascript");
    expect(entryFor("lib/b.cjs")?.name).toBe("javascript");
    expect(entryFor("lib/b.min.js")).toBeUndefined();
    expect(entryFor("types/b.d.ts")).toBeUndefined();
    expect(entryFor(".env.example")?.name).toBe("env-file");
    expect(entryFor("README.md")).toBeUndefined();
  });

  it("rejects an unknown plug-in name", async () => {
    await expect(loadLanguage("cobol")).rejects.toThrow(/unknown language plug-in/);
  });
});

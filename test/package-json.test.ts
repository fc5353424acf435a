import { describe, expect, it } from "vitest";
import { processText } from "../src/core/process-text.js";
import { languageFor } from "../src/languages/index.js";
import { packageJson } from "../src/languages/package-json.js";

const OPTIONS = { strategy: "native" } as const;
const MANIFEST = '{\n  "dependencies": {\n    "@gladiaio/sdk": "^2.1.0"\n  }\n}\n';

describe("package.json plug-in", () => {
  it("owns package.json files (and fixture names) but not lockfiles", () => {
    expect(languageFor("package.json")).toBe(packageJson);
    expect(languageFor("apps/web/package.json")).toBe(packageJson);
    expect(languageFor("manifests/basic.package.json")).toBe(packageJson);
    expect(languageFor("package-lock.json")).toBeUndefined();
    expect(languageFor("npm-shrinkwrap.json")).toBeUndefined();
  });

  it("raises the reinstall note on the edited line", () => {
    const { result } = processText("package.json", MANIFEST, packageJson, OPTIONS);
    expect(result.status).toBe("changed");
    expect(result.steps).toEqual(["dependencies"]);
    expect(result.notes).toEqual([expect.objectContaining({ rule: "dependency-reinstall", line: 3 })]);
  });

  it("keeps CRLF line endings", () => {
    const { newText } = processText("package.json", MANIFEST.replace(/\n/g, "\r\n"), packageJson, OPTIONS);
    expect(newText).toBe('{\r\n  "dependencies": {\r\n    "assemblyai": "^4.41.5"\r\n  }\r\n}\r\n');
  });

  it("leaves an invalid manifest alone", () => {
    const broken = '{ "dependencies": { "@gladiaio/sdk": "^2" }';
    const { result, newText } = processText("package.json", broken, packageJson, OPTIONS);
    expect(result.status).toBe("unchanged");
    expect(newText).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { makeProject, read, runCli } from "./helpers.js";

const UGLY = '// gladia settings\nconst apiKey = process.env.GLADIA_API_KEY;\nexport const  settings = { apiKey, name: "notes" };\n';
const RENAMED = UGLY.replace("GLADIA_API_KEY", "ASSEMBLYAI_API_KEY");
const PRETTIER_OUTPUT = "// gladia settings\nconst apiKey = process.env.ASSEMBLYAI_API_KEY\nexport const settings = { apiKey, name: 'notes' }\n";
const UNTOUCHED = '// gladia-to-assemblyai-ignore\nexport const  other = "gladia";\n';

describe("formatting", () => {
  it("runs prettier with the project's config on changed files only", () => {
    const dir = makeProject({ ".prettierrc": '{ "semi": false, "singleQuote": true }\n', "settings.js": UGLY, "other.js": UNTOUCHED });
    expect(runCli(dir, ["--no-report"]).code).toBe(0);
    expect(read(dir, "settings.js")).toBe(PRETTIER_OUTPUT);
    expect(read(dir, "other.js")).toBe(UNTOUCHED);
  });

  it("keeps CRLF line endings when prettier formats", () => {
    const dir = makeProject({ "package.json": '{ "name": "x", "prettier": { "semi": false, "singleQuote": true } }\n', "settings.js": UGLY.replace(/\n/g, "\r\n") });
    expect(runCli(dir, ["--no-report"]).code).toBe(0);
    expect(read(dir, "settings.js")).toBe(PRETTIER_OUTPUT.replace(/\n/g, "\r\n"));
  });

  it("never runs prettier with --no-format", () => {
    const dir = makeProject({ ".prettierrc": '{ "semi": false }\n', "settings.js": UGLY });
    expect(runCli(dir, ["--no-report", "--no-format"]).code).toBe(0);
    expect(read(dir, "settings.js")).toBe(RENAMED);
  });

  it("leaves formatting alone when the project has no prettier config", () => {
    const dir = makeProject({ "settings.js": UGLY });
    expect(runCli(dir, ["--no-report"]).code).toBe(0);
    expect(read(dir, "settings.js")).toBe(RENAMED);
  });
});

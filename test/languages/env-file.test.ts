import { describe, expect, it } from "vitest";
import { processText } from "../../src/core/process-text.js";
import { envFile } from "../../src/languages/env-file.js";

const OPTIONS = { strategy: "native" } as const;
const KEY = "3f2c9a1e-7b4d-4e8a-9c1f-2a6b5d8e0f13";

describe("env-file plug-in", () => {
  it.each([".env.example", ".env.sample", ".env.template", ".env.local.example", "config/.env.production.sample", "docker.env.example", "example.env", "env.example"])(
    "owns %s",
    (path) => expect(envFile.matches(path)).toBe(true),
  );

  it.each([".env", ".env.local", ".env.production", "env.ts", "example.env.js", "my.envexample"])("never touches %s", (path) => {
    expect(envFile.matches(path)).toBe(false);
  });

  it("reports a real-looking key by line, never by value", () => {
    const { result, newText } = processText(".env.example", `PORT=1\nGLADIA_API_KEY=${KEY}\n`, envFile, OPTIONS);
    expect(newText).toBe(`PORT=1\nASSEMBLYAI_API_KEY=${KEY}\n`);
    expect(result.secretLines).toEqual([2]);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it.each(["", "your-gladia-api-key", "<key>", "${GLADIA_KEY}", "xxxxxxxxxxxxxxxxxxxx", '"changeme"'])("treats %j as a placeholder", (value) => {
    const { result } = processText(".env.example", `GLADIA_API_KEY=${value}\n`, envFile, OPTIONS);
    expect(result.secretLines).toEqual([]);
  });

  it("runs only when the env-vars step is selected", () => {
    const { result } = processText(".env.example", "GLADIA_API_KEY=\n", envFile, { ...OPTIONS, transforms: ["sdk"] });
    expect(result.status).toBe("unchanged");
  });
});

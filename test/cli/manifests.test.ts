import { describe, expect, it } from "vitest";
import { makeProject, read, runCli } from "./helpers.js";

// package.json in a run: settled after the code, it keeps `@gladiaio/sdk` only while the code it
// serves still imports it once migrated (live transcription), and gets the strategy's replacement.

const MANIFEST = '{\n  "name": "app",\n  "dependencies": {\n    "@gladiaio/sdk": "^2.1.0",\n    "express": "^4.21.2"\n  }\n}\n';
const PRERECORDED = [
  'import { GladiaClient } from "@gladiaio/sdk";',
  "",
  "const gladia = new GladiaClient({ apiKey: process.env.GLADIA_API_KEY });",
  "export const transcribe = (url: string) => gladia.preRecorded().transcribe(url);",
  "",
].join("\n");
const LIVE = [
  'import { GladiaClient } from "@gladiaio/sdk";',
  "",
  "const gladia = new GladiaClient({ apiKey: process.env.GLADIA_API_KEY });",
  'export const startSession = () => gladia.liveV2().startSession({ encoding: "wav/pcm", sample_rate: 16000 });',
  "",
].join("\n");

function dependenciesOf(dir: string, path: string): Record<string, string> {
  return JSON.parse(read(dir, path)).dependencies;
}

describe("package.json with --strategy adapter", () => {
  it("replaces @gladiaio/sdk with gladia-to-assemblyai when no code keeps the SDK, and the report says it is a runtime dependency", () => {
    const dir = makeProject({ "package.json": MANIFEST, "src/transcribe.ts": PRERECORDED });
    const result = runCli(dir, ["--strategy", "adapter"]);
    expect(result.code, result.stderr).toBe(0);
    expect(read(dir, "src/transcribe.ts")).toContain('from "gladia-to-assemblyai/runtime"');
    expect(dependenciesOf(dir, "package.json")).toEqual({ "gladia-to-assemblyai": expect.stringMatching(/^\^\d/), express: "^4.21.2" });
    const report = read(dir, "gladia-to-assemblyai-report.md");
    expect(report).toMatch(/- \[ \] Replace `@gladiaio\/sdk` with `gladia-to-assemblyai` \(npm\): `npm uninstall @gladiaio\/sdk && npm install gladia-to-assemblyai@\^/);
    expect(report).toContain("`gladia-to-assemblyai/runtime` is now a runtime dependency");
    expect(report).toContain("- **dependency-adapter**:");
    expect(report).not.toContain("dependency-code-unseen");
  });

  it("keeps @gladiaio/sdk next to gladia-to-assemblyai while a file still uses Gladia live", () => {
    const dir = makeProject({ "package.json": MANIFEST, "src/transcribe.ts": PRERECORDED, "src/live.ts": LIVE });
    expect(runCli(dir, ["--strategy", "adapter", "--no-report"]).code).toBe(0);
    expect(read(dir, "src/live.ts")).toContain('from "@gladiaio/sdk"');
    expect(Object.keys(dependenciesOf(dir, "package.json"))).toEqual(["@gladiaio/sdk", "gladia-to-assemblyai", "express"]);
  });

  it("decides per package: each package.json looks at the code below it", () => {
    const dir = makeProject({
      "package.json": '{ "name": "root", "private": true }\n',
      "packages/batch/package.json": MANIFEST,
      "packages/batch/src/transcribe.ts": PRERECORDED,
      "packages/live/package.json": MANIFEST,
      "packages/live/src/live.ts": LIVE,
    });
    const result = runCli(dir, ["--strategy", "adapter", "--no-report", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(dependenciesOf(dir, "packages/batch/package.json"))).toEqual(["gladia-to-assemblyai", "express"]);
    // Only live code there: nothing imports the runtime client, the manifest stays as it was.
    expect(read(dir, "packages/live/package.json")).toBe(MANIFEST);
    // Manifests settle after the code, but the results keep discovery order.
    const paths = JSON.parse(result.stdout).files.map((file: { path: string }) => file.path);
    expect(paths).toEqual([...paths].sort());
  });
});

describe("package.json with the native strategy", () => {
  it("keeps @gladiaio/sdk next to assemblyai while a file still uses Gladia live", () => {
    const dir = makeProject({ "package.json": MANIFEST, "src/transcribe.ts": PRERECORDED, "src/live.ts": LIVE });
    expect(runCli(dir, ["--no-report"]).code).toBe(0);
    expect(read(dir, "src/transcribe.ts")).toContain('from "assemblyai"');
    expect(Object.keys(dependenciesOf(dir, "package.json"))).toEqual(["@gladiaio/sdk", "assemblyai", "express"]);
  });

  it("replaces @gladiaio/sdk when the migrated code no longer imports it", () => {
    const dir = makeProject({ "package.json": MANIFEST, "src/transcribe.ts": PRERECORDED });
    expect(runCli(dir, ["--no-report"]).code).toBe(0);
    expect(Object.keys(dependenciesOf(dir, "package.json"))).toEqual(["assemblyai", "express"]);
  });
});

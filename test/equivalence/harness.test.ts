// Tests of the harness itself: routing for every HTTP client, and that non-equivalent pairs are caught.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGladiaEmulator } from "../emulators/gladia.js";
import type { Emulator } from "../emulators/emulator.js";
import { findRepoRoot } from "../emulators/specs.js";
import { applyDifferences, getEquivalenceProblems, runEquivalence } from "./equivalence.js";
import { findRunnableFixtures, readSidecar, type RunnableFixture } from "./fixtures.js";
import { runProgram } from "./run-program.js";

// Inside the repo so bare imports (axios, undici) resolve; ignored by git (node_modules).
const scratch = join(findRepoRoot(), "node_modules", ".cache", "equivalence", "harness-tests");
mkdirSync(scratch, { recursive: true });

function writeScratch(name: string, source: string): string {
  const file = join(scratch, name);
  writeFileSync(file, source);
  return file;
}

describe("routing preload", () => {
  let gladia: Emulator;
  beforeAll(async () => {
    gladia = await startGladiaEmulator({ apiKey: "k" });
  });
  afterAll(() => gladia.close());

  it("routes fetch, undici, node:https (default and named imports), axios and blocks other hosts", async () => {
    const program = writeScratch(
      "clients.mjs",
      `
import https, { request as namedRequest } from "node:https";
import { request as undiciRequest } from "undici";
import axios from "axios";
const url = "https://api.gladia.io/v2/pre-recorded/00000000-0000-4000-8000-000000000000";
const headers = { "x-gladia-key": "k" };
const viaHttps = (request) => new Promise((resolve, reject) => {
  request(url, { headers }, (res) => { res.resume(); resolve(res.statusCode); }).on("error", reject).end();
});
console.log("fetch", (await fetch(url, { headers })).status);
console.log("undici", (await undiciRequest(url, { headers })).statusCode);
console.log("https.request", await viaHttps(https.request));
console.log("named request", await viaHttps(namedRequest));
console.log("https.get", await new Promise((resolve) => https.get(url, { headers }, (res) => { res.resume(); resolve(res.statusCode); })));
console.log("axios", await axios.get(url, { headers }).catch((e) => e.response.status));
console.log("blocked fetch", await fetch("https://example.com/").then(() => "reached", (e) => e.cause?.code ?? e.message));
console.log("blocked https", await new Promise((resolve) => https.get("https://example.com/", () => resolve("reached")).on("error", (e) => resolve(e.code))));
`,
    );
    const result = await runProgram(program, { routes: { "api.gladia.io": gladia.url } });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim().split("\n")).toEqual([
      "fetch 404",
      "undici 404",
      "https.request 404",
      "named request 404",
      "https.get 404",
      "axios 404",
      "blocked fetch ENOTFOUND",
      "blocked https ENOTFOUND",
    ]);
    const routed = gladia.requests.filter((r) => r.path.startsWith("/v2/pre-recorded/"));
    expect(routed).toHaveLength(6);
    expect(routed.every((r) => r.headers.host === "api.gladia.io")).toBe(true);
  });

  it("routes Python requests, httpx (sync and async) and aiohttp", async () => {
    const program = writeScratch(
      "clients.py",
      `
import asyncio, aiohttp, httpx, requests
url = "https://api.gladia.io/v2/pre-recorded/00000000-0000-4000-8000-000000000000"
headers = {"x-gladia-key": "k"}
print("requests", requests.get(url, headers=headers).status_code)
print("httpx", httpx.get(url, headers=headers).status_code)
async def main():
    async with httpx.AsyncClient() as client:
        print("httpx async", (await client.get(url, headers=headers)).status_code)
    async with aiohttp.ClientSession() as session:
        async with session.get(url, headers=headers) as response:
            print("aiohttp", response.status)
    async with aiohttp.ClientSession(base_url="https://api.gladia.io", headers=headers) as session:
        async with session.get("/v2/pre-recorded/00000000-0000-4000-8000-000000000000") as response:
            print("aiohttp base_url", response.status)
asyncio.run(main())
`,
    );
    const before = gladia.requests.length;
    const result = await runProgram(program, { routes: { "api.gladia.io": gladia.url } });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim().split("\n")).toEqual(["requests 404", "httpx 404", "httpx async 404", "aiohttp 404", "aiohttp base_url 404"]);
    expect(gladia.requests.slice(before).map((r) => r.headers.host)).toEqual(Array(5).fill("api.gladia.io"));
  });
});

describe("differences and sidecars", () => {
  it("replaces whole lines and reports declared differences that never appear", () => {
    const differences = [
      { gladia: "Speaker 0", assemblyai: "Speaker A" },
      { gladia: "never printed", assemblyai: "x" },
    ];
    const { text, unused } = applyDifferences("Speaker 0\nSpeaker 0: hi\nSpeaker 0\n", differences);
    expect(text).toBe("Speaker A\nSpeaker 0: hi\nSpeaker A\n");
    expect(unused).toEqual([differences[1]]);
  });

  it("rejects malformed sidecars", () => {
    const bad = writeScratch("bad.run.json", JSON.stringify({ differences: [{ gladia: "a" }], extra: true }));
    expect(() => readSidecar(bad)).toThrow(/assemblyai|extra/);
  });
});

describe("non-equivalent pairs are caught", () => {
  const [original] = findRunnableFixtures().filter((f) => f.id === "equivalence/fetch-upload-poll");

  /** The fetch fixture with its migrated program edited. */
  function withBrokenOutput(name: string, edit: (source: string) => string, sidecar: Partial<RunnableFixture["sidecar"]> = {}): RunnableFixture {
    const output = writeScratch(`${name}-${basename(original.output)}`, edit(readFileSync(original.output, "utf8")));
    return { ...original, output, sidecar: { ...original.sidecar, ...sidecar } };
  }

  it("the untouched fixture passes (baseline)", async () => {
    expect(getEquivalenceProblems(await runEquivalence(original), original.sidecar)).toEqual([]);
  });

  it("catches a unit mistake (ms printed as seconds)", async () => {
    const fixture = withBrokenOutput("units", (s) => s.replace("(utterance.start / 1000)", "utterance.start"));
    const problems = getEquivalenceProblems(await runEquivalence(fixture), fixture.sidecar);
    expect(problems.join("\n")).toContain("stdout differs");
    expect(problems.join("\n")).toContain("+[210.00s] Speaker A");
  });

  it("catches a migrated program that still calls Gladia", async () => {
    const fixture = withBrokenOutput("still-gladia", (s) => s.replaceAll("https://api.assemblyai.com", "https://api.gladia.io"));
    const problems = getEquivalenceProblems(await runEquivalence(fixture), fixture.sidecar).join("\n");
    expect(problems).toContain("AssemblyAI program never called its emulator");
    expect(problems).toContain("no route to api.gladia.io");
  });

  it("catches Gladia-only parameters sent to AssemblyAI (HTTP 400 from the spec check)", async () => {
    const fixture = withBrokenOutput("gladia-param", (s) => s.replace("speaker_labels: true", "diarization: true"));
    const problems = getEquivalenceProblems(await runEquivalence(fixture), fixture.sidecar).join("\n");
    expect(problems).toMatch(/AssemblyAI program got HTTP 400 for POST \/v2\/transcript: .*diarization/);
  });

  it("catches stale declared differences and unexpected exit codes", async () => {
    const fixture = withBrokenOutput("stale", (s) => s, {
      differences: [...original.sidecar.differences, { gladia: "Speaker 2 said nothing", assemblyai: "Speaker C said nothing" }],
      exitCode: 3,
    });
    const problems = getEquivalenceProblems(await runEquivalence(fixture), fixture.sidecar).join("\n");
    expect(problems).toContain('declared difference never printed by the Gladia program: "Speaker 2 said nothing"');
    expect(problems).toContain("(expected exit code 3)");
  });
});

// Runs a fixture pair: the input (Gladia) program against the Gladia emulator, the output (AssemblyAI)
// program against the AssemblyAI emulator, and lists every way they fail to be equivalent.
import { dirname, join } from "node:path";
import { createTwoFilesPatch } from "diff";
import { startAssemblyAIEmulator, ASSEMBLYAI_HOSTS } from "../emulators/assemblyai.js";
import { startGladiaEmulator, GLADIA_HOST } from "../emulators/gladia.js";
import type { Emulator } from "../emulators/emulator.js";
import { findRepoRoot } from "../emulators/specs.js";
import type { RequestLogEntry } from "../emulators/http-kit.js";
import type { Difference, RunnableFixture, RunSidecar } from "./fixtures.js";
import { runProgram, type RunResult } from "./run-program.js";

/** Poll interval programs should use (`Number(process.env.POLL_MS ?? 3000)`), set for every run. */
export const POLL_MS = "5";

/** A tiny WAV any fixture may upload: `process.env.SAMPLE_AUDIO` (absolute path), set for every run. */
export const SAMPLE_AUDIO = join(findRepoRoot(), "fixtures", "equivalence", "audio", "hello.wav");

export interface SideResult extends RunResult {
  program: string;
  requests: RequestLogEntry[];
  violations: string[];
}

export interface EquivalenceResult {
  gladia: SideResult;
  assemblyai: SideResult;
  /** The Gladia program's stdout with the declared differences applied. */
  expectedStdout: string;
  unusedDifferences: Difference[];
}

/** Replaces each stdout line equal to a declared `gladia` line by its `assemblyai` counterpart. */
export function applyDifferences(stdout: string, differences: Difference[]): { text: string; unused: Difference[] } {
  const used = new Set<Difference>();
  const text = stdout
    .split("\n")
    .map((line) => {
      const difference = differences.find((d) => d.gladia === line);
      if (!difference) return line;
      used.add(difference);
      return difference.assemblyai;
    })
    .join("\n");
  return { text, unused: differences.filter((d) => !used.has(d)) };
}

function childEnv(gladia: Emulator, assemblyai: Emulator, sidecar: RunSidecar): Record<string, string> {
  return { GLADIA_API_KEY: gladia.apiKey, ASSEMBLYAI_API_KEY: assemblyai.apiKey, POLL_MS, SAMPLE_AUDIO, ...sidecar.env };
}

async function runSide(program: string, emulator: Emulator, hosts: string[], env: Record<string, string>, cwd: string): Promise<SideResult> {
  const routes = Object.fromEntries(hosts.map((host) => [host, emulator.url]));
  const result = await runProgram(program, { routes, env, cwd });
  return { ...result, program, requests: emulator.requests, violations: emulator.violations };
}

export async function runEquivalence(fixture: RunnableFixture): Promise<EquivalenceResult> {
  const options = { pollsBeforeDone: fixture.sidecar.pollsBeforeDone };
  const gladiaEmulator = await startGladiaEmulator(options);
  const assemblyaiEmulator = await startAssemblyAIEmulator(options);
  try {
    const env = childEnv(gladiaEmulator, assemblyaiEmulator, fixture.sidecar);
    // Programs run in the fixture's directory, so relative paths (audio/…) resolve.
    const cwd = dirname(fixture.sidecarPath);
    // Each side can only reach its own API: a migrated program still calling Gladia fails loudly.
    const gladia = await runSide(fixture.input, gladiaEmulator, [GLADIA_HOST], env, cwd);
    const assemblyai = await runSide(fixture.output, assemblyaiEmulator, ASSEMBLYAI_HOSTS, env, cwd);
    const { text, unused } = applyDifferences(gladia.stdout, fixture.sidecar.differences);
    return { gladia, assemblyai, expectedStdout: text, unusedDifferences: unused };
  } finally {
    await Promise.all([gladiaEmulator.close(), assemblyaiEmulator.close()]);
  }
}

function describeRun(label: string, side: SideResult): string {
  const tail = side.stderr.trim().split("\n").slice(-40).join("\n");
  return `${label} ${side.program} exited ${side.exitCode ?? side.signal}${side.timedOut ? " (timed out)" : ""}${tail ? `\n${tail}` : ""}`;
}

function checkSide(label: string, side: SideResult, sidecar: RunSidecar): string[] {
  const problems: string[] = [];
  const expectedExit = sidecar.exitCode ?? 0;
  if (side.exitCode !== expectedExit) problems.push(`${describeRun(label, side)}\n(expected exit code ${expectedExit})`);
  if (side.requests.length === 0) problems.push(`${label} program never called its emulator`);
  for (const v of side.violations) problems.push(`${label} emulator: ${v}`);
  if (!sidecar.allowHttpErrors) {
    for (const r of side.requests.filter((r) => (r.status ?? 0) >= 400)) {
      problems.push(`${label} program got HTTP ${r.status} for ${r.method} ${r.path}: ${r.error ?? ""}`);
    }
  }
  return problems;
}

/** Everything that makes the pair non-equivalent; empty when the migration preserved behaviour. */
export function getEquivalenceProblems(result: EquivalenceResult, sidecar: RunSidecar): string[] {
  const problems = [...checkSide("Gladia", result.gladia, sidecar), ...checkSide("AssemblyAI", result.assemblyai, sidecar)];
  if (result.gladia.exitCode !== result.assemblyai.exitCode) {
    problems.push(`exit codes differ: Gladia ${result.gladia.exitCode}, AssemblyAI ${result.assemblyai.exitCode}`);
  }
  if (result.expectedStdout !== result.assemblyai.stdout) {
    const patch = createTwoFilesPatch("expected (Gladia output + declared differences)", "AssemblyAI output", result.expectedStdout, result.assemblyai.stdout);
    problems.push(`stdout differs:\n${patch}`);
  }
  for (const d of result.unusedDifferences) problems.push(`declared difference never printed by the Gladia program: ${JSON.stringify(d.gladia)}`);
  return problems;
}

// Runs one program file as a child process with the real API hostnames routed to local emulators, and
// captures what it prints. Node programs (.mjs/.js/.cjs; .ts/.mts/.cts transpiled first) get the routing
// preload; Python programs run with Debian's /usr/bin/python3 and the routing sitecustomize.py.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { findRepoRoot } from "../emulators/specs.js";

export interface RunOptions {
  /** Hostname → emulator base URL (http://127.0.0.1:PORT), e.g. {"api.gladia.io": gladia.url}. */
  routes: Record<string, string>;
  /** Extra environment variables (API keys, POLL_MS, …). */
  env?: Record<string, string>;
  /** Working directory; defaults to the program's directory so relative paths (audio files) resolve. */
  cwd?: string;
  /** Safety net against hanging programs (not a performance assertion). Default 30 s. */
  timeoutMs?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const PRELOAD = pathToFileURL(join(HERE, "preload.mjs")).href;
const PYTHON_PATH = join(HERE, "python");
export const PYTHON = "/usr/bin/python3";

// Variables a child must not inherit: test-runner markers change library behaviour (the Gladia SDK
// skips its own setup under vitest), proxies would send traffic elsewhere, NODE_OPTIONS could drop the preload.
const DROPPED_ENV = /^(VITEST|NODE_OPTIONS$|NODE_ENV$|(http|https|all|no)_proxy$)/i;

interface Launcher {
  command: string;
  args(file: string): string[];
  prepare?(file: string): string;
  env?: Record<string, string>;
}

// Inside the repo's node_modules so the program's bare imports (axios, assemblyai, …) resolve.
function writeToCache(file: string, text: string, outExt: string): string {
  const dir = join(findRepoRoot(), "node_modules", ".cache", "equivalence");
  mkdirSync(dir, { recursive: true });
  const hash = createHash("sha1").update(file).update(text).digest("hex").slice(0, 10);
  const out = join(dir, `${basename(file, extname(file))}-${hash}${outExt}`);
  writeFileSync(out, text);
  return out;
}

function transpileTo(module: ts.ModuleKind, outExt: string) {
  return (file: string): string => {
    const source = readFileSync(file, "utf8");
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    return writeToCache(file, outputText, outExt);
  };
}

function isCommonJs(source: string): boolean {
  const file = ts.createSourceFile("program.js", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  return !file.statements.some(isEsmStatement) && /\brequire\s*\(/.test(source);
}

function isEsmStatement(statement: ts.Statement): boolean {
  if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) return true;
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  return modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

// A `.js` file is ESM in this repo ("type": "module"); a CommonJS `.js` program (require, no import/export)
// runs as `.cjs` so the fixture keeps the extension its author gave it.
function runCommonJsAsCjs(file: string): string {
  const source = readFileSync(file, "utf8");
  return isCommonJs(source) ? writeToCache(file, source, ".cjs") : file;
}

const node: Launcher = { command: process.execPath, args: (file) => ["--import", PRELOAD, file] };

const LAUNCHERS: Record<string, Launcher> = {
  ".mjs": node,
  ".js": { ...node, prepare: runCommonJsAsCjs },
  ".cjs": node,
  ".ts": { ...node, prepare: transpileTo(ts.ModuleKind.ESNext, ".mjs") },
  ".mts": { ...node, prepare: transpileTo(ts.ModuleKind.ESNext, ".mjs") },
  ".cts": { ...node, prepare: transpileTo(ts.ModuleKind.CommonJS, ".cjs") },
  ".py": {
    command: PYTHON,
    args: (file) => [file],
    env: { PYTHONPATH: PYTHON_PATH, PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1" },
  },
};

export function isRunnableFile(file: string): boolean {
  return extname(file) in LAUNCHERS;
}

function toRoutePorts(routes: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(routes).map(([host, url]) => [host, Number(new URL(url).port)])));
}

function childEnv(options: RunOptions, launcher: Launcher): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !DROPPED_ENV.test(key)));
  return { ...inherited, ...launcher.env, ...options.env, EQUIVALENCE_ROUTES: toRoutePorts(options.routes) };
}

export async function runProgram(file: string, options: RunOptions): Promise<RunResult> {
  const launcher = LAUNCHERS[extname(file)];
  if (!launcher) throw new Error(`runProgram: no launcher for ${extname(file)} (${file})`);
  const entry = launcher.prepare ? launcher.prepare(file) : file;
  const child = spawn(launcher.command, launcher.args(entry), {
    cwd: options.cwd ?? dirname(file),
    env: childEnv(options, launcher),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.timeoutMs ?? 30_000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, sig) => resolve([code, sig]));
  });
  clearTimeout(timer);
  return { stdout, stderr, exitCode, signal, timedOut };
}

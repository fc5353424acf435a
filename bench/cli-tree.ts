// Times the CLI dry run on a generated TypeScript tree (a git repo in a temp dir):
// `node dist/bench/cli-tree.js [plain] [gladia] [consumers] [runs] [bin]` (defaults 950, 50, 5, 3,
// this repo's bin). Prints JSON: the median wall time and what the run reported. With
// CLI_TREE_DIR set, the tree is generated there and kept (to time other builds on it).
// The tree: Gladia modules (raw HTTP + a `GladiaJob` type), a model module declaring the job shape
// without naming Gladia, consumers reading it (one only through another module), and plain
// modules importing each other (with their own `start`/`end`/`text`/`status` fields).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const DEFAULT_BIN = fileURLToPath(new URL("../../bin/gladia-to-assemblyai.js", import.meta.url));

const GLADIA_TYPES = `export interface GladiaJob {
  id: string;
  status: "queued" | "processing" | "done" | "error";
  error_code?: number | null;
  result?: { transcription: { full_transcript: string; utterances: { start: number; end: number; text: string; speaker: number }[] } } | null;
}
`;

function gladiaModule(i: number): string {
  return `import type { GladiaJob } from "./types";

const GLADIA_URL = "https://api.gladia.io/v2/pre-recorded";

export async function transcribe${i}(audioUrl: string): Promise<string> {
  const created = await fetch(GLADIA_URL, {
    method: "POST",
    headers: { "x-gladia-key": process.env.GLADIA_API_KEY ?? "", "Content-Type": "application/json" },
    body: JSON.stringify({ audio_url: audioUrl, diarization: true }),
  });
  const { result_url } = await created.json();
  for (;;) {
    const job = (await (await fetch(result_url, { headers: { "x-gladia-key": process.env.GLADIA_API_KEY ?? "" } })).json()) as GladiaJob;
    if (job.status === "done") return job.result?.transcription.full_transcript ?? "";
    if (job.status === "error") throw new Error(\`failed: \${job.error_code}\`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
`;
}

const MODEL = `export interface Utterance { start: number; end: number; text: string; speaker: number }
export interface TranscriptJob {
  id: string;
  status: "queued" | "processing" | "done" | "error";
  result?: { transcription: { full_transcript: string; languages: string[]; utterances: Utterance[] } } | null;
}
`;

const STORE = `import type { TranscriptJob } from "./job";

const jobs = new Map<string, TranscriptJob>();
export const loadJob = (id: string): TranscriptJob | undefined => jobs.get(id);
`;

function consumer(i: number): string {
  return `import type { TranscriptJob } from "../model/job";

export function captions${i}(job: TranscriptJob): string[] {
  return (job.result?.transcription.utterances ?? []).map((u) => \`\${u.speaker} \${u.start}-\${u.end}: \${u.text}\`);
}

export const text${i} = (job: TranscriptJob): string => job.result?.transcription.full_transcript ?? "";
`;
}

/** Reads the job only through the store: no Gladia key in the text, found by its import. */
const PAGE = `import { loadJob } from "../model/store";

export function headline(id: string): string {
  const job = loadJob(id);
  return job?.status === "done" ? job.result?.transcription.full_transcript.slice(0, 80) ?? "" : "pending";
}
`;

function plain(i: number, count: number): string {
  const a = (i * 7 + 3) % count;
  const b = (i * 13 + 5) % count;
  return `import { helper${a % 7} as first } from "./module${a}";
import { helper${b % 7} as second } from "./module${b}";

export interface Slot${i} { start: number; end: number; text: string; status: "done" | "error"; tags: string[] }

export function helper${i % 7}(): string {
  return "m${i}";
}

export function length${i}(slot: Slot${i}): number {
  const parts = slot.tags.map((tag) => tag.length + slot.text.length);
  return slot.status === "done" ? slot.end - slot.start + parts.length + first().length + second().length : 0;
}
`;
}

function generate(root: string, plainCount: number, gladiaCount: number, consumers: number): void {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("src/gladia/types.ts", GLADIA_TYPES);
  for (let i = 1; i < gladiaCount; i++) write(`src/gladia/job${i}.ts`, gladiaModule(i));
  write("src/model/job.ts", MODEL);
  write("src/model/store.ts", STORE);
  for (let i = 0; i < consumers - 1; i++) write(`src/features/captions${i}.ts`, consumer(i));
  write("src/features/page.ts", PAGE);
  for (let i = 0; i < plainCount; i++) write(`src/lib/module${i}.ts`, plain(i, plainCount));
  write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler" } }));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.email=bench@example.com", "-c", "user.name=bench", "commit", "-q", "-m", "tree");
}

function timeRun(bin: string, cwd: string): { ms: number; summary: Record<string, number>; typesFiles: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ".", "--dry-run", "--no-report", "--json", "--quiet"], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Math.round(performance.now() - started);
  if (result.status !== 0 && result.status !== 1) throw new Error(result.stderr);
  const json = JSON.parse(result.stdout) as { summary: Record<string, number>; files: { steps: string[] }[] };
  return { ms, summary: json.summary, typesFiles: json.files.filter((f) => f.steps.includes("types")).length };
}

function main(): void {
  const [plainCount = 950, gladiaCount = 50, consumers = 5, runs = 3] = process.argv.slice(2, 6).map(Number);
  const bin = process.argv[6] ?? DEFAULT_BIN;
  const keep = process.env.CLI_TREE_DIR;
  const root = keep ?? mkdtempSync(join(tmpdir(), "cli-tree-"));
  if (keep) mkdirSync(keep, { recursive: true });
  try {
    generate(root, plainCount, gladiaCount, consumers);
    const results = Array.from({ length: runs }, () => timeRun(bin, root));
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    const { summary, typesFiles } = results[0];
    console.log(JSON.stringify({ files: summary.files, medianMs: times[Math.floor(times.length / 2)], times, summary, typesFiles }));
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

main();

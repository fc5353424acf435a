// Times the ts-morph type pass (`analyseProject`) on a generated 1,000-file TypeScript project:
// `node dist/bench/type-pass.js [files] [gladiaShare]` (defaults 1000 and 0.05). Prints JSON.
// The project: one Gladia types module, one SDK client module, consumers reading job results,
// and unrelated modules (with their own `start`/`end`/`text` fields) importing each other.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseProject } from "../src/analysis/index.js";

const TYPES = `export interface GladiaWord { word: string; start: number; end: number; confidence: number }
export interface GladiaUtterance { start: number; end: number; speaker?: number; text: string; words: GladiaWord[] }
export interface GladiaJob {
  id: string;
  status: "queued" | "processing" | "done" | "error";
  result?: { transcription: { full_transcript: string; utterances: GladiaUtterance[] } } | null;
}
`;

function consumer(i: number): string {
  return `import type { GladiaJob, GladiaUtterance } from "../gladia/types";
import { helper${i % 7} } from "../lib/module${i % 50}";

export function text${i}(job: GladiaJob): string {
  return job.result?.transcription.full_transcript ?? helper${i % 7}();
}

export function turns${i}(utterances: GladiaUtterance[]): string[] {
  return utterances.map((u) => \`\${u.speaker}: \${u.text} (\${u.end - u.start})\`);
}
`;
}

function unrelated(i: number, count: number): string {
  const a = (i * 7 + 3) % count;
  const b = (i * 13 + 5) % count;
  return `import { helper${a % 7} as first } from "./module${a}";
import { helper${b % 7} as second } from "./module${b}";

export interface Slot${i} { start: number; end: number; text: string; tags: string[] }

export function helper${i % 7}(): string {
  return "m${i}";
}

export function length${i}(slot: Slot${i}): number {
  const parts = slot.tags.map((tag) => tag.length + slot.text.length);
  return slot.end - slot.start + parts.length + first().length + second().length;
}

export class Store${i} {
  private readonly slots = new Map<string, Slot${i}>();
  add(id: string, slot: Slot${i}): void { this.slots.set(id, slot); }
  total(): number { return [...this.slots.values()].reduce((sum, s) => sum + length${i}(s), 0); }
}
`;
}

function generate(root: string, files: number, share: number): string[] {
  const consumers = Math.max(1, Math.round(files * share));
  const others = files - consumers - 2;
  mkdirSync(join(root, "src/gladia"), { recursive: true });
  mkdirSync(join(root, "src/lib"), { recursive: true });
  mkdirSync(join(root, "src/features"), { recursive: true });
  const written: string[] = [];
  const write = (path: string, text: string) => {
    writeFileSync(join(root, path), text);
    written.push(path);
  };
  write("src/gladia/types.ts", TYPES);
  write("src/gladia/client.ts", `export const API_URL = "https://api.gladia.io/v2/pre-recorded";\n`);
  for (let i = 0; i < consumers; i++) write(`src/features/consumer${i}.ts`, consumer(i));
  for (let i = 0; i < others; i++) write(`src/lib/module${i}.ts`, unrelated(i, Math.max(others, 50)));
  writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "ESNext", moduleResolution: "Bundler", types: [] } }));
  return written;
}

async function main(): Promise<void> {
  const files = Number(process.argv[2] ?? 1000);
  const share = Number(process.argv[3] ?? 0.05);
  const root = mkdtempSync(join(tmpdir(), "type-pass-"));
  try {
    const candidates = generate(root, files, share);
    const started = performance.now();
    const hints = await analyseProject(root, candidates);
    const ms = Math.round(performance.now() - started);
    const locations = [...hints.values()].reduce((n, h) => n + h.locations.length, 0);
    console.log(JSON.stringify({ files: candidates.length, gladiaShare: share, filesWithHints: hints.size, locations, ms }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();

// One CPU-profiled CLI run (`node --cpu-prof`), summarised by where the time goes: module loading,
// file system, the CLI's own files, each npm package, GC. Workers write their own profiles.

import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { cliArgv } from "./commands.js";
import { runMeasured } from "./measure.js";

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string } }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  dir: string;
  wallSeconds: number;
  threads: Array<{ file: string; profiledMs: number; top: Array<{ category: string; ms: number }> }>;
}

export async function profileCli(root: string, repo: string, dir: string, top = 12): Promise<ProfileSummary> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = await runMeasured({ label: "cli-profile", argv: cliArgv(root, repo, ["--cpu-prof", "--cpu-prof-dir", dir]), cwd: repo, env: { ...process.env, NO_COLOR: "1" } });
  const threads = readdirSync(dir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .sort()
    .map((file) => summarizeProfile(path.join(dir, file), root, top));
  return { dir, wallSeconds: run.seconds, threads };
}

function summarizeProfile(file: string, root: string, top: number) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const categoryById = new Map(profile.nodes.map((node) => [node.id, categorize(node.callFrame, root)]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const category = categoryById.get(id) ?? "(unknown)";
    totals.set(category, (totals.get(category) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const sorted = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    file: path.basename(file),
    profiledMs: (profile.endTime - profile.startTime) / 1000,
    top: sorted.map(([category, ms]) => ({ category, ms: Math.round(ms) })),
  };
}

function categorize(frame: { url: string; functionName: string }, root: string): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (/internal\/modules|node:module/.test(url)) return "node: module loading";
  if (/internal\/fs|node:fs/.test(url)) return "node: fs";
  if (/worker|piscina/.test(url) && url.startsWith("node:")) return "node: worker threads";
  if (url.startsWith("node:")) return "node: other core";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "/node_modules/".length).split("/");
    return `npm: ${parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  const local = url.replace(/^file:\/\//, "");
  return local.startsWith(root) ? `cli: ${path.relative(root, local)}` : url;
}

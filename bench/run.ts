// `npm run bench [-- --corpus a,b,c,d] [--repo PATH] [--runs N] [--warmups N] [--tools floor,cli,jscodeshift]
//   [--anchor-corpora a,b,c] [--profile a,c] [--regenerate] [--cache-dir DIR]`
// Measures the floor, the CLI and jscodeshift on each corpus, prints a table and the target checks,
// and ends stdout with one JSON line holding every figure (also written to bench/results.json).

import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { TOOLS, buildCommand, cliArgv, detectCli, findProjectRoot, type CliStatus, type Tool } from "./commands.js";
import { CORPORA, GENERATOR_VERSION, defaultCacheDir, ensureCorpus, type CorpusName } from "./generate.js";
import { median, runRounds, summarize, type Command, type RunSample, type Summary } from "./measure.js";
import { traceCliModules } from "./module-trace.js";
import { measurePaired } from "./paired.js";
import { profileCli, type ProfileSummary } from "./profile.js";
import { formatProfile, formatResults, formatTargets } from "./report.js";
import { evaluateTargets, ratio, type CorpusResult, type Results } from "./targets.js";

interface Options {
  corpora: CorpusName[];
  repos: string[];
  runs: number;
  warmups: number;
  tools: Tool[];
  /** Corpora jscodeshift runs on: it takes minutes on (d) and adds nothing there. */
  anchorCorpora: string[];
  profile: string[];
  regenerate: boolean;
  cacheDir: string;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: "string" },
      repo: { type: "string", multiple: true },
      runs: { type: "string", default: "5" },
      warmups: { type: "string", default: "1" },
      tools: { type: "string", default: TOOLS.join(",") },
      "anchor-corpora": { type: "string", default: "a,b,c" },
      profile: { type: "string", default: "" },
      regenerate: { type: "boolean", default: false },
      "cache-dir": { type: "string", default: defaultCacheDir() },
    },
  });
  const repos = (values.repo ?? []).map((repo) => path.resolve(repo));
  const corpora = (values.corpus ?? (repos.length ? "" : "a,b,c,d")).split(",").filter(Boolean);
  const bad = corpora.find((name) => !(name in CORPORA));
  if (bad) throw new Error(`unknown corpus "${bad}" (use a, b, c, d)`);
  const tools = values.tools.split(",").filter(Boolean) as Tool[];
  if (tools.some((tool) => !TOOLS.includes(tool))) throw new Error(`--tools takes ${TOOLS.join(",")}`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a positive integer");
  return {
    corpora: corpora as CorpusName[], repos, runs, warmups: Number(values.warmups), tools,
    anchorCorpora: values["anchor-corpora"].split(",").filter(Boolean),
    profile: values.profile.split(",").filter(Boolean), regenerate: values.regenerate, cacheDir: values["cache-dir"],
  };
}

interface Subject {
  name: string;
  dir: string;
  files: number;
}

function countTrackedFiles(repo: string): number {
  return execFileSync("git", ["ls-files", "-z"], { cwd: repo, maxBuffer: 1 << 30, encoding: "utf8" }).split("\0").filter(Boolean).length;
}

function logRun(name: string, total: number, warmups: number) {
  return (command: Command, sample: RunSample, round: number) => {
    const rss = sample.peakRssBytes === null ? "-" : `${Math.round(sample.peakRssBytes / 1048576)} MiB`;
    const tag = round < warmups ? "warm-up" : `run ${round - warmups + 1}/${total}`;
    const exit = sample.exitCode === 0 ? "" : ` exit ${sample.exitCode}: ${sample.stderrTail.trim().split("\n").slice(-2).join(" | ")}`;
    const cpu = sample.cpuSeconds === null ? "" : `  cpu ${sample.cpuSeconds.toFixed(2)} s`;
    log(`[${name}] ${tag} ${command.label.padEnd(12)} ${sample.seconds.toFixed(3)} s  ${rss}${cpu}  load ${sample.loadAverage.toFixed(1)}${exit}`);
  };
}

async function measureSubject(subject: Subject, root: string, options: Options, cli: CliStatus): Promise<CorpusResult> {
  const isRepo = subject.name.startsWith("repo:");
  const tools = options.tools.filter(
    (tool) => (tool !== "cli" || cli.available) && (tool !== "jscodeshift" || isRepo || options.anchorCorpora.includes(subject.name)),
  );
  const commands = tools.map((tool) => buildCommand(tool, root, subject.dir));
  const typePass = subject.name === "b" && options.tools.includes("cli") ? typePassCommand(root, subject.dir, cli) : undefined;
  if (typePass) commands.push(typePass);
  log(`[${subject.name}] ${subject.files} files in ${subject.dir}: ${commands.map((c) => c.label).join(", ")}, ${options.warmups} warm-up + ${options.runs} runs`);
  const samples = await runRounds(commands, { runs: options.runs, warmups: options.warmups, onRun: logRun(subject.name, options.runs, options.warmups) });
  const summary = (label: string) => (samples.get(label)?.length ? summarize(samples.get(label)!) : undefined);
  const floor = summary("floor");
  const cliSummary = summary("cli");
  const jscodeshift = summary("jscodeshift");
  const floorOutput = samples.get("floor")?.[0]?.stdout.trim();
  const result: CorpusResult = {
    name: subject.name,
    dir: subject.dir,
    files: subject.files,
    gladiaFiles: floorOutput ? Number(floorOutput) : null,
    floor, cli: cliSummary, jscodeshift,
    cliOverFloor: ratio(cliSummary?.medianSeconds, floor?.medianSeconds),
    jscodeshiftOverCli: ratio(jscodeshift?.medianSeconds, cliSummary?.medianSeconds),
    cliFilesPerSecond: cliSummary ? subject.files / cliSummary.medianSeconds : null,
    cliRunsValid: cliSummary ? cliSummary.exitCodes.every((code) => code === 0 || code === 1) : null,
  };
  if (typePass) result.typePass = typePassResult(typePass, samples.get(typePass.label)!, cliSummary, cli);
  if (cli.available && options.tools.includes("cli")) result.modules = await traceCliModules(root, subject.dir);
  return result;
}

/**
 * How the ts-morph type pass is measured on (b): through the CLI when it has a flag that turns the
 * pass off, else directly (bench/type-pass.ts calls the analysis the way a run would).
 */
function typePassCommand(root: string, repo: string, cli: CliStatus): Command | undefined {
  if (cli.available && cli.typePassOffFlag) {
    const base = buildCommand("cli", root, repo);
    return { ...base, label: "cli-no-types", argv: [...base.argv, cli.typePassOffFlag] };
  }
  if (!existsSync(path.join(root, "dist", "src", "analysis", "index.js"))) return undefined;
  return { label: "type-pass", argv: [process.execPath, path.join(root, "dist", "bench", "type-pass.js"), repo], cwd: repo, captureStdout: true };
}

function typePassResult(command: Command, samples: RunSample[], cliSummary: Summary | undefined, cli: CliStatus): CorpusResult["typePass"] {
  const run = summarize(samples);
  if (command.label === "cli-no-types") {
    if (!cliSummary) return undefined;
    // Both commands ran in the same rounds: the median of the per-round differences.
    const added = median(cliSummary.seconds.map((seconds, i) => seconds - run.seconds[i]));
    return { method: `CLI with and without ${cli.typePassOffFlag}`, addedSeconds: added, run };
  }
  const reports = samples.map((sample) => JSON.parse(sample.stdout.trim().split("\n").pop() ?? "{}") as { seconds?: number; hintedFiles?: number });
  if (reports.some((report) => typeof report.seconds !== "number")) return undefined;
  return { method: "analyseProject() over the tracked files, timed in-process (bench/type-pass.ts)", addedSeconds: median(reports.map((r) => r.seconds!)), run, hintedFiles: reports[0].hintedFiles };
}

function resolveSubjects(options: Options, root: string): Subject[] {
  const corpora = options.corpora.map((name) => {
    const corpus = ensureCorpus(name, { root, cacheDir: options.cacheDir, regenerate: options.regenerate, log });
    return { name, dir: corpus.dir, files: corpus.files };
  });
  const repos = options.repos.map((dir) => ({ name: `repo:${path.basename(dir)}`, dir, files: countTrackedFiles(dir) }));
  return [...corpora, ...repos];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = findProjectRoot(path.dirname(new URL(import.meta.url).pathname));
  const cli = detectCli(root);
  if (!cli.available) log(`CLI figures will be missing: ${cli.reason}`);
  const subjects = resolveSubjects(options, root);
  const results: Results = {};
  const profiles: Record<string, ProfileSummary> = {};
  for (const subject of subjects) {
    results[subject.name] = await measureSubject(subject, root, options, cli);
    if (cli.available && options.profile.includes(subject.name)) {
      profiles[subject.name] = await profileCli(root, subject.dir, path.join(os.tmpdir(), "gladia-to-assemblyai-bench-profiles", subject.name));
    }
  }
  const paired = cli.available && options.tools.includes("cli")
    ? await measurePaired(root, Object.fromEntries(subjects.map((s) => [s.name, s.dir])), { runs: options.runs, warmups: options.warmups, onRun: logRun("paired", options.runs, options.warmups) })
    : undefined;
  const checks = evaluateTargets({ corpora: results, paired }, cli.available ? undefined : cli.reason);
  const report = {
    generatorVersion: GENERATOR_VERSION,
    date: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), node: process.version, platform: `${os.platform()} ${os.release()}`, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    runs: options.runs,
    warmups: options.warmups,
    cli: { available: cli.available, reason: cli.reason ?? null, typePassOffFlag: cli.typePassOffFlag ?? null, command: cliArgv(root, "<repo>").slice(1).join(" ") },
    corpora: results,
    paired: paired ?? null,
    targets: checks,
    profiles,
  };
  const lines = [formatResults(results, paired), "", formatTargets(checks)];
  for (const [name, profile] of Object.entries(profiles)) lines.push("", formatProfile(name, profile));
  process.stdout.write(`${lines.join("\n")}\n`);
  writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(report, null, 2) + "\n");
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { FileResult } from "./core/types.js";
import { parseArgs, UsageError, type CliOptions } from "./cli/args.js";
import { allSteps, REGISTRY } from "./languages/registry.js";
import type { RunResult } from "./report/types.js";
import { displayPathOf } from "./runner/discover.js";
import { uncommittedChanges } from "./runner/git.js";
import type { Progress } from "./runner/progress.js";
import { run } from "./runner/run.js";
import { engineVersions, ownVersion } from "./version.js";

// The CLI: parse, refuse early (usage, dirty tree), run, print, write the report, exit code.
// Start-up stays light: parsers, the pool, diff, prettier and the printers load only when needed.

type Output = typeof import("./cli/output.js");

function printVersions(): void {
  const own = ownVersion();
  const lines = [`${own.name} ${own.version}`, ...engineVersions().map(({ name, version }) => `${name} ${version}`)];
  process.stdout.write(`${lines.join("\n")}\n`);
}

function printTransforms(): void {
  const lines = REGISTRY.flatMap((entry) => [`${entry.name}:`, ...entry.steps.map((step) => `  ${step.name.padEnd(16)} ${step.description}`)]);
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** Applying on a dirty tree would mix the migration with other changes: refuse before any work. */
function refuseDirtyTree(options: CliOptions, reportPath: string | undefined): string | undefined {
  if (options.mode !== "apply" || options.allowDirty) return undefined;
  const dirty = [...new Set(options.paths.flatMap((path) => uncommittedChanges(resolve(path), reportPath ? [reportPath] : [])))];
  if (dirty.length === 0) return undefined;
  const sample = dirty.slice(0, 5).join(", ") + (dirty.length > 5 ? ", …" : "");
  return (
    `refusing to migrate: the git working tree has uncommitted changes (${dirty.length} file(s): ${sample}).\n` +
    "Commit or stash them first so the migration can be reviewed and undone on its own, " +
    "preview with --dry-run, or pass --allow-dirty."
  );
}

/** Prints each settled file as it arrives: failures always, statuses with -v, diffs unless a bar is up. */
class FilePrinter {
  progress: Progress | undefined;

  constructor(
    private options: CliOptions,
    private output: Output,
  ) {}

  onFile(result: FileResult, candidate: boolean): void {
    if (result.status === "failed") this.output.printFailure(result);
    else if (this.options.verbose && !this.options.quiet && result.status !== "unchanged") this.output.printStatus(result);
    if (this.showsDiffs() && !this.progress?.active) this.output.printDiff(result);
    if (candidate) this.progress?.tick();
  }

  async onCandidates(count: number): Promise<void> {
    const { startProgress } = await import("./runner/progress.js");
    this.progress = await startProgress(count, !this.options.quiet);
  }

  /** Diffs held back while the bar was on screen. */
  finish(run: RunResult): void {
    this.progress?.stop();
    if (this.progress?.active && this.showsDiffs()) run.files.forEach((file) => this.output.printDiff(file));
  }

  private showsDiffs(): boolean {
    return !this.options.quiet && !this.options.json;
  }
}

async function writeReport(path: string, run: RunResult): Promise<void> {
  const { toMarkdown } = await import("./report/markdown.js");
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, toMarkdown(run, allSteps()));
}

function exitCode(run: RunResult, options: CliOptions): number {
  if (run.summary.failed > 0) return 1;
  if (options.mode === "check" && (run.summary.changed > 0 || run.summary.markers > 0)) return 1;
  return 0;
}

async function migrate(options: CliOptions): Promise<number> {
  const cwd = process.cwd();
  const reportPath = options.report === undefined ? undefined : resolve(options.report);
  const refusal = refuseDirtyTree(options, reportPath);
  if (refusal) {
    process.stderr.write(`gladia-to-assemblyai: ${refusal}\n`);
    return 2;
  }
  const started = Date.now();
  const output = await import("./cli/output.js");
  const printer = new FilePrinter(options, output);
  const result = await run(
    {
      paths: options.paths,
      mode: options.mode,
      jobs: options.jobs,
      ignore: options.ignore,
      maxFileSize: options.maxFileSize,
      format: options.format,
      transform: {
        strategy: options.strategy,
        ...(options.transforms ? { transforms: options.transforms } : {}),
        ...(options.typePass ? {} : { typePass: false }),
      },
      ...(reportPath ? { reportPath } : {}),
      cwd,
    },
    { onFile: (file, candidate) => printer.onFile(file, candidate), onCandidates: (count) => printer.onCandidates(count) },
  );
  printer.finish(result);
  const reportDisplay = reportPath ? displayPathOf(reportPath, cwd) : undefined;
  if (reportPath) {
    result.report = reportDisplay;
    try {
      await writeReport(reportPath, result);
    } catch (error) {
      process.stderr.write(`gladia-to-assemblyai: cannot write the report ${reportDisplay}: ${(error as Error).message}\n`);
      return 1;
    }
  }
  if (options.json) process.stdout.write((await import("./report/json.js")).toJson(result));
  if (!options.quiet) output.printSummary(result, reportDisplay);
  if (options.verbose && !options.quiet) process.stderr.write(`done in ${Date.now() - started} ms\n`);
  return exitCode(result, options);
}

export async function main(argv: string[]): Promise<number> {
  try {
    const parsed = await parseArgs(argv);
    if (parsed.kind === "help") return 0;
    if (parsed.kind === "version") printVersions();
    if (parsed.kind === "list-transforms") printTransforms();
    if (parsed.kind !== "run") return 0;
    return await migrate(parsed.options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`gladia-to-assemblyai: ${error.message}\nRun gladia-to-assemblyai --help for usage.\n`);
    return 2;
  }
}

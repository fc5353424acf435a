import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { allSteps, entryFor } from "../languages/registry.js";
import type { RunMode } from "../report/types.js";

// Command-line parsing (yargs, strict): every problem with the arguments is a UsageError (exit 2).

// yargs' CommonJS build is one bundled file: it loads several times faster than its ESM build,
// which matters for start-up on large repos (see README, "Speed").
const yargs = createRequire(import.meta.url)("yargs") as typeof import("yargs").default;

export class UsageError extends Error {}

export const DEFAULT_REPORT = "./gladia-to-assemblyai-report.md";
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export interface CliOptions {
  paths: string[];
  mode: RunMode;
  /** Undefined with --no-report. */
  report?: string;
  json: boolean;
  allowDirty: boolean;
  jobs: number;
  ignore: string[];
  maxFileSize: number;
  format: boolean;
  transforms?: string[];
  strategy: "native" | "adapter";
  /** The ts-morph type pass across files (--no-type-pass: off). */
  typePass: boolean;
  quiet: boolean;
  verbose: boolean;
}

export type ParsedArgs = { kind: "run"; options: CliOptions } | { kind: "help" | "version" | "list-transforms" };

const EPILOG = `Exit codes: 0 success; 1 a file failed (or, with --check, a file would change or a marker remains); 2 usage error or refused run.`;

function buildParser(argv: string[]) {
  return yargs(argv)
    .version(false) // our own --version prints the engines' versions too
    .scriptName("gladia-to-assemblyai")
    .command("$0 [paths..]", "Migrate Gladia speech-to-text code to AssemblyAI (applies the migration; see --dry-run)", (y) =>
      y.positional("paths", { type: "string", array: true, default: ["."], describe: "files or directories to migrate" }),
    )
    .option("dry-run", { alias: "d", type: "boolean", default: false, describe: "print unified diffs (coloured on a terminal), write no source file" })
    .option("check", { type: "boolean", default: false, describe: "like --dry-run, and exit 1 if any file would change or any marker remains (CI gate)" })
    .option("report", { type: "string", default: DEFAULT_REPORT, describe: "markdown report path; --no-report to skip" })
    .option("json", { type: "boolean", default: false, describe: "machine-readable result on stdout (same data as the report)" })
    .option("allow-dirty", { type: "boolean", default: false, describe: "run even if the git working tree has uncommitted changes" })
    .option("jobs", { alias: "j", type: "number", describe: "worker threads (default: number of cores)" })
    .option("ignore", { type: "string", describe: "extra ignore pattern, gitignore syntax (repeatable)" })
    .option("max-file-size", { type: "number", default: DEFAULT_MAX_FILE_SIZE, describe: "skip (and report) files larger than this many bytes" })
    .option("format", { type: "boolean", default: true, describe: "run prettier on changed files when the project has a prettier config; --no-format: never" })
    .option("transforms", { type: "string", describe: "only these steps, comma-separated (see --list-transforms)" })
    .option("list-transforms", { type: "boolean", default: false, describe: "list the transform steps and exit" })
    .option("strategy", { choices: ["native", "adapter"] as const, default: "native" as const, describe: "SDK code: rewrite to the assemblyai SDK (native) or point it at a compatibility client (adapter)" })
    .option("type-pass", { type: "boolean", default: true, describe: "TypeScript type pass across files (ts-morph); --no-type-pass: faster, but fewer cross-file migrations" })
    .option("quiet", { alias: "q", type: "boolean", default: false, describe: "print nothing but errors" })
    .option("verbose", { alias: "v", type: "boolean", default: false, describe: "print every file's status (--quiet wins)" })
    .option("version", { type: "boolean", default: false, describe: "print the versions of this tool and its engines" })
    .help()
    .alias("help", "h")
    .epilog(EPILOG)
    .strict()
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((message, error) => {
      throw new UsageError(message ?? error?.message ?? "invalid arguments");
    });
}

// Repeatable options take one value each (not yargs arrays, which would swallow the paths after them).
function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : [value].flat();
}

/** A repeated single-value option: the last one wins. */
function lastOf<T>(value: T | T[]): T {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function splitList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return listOf(value).flatMap((item) => item.split(",")).map((name) => name.trim()).filter(Boolean);
}

function checkTransforms(names: string[] | undefined): void {
  const known = new Set(allSteps().map((step) => step.name));
  const unknown = names?.filter((name) => !known.has(name)) ?? [];
  if (unknown.length > 0) throw new UsageError(`unknown transform ${unknown.map((n) => `"${n}"`).join(", ")} (known: ${[...known].join(", ")})`);
}

function checkPaths(paths: string[]): void {
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new UsageError(`path does not exist: ${missing.join(", ")}`);
}

function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive integer`);
}

export async function parseArgs(argv: string[]): Promise<ParsedArgs> {
  const args = await buildParser(argv).parseAsync();
  if (args.help) return { kind: "help" };
  if (args.version) return { kind: "version" };
  if (args["list-transforms"]) return { kind: "list-transforms" };
  const paths = (args.paths as string[] | undefined) ?? ["."];
  const transforms = splitList(args.transforms);
  checkTransforms(transforms);
  checkPaths(paths);
  const jobs = lastOf(args.jobs) ?? availableParallelism();
  const maxFileSize = lastOf(args["max-file-size"]);
  checkPositiveInteger("jobs", jobs);
  checkPositiveInteger("max-file-size", maxFileSize);
  const report = args.report as string | false;
  if (report === "") throw new UsageError("--report needs a file name (or use --no-report)");
  if (report !== false && entryFor(report)) throw new UsageError(`--report ${report}: that is a kind of file the codemod migrates, not a report`);
  return {
    kind: "run",
    options: {
      paths,
      mode: args.check ? "check" : args["dry-run"] ? "dry-run" : "apply",
      ...(report === false ? {} : { report }),
      json: args.json,
      allowDirty: args["allow-dirty"],
      jobs,
      ignore: listOf(args.ignore),
      maxFileSize,
      format: args.format,
      ...(transforms ? { transforms } : {}),
      strategy: args.strategy,
      typePass: args["type-pass"],
      quiet: args.quiet,
      verbose: args.verbose,
    },
  };
}

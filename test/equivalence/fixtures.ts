// Finds runnable fixture pairs. Contract: `fixtures/<concern>/<case>.input.<ext>` and
// `<case>.output.<ext>` are runnable when `fixtures/<concern>/<case>.run.json` exists:
//
//   {
//     "differences": [{ "gladia": "<line the original prints>", "assemblyai": "<line the migrated prints>" }],
//     "env": { "NAME": "value" },          // optional, for both runs
//     "exitCode": 0,                       // optional, expected exit code of both runs (default 0)
//     "pollsBeforeDone": 2,                // optional, GETs before a job is done (default 2; 0 for SDK polling)
//     "allowHttpErrors": false             // optional, allow 4xx/5xx answers (default: any is a failure)
//   }
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import fg from "fast-glob";
import { Ajv } from "ajv";
import { findRepoRoot } from "../emulators/specs.js";
import { formatErrors } from "../emulators/openapi.js";
import { isRunnableFile } from "./run-program.js";

export interface Difference {
  gladia: string;
  assemblyai: string;
}

export interface RunSidecar {
  differences: Difference[];
  env?: Record<string, string>;
  exitCode?: number;
  pollsBeforeDone?: number;
  allowHttpErrors?: boolean;
}

export interface RunnableFixture {
  /** `<concern>/<case>`, for test names. */
  id: string;
  input: string;
  output: string;
  sidecarPath: string;
  sidecar: RunSidecar;
}

const SIDECAR_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["differences"],
  properties: {
    differences: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["gladia", "assemblyai"],
        properties: { gladia: { type: "string" }, assemblyai: { type: "string" } },
      },
    },
    env: { type: "object", additionalProperties: { type: "string" } },
    exitCode: { type: "integer" },
    pollsBeforeDone: { type: "integer", minimum: 0 },
    allowHttpErrors: { type: "boolean" },
  },
};

const validateSidecar = new Ajv({ allErrors: true }).compile<RunSidecar>(SIDECAR_SCHEMA);

export function readSidecar(path: string): RunSidecar {
  const value: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (!validateSidecar(value)) throw new Error(`${path}: ${formatErrors(validateSidecar, "run.json").join("; ")}`);
  return value;
}

function findProgram(dir: string, caseName: string, role: "input" | "output"): string {
  const prefix = `${caseName}.${role}.`;
  const matches = readdirSync(dir).filter((f) => f.startsWith(prefix) && isRunnableFile(f));
  if (matches.length !== 1) throw new Error(`${join(dir, caseName)}.run.json: expected one runnable ${prefix}<ext>, found ${matches.length}`);
  return join(dir, matches[0]);
}

export function findRunnableFixtures(root = join(findRepoRoot(), "fixtures")): RunnableFixture[] {
  return fg
    .sync("**/*.run.json", { cwd: root, absolute: true })
    .sort()
    .map((sidecarPath) => {
      const dir = dirname(sidecarPath);
      const caseName = basename(sidecarPath, ".run.json");
      return {
        id: relative(root, join(dir, caseName)),
        input: findProgram(dir, caseName, "input"),
        output: findProgram(dir, caseName, "output"),
        sidecarPath,
        sidecar: readSidecar(sidecarPath),
      };
    });
}

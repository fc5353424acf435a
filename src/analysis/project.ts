import { existsSync } from "node:fs";
import { join } from "node:path";
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget, ts, type SourceFile } from "ts-morph";
import type { AnalysisHints } from "./hints.js";
import { type CandidateFile, relevantFiles } from "./candidates.js";
import { GladiaShapes } from "./shapes.js";
import { FileCollector } from "./collect.js";

// The type pass proper (loaded only when a run has TypeScript candidates): one ts-morph Project
// over the relevant files and what they import, shapes recognised once, one walk per file.

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ScriptTarget.ES2022,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  allowJs: false,
  strict: true,
};

/**
 * Only what typing Gladia values needs: no DOM lib and no automatic `@types/*` (each costs
 * seconds to bind; explicit imports such as "react" still resolve), no library checking.
 */
const SPEED_OPTIONS: ts.CompilerOptions = { lib: ["lib.es2022.d.ts"], types: [], skipLibCheck: true, skipDefaultLibCheck: true, noEmit: true };

function createProject(rootDir: string): Project {
  const tsConfigFilePath = join(rootDir, "tsconfig.json");
  if (existsSync(tsConfigFilePath)) {
    return new Project({ tsConfigFilePath, skipAddingFilesFromTsConfig: true, compilerOptions: SPEED_OPTIONS });
  }
  return new Project({ compilerOptions: { ...DEFAULT_OPTIONS, ...SPEED_OPTIONS } });
}

/** Names of the Gladia types declared in the first round: files mentioning them join in. */
function declaredNames(collectors: FileCollector[]): string[] {
  return [...new Set(collectors.flatMap((c) => c.hints.declarations.map((d) => d.name)))];
}

function collectDeclarations(files: SourceFile[], shapes: GladiaShapes): FileCollector[] {
  return files.map((file) => {
    const collector = new FileCollector(file, shapes);
    collector.collectDeclarations();
    return collector;
  });
}

/** Teach the shapes the SDK's own types (so its utterance and word types are known as items). */
function seedSdkTypes(project: Project, shapes: GladiaShapes): void {
  for (const file of project.getSourceFiles()) {
    if (!file.getFilePath().includes("/@gladiaio/sdk/")) continue;
    for (const declaration of file.getInterfaces()) shapes.levelOf(declaration.getType());
  }
}

export function analyse(rootDir: string, candidates: CandidateFile[]): Map<string, AnalysisHints> {
  const project = createProject(rootDir);
  const add = (files: CandidateFile[]) => files.map((f) => project.createSourceFile(f.path, f.text, { overwrite: true }));

  const firstRound = relevantFiles(candidates);
  if (firstRound.length === 0) return new Map();
  const shapes = new GladiaShapes(add(firstRound)[0]);
  project.resolveSourceFileDependencies();
  seedSdkTypes(project, shapes);
  const names = declaredNames(collectDeclarations(firstRound.map((f) => project.getSourceFileOrThrow(f.path)), shapes));
  const relevant = names.length > 0 ? relevantFiles(candidates, names) : firstRound;
  if (relevant.length > firstRound.length) {
    add(relevant.filter((f) => !firstRound.includes(f)));
    project.resolveSourceFileDependencies();
  }

  const hints = new Map<string, AnalysisHints>();
  const collectors = collectDeclarations(relevant.map((f) => project.getSourceFileOrThrow(f.path)), shapes);
  relevant.forEach((candidate, i) => {
    const collector = collectors[i];
    collector.collectLocations();
    const found = collector.hints;
    if (found.locations.length + found.declarations.length + found.receivers.length > 0) hints.set(candidate.relativePath, found);
  });
  return hints;
}

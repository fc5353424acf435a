import { existsSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type { Project as ProjectType, SourceFile, ts as Ts } from "ts-morph";
import { tsMorph } from "./ts-morph.js";
import type { AnalysisHints } from "./hints.js";
import { type CandidateFile, relevantFiles } from "./candidates.js";
import { GladiaShapes } from "./shapes.js";
import { FileCollector } from "./collect.js";
import { ArgumentFlow } from "./arguments.js";
import { filesToWalk, isAnchored } from "./reach.js";
import { isolatedFiles } from "./roots.js";
import { normaliseText } from "../core/text.js";

// The type pass proper (loaded only when a run has TypeScript candidates): one ts-morph Project
// over the relevant files (less the isolated ones, see roots.ts) and what they import (JS modules
// too, so a Gladia value passed to a plain JS function reaches its parameter), shapes recognised
// once, one walk per file.

const { ModuleKind, ModuleResolutionKind, Project, ScriptTarget, ts } = tsMorph;
type Project = ProjectType;

const DEFAULT_OPTIONS: Ts.CompilerOptions = {
  target: ScriptTarget.ES2022,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
};

/**
 * ES2022's lib without the parts no Gladia value can pass through (Intl, BigInt, shared memory,
 * typed arrays, Date and RegExp extras): a fifth less to parse and bind on every run.
 */
const LIB = [
  "es5", "es2015.core", "es2015.collection", "es2015.generator", "es2015.iterable", "es2015.promise", "es2015.proxy", "es2015.reflect",
  "es2015.symbol", "es2015.symbol.wellknown", "es2016.array.include", "es2017.object", "es2017.string", "es2018.asyncgenerator",
  "es2018.asynciterable", "es2018.promise", "es2019.array", "es2019.object", "es2019.string", "es2020.promise", "es2020.string",
  "es2020.symbol.wellknown", "es2021.promise", "es2021.string", "es2021.weakref", "es2022.array", "es2022.error", "es2022.object", "es2022.string",
].map((name) => `lib.${name}.d.ts`);

/**
 * Only what typing Gladia values needs: no DOM lib and no automatic `@types/*` (each costs
 * seconds to bind; explicit imports such as "react" still resolve), no library checking.
 */
const SPEED_OPTIONS: Ts.CompilerOptions = { lib: LIB, types: [], skipLibCheck: true, skipDefaultLibCheck: true, noEmit: true, allowJs: true };

function createProject(rootDir: string): Project {
  const tsConfigFilePath = join(rootDir, "tsconfig.json");
  if (existsSync(tsConfigFilePath)) {
    return new Project({ tsConfigFilePath, skipAddingFilesFromTsConfig: true, compilerOptions: SPEED_OPTIONS });
  }
  return new Project({ compilerOptions: { ...DEFAULT_OPTIONS, ...SPEED_OPTIONS } });
}

/**
 * ts-morph reads the candidates from the texts the run already holds (normalised), not from disk:
 * adding one, or resolving an import of one, then parses it once (createSourceFile with
 * `overwrite` would read and parse the file on disk first, then parse the text again).
 */
function readHeldTexts(project: Project, candidates: CandidateFile[]): void {
  const texts = new Map(candidates.map((f) => [f.path, f.text]));
  const fileSystem = project.getFileSystem();
  const readFromDisk = fileSystem.readFileSync.bind(fileSystem);
  fileSystem.readFileSync = (path: string, encoding?: string) => texts.get(path) ?? readFromDisk(path, encoding);
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

/** Declarations of every file first (a location may use a type another file declares), then locations. */
function walkFiles(collectors: FileCollector[]): void {
  collectors.forEach((collector) => collector.collectDeclarations());
  collectors.forEach((collector) => collector.collectLocations());
}

/** Of `files`, those whose walk can find Gladia values (see reach.ts). */
function walkable(project: Project, files: SourceFile[]): ReturnType<typeof filesToWalk> {
  return filesToWalk(files, project.getProgram().compilerObject);
}

/** Teach the shapes the SDK's own types (so its utterance and word types are known as items). */
function seedSdkTypes(project: Project, shapes: GladiaShapes): void {
  for (const file of project.getSourceFiles()) {
    if (!file.getFilePath().includes("/@gladiaio/sdk/")) continue;
    for (const declaration of file.getInterfaces()) shapes.levelOf(declaration.getType());
  }
}

/** The program's own files (not packages, not declarations), under the run root. */
function isProjectFile(rootDir: string, file: SourceFile): boolean {
  const path = relative(rootDir, file.getFilePath());
  return !file.isDeclarationFile() && !file.isInNodeModules() && !path.startsWith("..") && !isAbsolute(path);
}

/** Imported files were read as they are on disk: hints are offsets in the normalised text (LF, no BOM). */
function normaliseImported(project: Project, rootDir: string, candidates: Set<string>): void {
  for (const file of project.getSourceFiles()) {
    if (candidates.has(file.getFilePath()) || !isProjectFile(rootDir, file)) continue;
    const text = file.getFullText();
    if (!text.includes("\r") && !text.startsWith("\uFEFF")) continue;
    const { text: normalised } = normaliseText(text);
    if (normalised !== text) file.replaceWithText(normalised);
  }
}

/** `hinted`: may this file (absolute path) get hints without being a candidate (see analyseProject)? */
export function analyse(rootDir: string, candidates: CandidateFile[], hinted: (path: string) => boolean = () => true): Map<string, AnalysisHints> {
  // First without the isolated candidates (see roots.ts); with all when the walk must reach every file.
  return analyseFiles(rootDir, candidates, hinted, true) ?? analyseFiles(rootDir, candidates, hinted, false)!;
}

/**
 * `leaveOut`: the program leaves the isolated candidates out; undefined if one of them, not brought
 * in by an import, would be walked after all (a global declaration, an item type not anchored).
 */
function analyseFiles(rootDir: string, candidates: CandidateFile[], hinted: (path: string) => boolean, leaveOut: boolean): Map<string, AnalysisHints> | undefined {
  const project = createProject(rootDir);
  readHeldTexts(project, candidates);
  const isolated = leaveOut ? isolatedFiles(project) : () => false;
  const added = new Set<string>();
  const add = (files: CandidateFile[], keep?: CandidateFile) =>
    files
      .filter((f) => f === keep || !isolated(f.path, f.text))
      .map((f) => {
        const file = project.addSourceFileAtPath(f.path);
        added.add(file.getFilePath());
        return file;
      });
  const present = (files: CandidateFile[]) => files.flatMap((f) => project.getSourceFile(f.path) ?? []);
  const missing = (files: CandidateFile[]) => files.some((f) => !project.getSourceFile(f.path));

  const firstRound = relevantFiles(candidates);
  if (firstRound.length === 0) return new Map();
  // The shapes read property types at the first relevant file: it stays in, isolated or not.
  const shapes = new GladiaShapes(add(firstRound, firstRound[0])[0]);
  project.resolveSourceFileDependencies();
  normaliseImported(project, rootDir, added);
  seedSdkTypes(project, shapes);
  const firstWalk = walkable(project, present(firstRound));
  if (firstWalk.everywhere && missing(firstRound)) return undefined;
  const names = declaredNames(collectDeclarations(firstWalk.walk, shapes));
  const relevant = names.length > 0 ? relevantFiles(candidates, names) : firstRound;
  if (relevant.length > firstRound.length) {
    add(relevant.filter((f) => !firstRound.includes(f)));
    project.resolveSourceFileDependencies();
    normaliseImported(project, rootDir, added);
  }

  // Files the relevant ones pass Gladia values to get hints too (their parameters), walked or not.
  // A call is a handoff only into a file that gets its hints (the caller's own marker stays otherwise).
  const collectors = new Map<SourceFile, FileCollector>();
  const collectorFor = (file: SourceFile) => collectors.get(file) ?? collectors.set(file, new FileCollector(file, shapes)).get(file)!;
  const flow = new ArgumentFlow(shapes, (file) => isProjectFile(rootDir, file) && hinted(file.getFilePath()), {
    parameter: (file, name, level) => collectorFor(file).add(name, level),
    handoff: (call, index) => collectorFor(call.getSourceFile()).addHandoff(call, index),
  });
  const relevantSources = present(relevant);
  const { walk, tainted, everywhere } = walkable(project, relevantSources);
  const walking = new Set(walk);
  const collected = relevantSources.map((file) => new FileCollector(file, shapes, flow));
  collected.forEach((collector) => collectors.set(collector.file, collector));
  const walked = collected.filter((collector) => walking.has(collector.file));
  walkFiles(walked);
  // An item type any file can hold (a generic instantiation): the other files may hold it too.
  const unanchored = () => !shapes.itemTypes().every((type) => isAnchored(type, tainted));
  if (missing(relevant) && (everywhere || unanchored())) return undefined;
  if (walked.length < collected.length && unanchored()) {
    walkFiles(collected.filter((collector) => !walking.has(collector.file)));
  }

  const hints = new Map<string, AnalysisHints>();
  for (const [file, { hints: found }] of collectors) {
    if (found.locations.length + found.declarations.length + found.receivers.length === 0) continue;
    hints.set(relative(rootDir, file.getFilePath()).split(sep).join("/"), found);
  }
  return hints;
}

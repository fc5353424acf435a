// Loads the spec files from `specs/` once per process, applies the documented patches and exposes one
// validator per API.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { createSpecValidators, type SpecValidator } from "./openapi.js";
import { applyPatches, assemblyaiPatches, buildGladiaCreateSchema, gladiaPatches } from "./spec-patches.js";

export const SPEC_IDS = {
  assemblyai: "assemblyai",
  gladia: "gladia",
  gladiaDeprecated: "gladia-2026-03-20",
} as const;

/** The repo root: the nearest ancestor of this file with a `specs/` directory (works from `dist/` too). */
export function findRepoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, "specs", "assemblyai-openapi.yml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`specs/ not found above ${from}`);
    dir = parent;
  }
  return dir;
}

export interface Specs {
  assemblyai: SpecValidator;
  gladia: SpecValidator;
  /** Create-job body schema accepting deprecated Gladia fields (see buildGladiaCreateSchema). */
  gladiaCreateSchema: Record<string, unknown>;
}

let loaded: Specs | undefined;

export function getSpecs(): Specs {
  if (loaded) return loaded;
  const specsDir = join(findRepoRoot(), "specs");
  const readJson = (name: string) => JSON.parse(readFileSync(join(specsDir, name), "utf8"));
  const assemblyai = applyPatches(parseYaml(readFileSync(join(specsDir, "assemblyai-openapi.yml"), "utf8")), assemblyaiPatches);
  const gladia = applyPatches(readJson("gladia-openapi.json"), gladiaPatches);
  const gladiaDeprecated = applyPatches(readJson("gladia-openapi-2026-03-20.json"), gladiaPatches);
  const validators = createSpecValidators({
    [SPEC_IDS.assemblyai]: assemblyai,
    [SPEC_IDS.gladia]: gladia,
    [SPEC_IDS.gladiaDeprecated]: gladiaDeprecated,
  });
  loaded = {
    assemblyai: validators[SPEC_IDS.assemblyai],
    gladia: validators[SPEC_IDS.gladia],
    gladiaCreateSchema: buildGladiaCreateSchema(gladia, gladiaDeprecated, SPEC_IDS.gladia, SPEC_IDS.gladiaDeprecated),
  };
  return loaded;
}

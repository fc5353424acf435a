import type { JsContext, JsStep } from "../shared/context.js";
import type { AnyNode, AnyPath } from "../shared/ast.js";
import { STATUS_MAP, UPLOAD_FIELD_MAP, UPLOAD_FIELDS_WITHOUT_EQUIVALENT } from "../../src/mapping/transport.js";
import { setStringValue } from "../shared/literals.js";
import { getFacts, type GladiaFacts } from "./detect/facts.js";
import { callTypeMembers, memberSignatures, typeMembers } from "./types/value-types.js";
import { describeStep } from "../step-info.js";
import { findNodes } from "../shared/find.js";

// TypeScript types of Gladia responses in the file: the upload response type's `audio_url`
// becomes `upload_url` and its `audio_metadata` goes (with a marker: no equivalent); a job type gets its `status` literals mapped and a marker (its nested
// `result.transcription` shape has to be rewritten by hand, or replaced by `Transcript` from
// the `assemblyai` package).

function mapUploadFields(ctx: JsContext, members: AnyPath): boolean {
  let changed = false;
  for (const { key, path } of memberSignatures(members).reverse()) {
    const to = UPLOAD_FIELD_MAP[key];
    if (to) path.node.key = ctx.j.identifier(to);
    else if (UPLOAD_FIELDS_WITHOUT_EQUIVALENT[key]) {
      ctx.mark(members, UPLOAD_FIELDS_WITHOUT_EQUIVALENT[key]);
      path.prune();
    } else continue;
    changed = true;
  }
  return changed;
}

/** The upload response types: read off the body (`as T`, `.json<T>()`, …) or the request (`axios.post<T>`). */
function uploadTypeMembers(ctx: JsContext, facts: GladiaFacts): AnyPath[] {
  const uploads = facts.calls.filter((call) => call.kind === "upload").map((call) => call.path);
  const all = [...typeMembers(ctx, facts.uploadBodies), ...callTypeMembers(ctx, uploads)];
  return [...new Map(all.map((members) => [members.node, members])).values()];
}

/** `status: "queued" | "processing" | "done" | "error"` → `"completed"`. */
function mapStatusLiterals(ctx: JsContext, members: AnyPath): boolean {
  let changed = false;
  const status = memberSignatures(members).find((m) => m.key === "status");
  if (!status) return false;
  findNodes(status.path, ctx.j.TSLiteralType).forEach((lit: AnyPath) => {
    const value = (lit.node.literal as AnyNode).value;
    if (typeof value === "string" && STATUS_MAP[value] && STATUS_MAP[value] !== value) {
      setStringValue(lit.node.literal, STATUS_MAP[value]);
      changed = true;
    }
  });
  return changed;
}

function describesJob(members: AnyPath): boolean {
  return memberSignatures(members).some((m) => ["result", "error_code"].includes(m.key));
}

export const httpTypesStep: JsStep = {
  name: "http-types",
  description: describeStep("http-types"),
  run(ctx) {
    const facts = getFacts(ctx);
    if (!facts || !/\.(ts|tsx|mts|cts)$/.test(ctx.path)) return false;
    let changed = false;
    for (const members of uploadTypeMembers(ctx, facts)) changed = mapUploadFields(ctx, members) || changed;
    for (const members of typeMembers(ctx, facts.jobBodies)) {
      if (!describesJob(members)) continue;
      changed = mapStatusLiterals(ctx, members) || changed;
      ctx.mark(members, "job-type");
    }
    return changed;
  },
};

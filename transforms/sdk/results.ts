import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import { referencesOf } from "../shared/bindings.js";
import { JS_UPLOAD_RESULT } from "../../src/mapping/sdk.js";
import { ASSEMBLYAI_BASE, ASSEMBLYAI_JOB_PREFIX } from "../../src/mapping/transport.js";

// Where the value of an SDK call goes, and the rewrites its new shape needs: the error check
// after transcribe/poll, `files.upload` returning a string, `delete` returning a transcript,
// `submit` having no `result_url`.

type Node = { type: string; [key: string]: any };

export type ResultUse =
  /** `const x = await call` (or `x = await call`): `x` names the value. */
  | { kind: "variable"; id: ASTPath; statement: ASTPath }
  /** `const { a, b } = await call`. */
  | { kind: "pattern"; pattern: ASTPath; statement: ASTPath }
  /** `(await call).x`. */
  | { kind: "member"; member: ASTPath }
  /** `call.then((x) => …)`. */
  | { kind: "then"; param: ASTPath }
  /** `await call;` — the value is not used. */
  | { kind: "discarded" }
  | { kind: "other" };

const STATEMENT_CONTAINERS = new Set(["Program", "BlockStatement", "SwitchCase", "StaticBlock"]);

/** The call itself, or the `await` around it. */
export function valuePath(call: ASTPath): ASTPath {
  const parent = call.parent;
  return parent?.node.type === "AwaitExpression" ? parent : call;
}

function isInStatementList(path: ASTPath | null | undefined): boolean {
  return !!path?.parent && STATEMENT_CONTAINERS.has(path.parent.node.type);
}

export function resultUse(call: ASTPath): ResultUse {
  const value = valuePath(call);
  const parent = value.parent as ASTPath;
  const node = parent.node as Node;
  if (node.type === "ExpressionStatement") return { kind: "discarded" };
  if (node.type === "VariableDeclarator" && node.init === value.node) {
    const declaration = parent.parent as ASTPath;
    if (!isInStatementList(declaration) || (declaration.node as Node).declarations.length !== 1) return { kind: "other" };
    if (node.id.type === "Identifier") return { kind: "variable", id: parent.get("id") as ASTPath, statement: declaration };
    if (node.id.type === "ObjectPattern") return { kind: "pattern", pattern: parent.get("id") as ASTPath, statement: declaration };
    return { kind: "other" };
  }
  if (node.type === "AssignmentExpression" && node.right === value.node && node.left.type === "Identifier" && isInStatementList(parent.parent)) {
    return { kind: "variable", id: parent.get("left") as ASTPath, statement: parent.parent as ASTPath };
  }
  if ((node.type === "MemberExpression" || node.type === "OptionalMemberExpression") && node.object === value.node && !node.computed) {
    if (node.property.name === "then" && value === call) {
      const then = parent.parent as ASTPath;
      const callback = (then.node as Node).arguments?.[0];
      if ((then.node as Node).type === "CallExpression" && callback && /Function/.test(callback.type) && callback.params[0]) {
        return { kind: "then", param: (then.get("arguments", 0) as any).get("params", 0) as ASTPath };
      }
      return { kind: "other" };
    }
    return { kind: "member", member: parent };
  }
  return { kind: "other" };
}

/**
 * Does the program read `utterances` from the value? Followed through the binding and member
 * chains; where the value flows elsewhere (an argument, another variable), any `utterances` in the
 * file counts.
 */
export function readsUtterances(ctx: JsContext, use: ResultUse): boolean {
  const inFile = /\butterances\b/.test(ctx.source);
  const chains = (paths: ASTPath[]) => paths.some((p) => chainReads(p, "utterances") ?? inFile);
  switch (use.kind) {
    case "variable":
    case "then": {
      const node = (use.kind === "variable" ? use.id : use.param).node as Node;
      if (node.type !== "Identifier") return ctx.j(node as any).find(ctx.j.Identifier, { name: "utterances" } as any).size() > 0 || inFile;
      return chains(referencesOf(ctx.j, ctx.root, node));
    }
    case "pattern":
      return inFile;
    case "member":
      return chains([use.member.get("object") as ASTPath]);
    case "discarded":
      return false;
    default:
      return inFile;
  }
}

/** Along the member reads that start at `path`: true if one reads `key`, undefined if the value flows on. */
function chainReads(path: ASTPath, key: string): boolean | undefined {
  let current: ASTPath = path;
  while (current.parent) {
    const parent = current.parent.node as Node;
    if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.object === current.node) {
      const name = parent.computed ? parent.property.value : parent.property.name;
      if (name === key) return true;
    } else if (parent.type !== "TSNonNullExpression") {
      return parent.type === "ExpressionStatement" || parent.type === "BinaryExpression" || parent.type === "TemplateLiteral" ? false : undefined;
    }
    current = current.parent;
  }
  return false;
}

/** `if (x.status === "error") throw new Error(x.error);` for a statement, or `.then(check)` around the call. */
export function addErrorCheck(ctx: JsContext, call: ASTPath, use: ResultUse): void {
  const { j } = ctx;
  const check = (name: string) =>
    j.ifStatement(
      j.binaryExpression("===", j.memberExpression(j.identifier(name), j.identifier("status")), j.stringLiteral("error")),
      j.throwStatement(j.newExpression(j.identifier("Error"), [j.memberExpression(j.identifier(name), j.identifier("error"))])),
    );
  ctx.note("sdk-error-check", call);
  if (use.kind === "variable") {
    use.statement.insertAfter(check((use.id.node as Node).name));
    return;
  }
  const callback = j.arrowFunctionExpression(
    [j.identifier("transcript")],
    j.blockStatement([check("transcript"), j.returnStatement(j.identifier("transcript"))]),
  );
  call.replace(j.callExpression(j.memberExpression(call.node as any, j.identifier("then")), [callback]));
}

/** `files.upload()` resolves to the URL string: `x.audio_url` → `x`, `{ audio_url }` → `audio_url`. */
export function rewriteUploadResult(ctx: JsContext, call: ASTPath, use: ResultUse): void {
  const { j } = ctx;
  const { urlField, metadataField } = JS_UPLOAD_RESULT;
  const readOf = (member: ASTPath, replacement: Node) => {
    const name = (member.node as Node).property.name;
    if (name === urlField) member.replace(replacement as any);
    else ctx.mark(member, name === metadataField ? "audio-metadata" : "sdk-upload-string");
  };
  if (use.kind === "member") return readOf(use.member, (use.member.node as Node).object);
  if (use.kind === "variable") {
    for (const ref of referencesOf(j, ctx.root, use.id.node as Node)) {
      const parent = ref.parent.node as Node;
      if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.object === ref.node && !parent.computed) {
        readOf(ref.parent, ref.node as Node);
      } else ctx.mark(ref, "sdk-upload-string");
    }
    return;
  }
  if (use.kind === "pattern") {
    const properties = (use.pattern.node as Node).properties as Node[];
    const url = properties.find((p) => p.key?.name === urlField);
    if (properties.some((p) => p.key?.name === metadataField)) ctx.mark(use.pattern, "audio-metadata");
    if (url && url.value.type === "Identifier") use.pattern.replace(j.identifier(url.value.name));
    else ctx.mark(use.pattern, "sdk-upload-string");
    return;
  }
  if (use.kind !== "discarded") ctx.mark(call, "sdk-upload-string");
}

/** `submit()` answers a transcript: Gladia's `result_url` becomes the transcript URL. */
export function rewriteCreateResult(ctx: JsContext, use: ResultUse): void {
  if (use.kind !== "variable") return;
  const { j } = ctx;
  for (const ref of referencesOf(j, ctx.root, use.id.node as Node)) {
    const parent = ref.parent.node as Node;
    if (parent.type !== "MemberExpression" || parent.object !== ref.node || parent.property.name !== "result_url") continue;
    const url = j.templateLiteral(
      [j.templateElement({ raw: `${ASSEMBLYAI_BASE}${ASSEMBLYAI_JOB_PREFIX}`, cooked: `${ASSEMBLYAI_BASE}${ASSEMBLYAI_JOB_PREFIX}` }, false), j.templateElement({ raw: "", cooked: "" }, true)],
      [j.memberExpression(j.identifier((ref.node as Node).name), j.identifier("id"))],
    );
    ref.parent.replace(url);
    ctx.note("result-url", ref);
  }
}

/** Gladia's `delete` resolved to `true`; AssemblyAI's to the scrubbed transcript. */
export function keepDeleteBoolean(ctx: JsContext, call: ASTPath, use: ResultUse): void {
  if (use.kind === "discarded") return;
  const { j } = ctx;
  call.replace(j.callExpression(j.memberExpression(call.node as any, j.identifier("then")), [j.arrowFunctionExpression([], j.booleanLiteral(true))]));
}

import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import { parseExpression, parseStatement, parseStatements, printNode, quoteString, styleOf } from "../shared/print.js";
import { bindingOf, findBinding, getReferences } from "../shared/scope.js";
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
  /** `call.then(…)`. */
  | { kind: "then" }
  /** `await call;` / `call;` — the value is not used (`statement` when it is a statement of a block). */
  | { kind: "discarded"; statement?: ASTPath }
  | { kind: "other" };

function referencesOf(ctx: JsContext, id: ASTPath): ASTPath[] {
  const binding = bindingOf(id);
  return binding ? getReferences(ctx.j, binding) : [];
}

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
  if (node.type === "ExpressionStatement") return { kind: "discarded", ...(isInStatementList(parent) ? { statement: parent } : {}) };
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
    return node.property.name === "then" && value === call ? { kind: "then" } : { kind: "member", member: parent };
  }
  return { kind: "other" };
}

/** `base`, or `base2`, `base3`… when the name is taken where `path` is. */
function freeName(path: ASTPath, base: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (!findBinding(path, name)) return name;
  }
}

/** `if (x.status === "error") throw new Error(x.error);` in the file's style. */
function errorCheck(ctx: JsContext, name: string): string {
  return `if (${name}.status === ${quoteString("error", styleOf(ctx))}) throw new Error(${name}.error);`;
}

/** The check after a `const x = await …` statement, or `.then(check)` around the call. */
export function addErrorCheck(ctx: JsContext, call: ASTPath, use: ResultUse): void {
  ctx.note("sdk-error-check", call);
  if (use.kind === "variable") {
    use.statement.insertAfter(parseStatement(ctx, errorCheck(ctx, (use.id.node as Node).name)));
    return;
  }
  // `await call;` → `const transcript = await call;` and the check.
  if (use.kind === "discarded" && use.statement && valuePath(call) !== call) {
    const name = freeName(use.statement, "transcript");
    const [declaration, check] = parseStatements(ctx, `const ${name} = ${printNode((use.statement.node as Node).expression)};\n${errorCheck(ctx, name)}`);
    use.statement.replace(declaration, check);
    return;
  }
  const { indent } = styleOf(ctx);
  const check = `(transcript) => {\n${indent}${errorCheck(ctx, "transcript")}\n${indent}return transcript;\n}`;
  call.replace(parseExpression(ctx, `${printNode(call.node as Node)}.then(${check})`));
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
    for (const ref of referencesOf(ctx, use.id)) {
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
  for (const ref of referencesOf(ctx, use.id)) {
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

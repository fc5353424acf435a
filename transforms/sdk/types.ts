import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import { type SdkFile, useName } from "./model.js";
import { gladiaTypeName } from "./imports.js";
import { mapLiteralInPlace } from "./options.js";
import { JS_SDK, JS_SDK_TYPE_ROLES, JS_SDK_TYPES, type JsSdkTypeRole } from "../../src/mapping/sdk.js";
import type { TypedLevel, TypedRoot } from "../shared/typed-reads.js";
import { findNodes } from "../shared/find.js";

// Type-only uses of `@gladiaio/sdk`: `PreRecordedV2Response` → `Transcript` and friends
// (JS_SDK_TYPES), request literals typed with the Gladia request type get the request mapping, and
// values typed with a Gladia result type are roots for the result reads.

type Node = { type: string; [key: string]: any };


/** Identifier positions that name a type or the client class (not keys, not member names). */
function isNameReference(path: ASTPath): boolean {
  const parent = path.parent?.node as Node | undefined;
  const node = path.node;
  if (!parent) return false;
  if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.property === node && !parent.computed) return false;
  if ((parent.type === "ObjectProperty" || parent.type === "Property") && parent.key === node) return false;
  if (parent.type === "TSQualifiedName" && parent.right === node) return false;
  if (/^(TSPropertySignature|TSMethodSignature|ClassProperty|ClassMethod|ObjectMethod)$/.test(parent.type) && parent.key === node) return false;
  if (/^(Import|Export)(Default|Namespace)?Specifier$/.test(parent.type)) return false;
  // Declarations (`const { GladiaClient } = require(…)`) are the import rewrite's business.
  if ((parent.type === "ObjectProperty" || parent.type === "Property") && path.parent.parent?.node.type === "ObjectPattern") return false;
  if (parent.type === "VariableDeclarator" && parent.id === node) return false;
  return true;
}

/** Gladia local name → the `assemblyai` export it becomes (aliases keep their local name). */
export function plannedTypeNames(sdk: SdkFile, name: (exported: string) => string, liveKept: boolean): Map<string, { imported: string; local: string }> {
  const plan = new Map<string, { imported: string; local: string }>();
  for (const [local, gladia] of sdk.imports.types) {
    const target = JS_SDK_TYPES[gladia];
    if (!target || (liveKept && gladia === JS_SDK.gladiaClient)) continue;
    plan.set(local, { imported: target, local: local === gladia ? name(target) : local });
  }
  if (!liveKept) for (const local of sdk.imports.clientClass) plan.set(local, { imported: JS_SDK.assemblyaiClient, local: sdk.clientName });
  return plan;
}

/** Rename references of Gladia types (and the client class) to their `assemblyai` locals. */
export function renameTypeReferences(ctx: JsContext, sdk: SdkFile, plan: Map<string, { imported: string; local: string }>): boolean {
  const { j } = ctx;
  let changed = false;
  findNodes(ctx.root, j.Identifier).forEach((path) => {
    const node = path.node as Node;
    const target = plan.get(node.name);
    if (!target || !isNameReference(path)) return;
    if (target.local !== node.name) node.name = target.local;
    const typeOnly = path.parent.node.type === "TSTypeReference" || path.parent.node.type === "TSExpressionWithTypeArguments" || path.parent.node.type === "TSInterfaceHeritage";
    useName(sdk, target.imported, target.local, typeOnly);
    changed = true;
  });
  // `ns.PreRecordedV2Response` → `Transcript`.
  findNodes(ctx.root, j.TSQualifiedName).forEach((path) => {
    const gladia = gladiaTypeName(sdk.imports, path.node as Node);
    const target = gladia && JS_SDK_TYPES[gladia];
    if (!target || (path.node as Node).left.type !== "Identifier" || !sdk.imports.namespaces.has((path.node as Node).left.name)) return;
    const local = target === JS_SDK.assemblyaiClient ? sdk.clientName : sdk.name(target);
    path.replace(j.identifier(local));
    useName(sdk, target, local, true);
    changed = true;
  });
  return changed;
}

/** The Gladia role named anywhere inside a type annotation (`Omit<PreRecordedV2InitTranscriptionRequest, …>`). */
function annotationRole(ctx: JsContext, sdk: SdkFile, annotation: Node | null | undefined): JsSdkTypeRole | undefined {
  if (!annotation) return undefined;
  const direct = annotation.typeAnnotation ?? annotation;
  if (direct.type === "TSTypeReference") {
    const name = gladiaTypeName(sdk.imports, direct.typeName);
    if (name && JS_SDK_TYPE_ROLES[name]) return JS_SDK_TYPE_ROLES[name];
  }
  let role: JsSdkTypeRole | undefined;
  findNodes(ctx.j(direct as any), ctx.j.TSTypeReference).forEach((p) => {
    const name = gladiaTypeName(sdk.imports, (p.node as Node).typeName);
    if (name && JS_SDK_TYPE_ROLES[name] === "request") role = "request";
  });
  return role;
}

/** Collects typed values before the names change: request literals to map, result roots to read. */
export function collectTypedValues(ctx: JsContext, sdk: SdkFile): { requests: ASTPath[]; roots: TypedRoot[] } {
  const { j } = ctx;
  const requests: ASTPath[] = [];
  const roots: TypedRoot[] = [];
  findNodes(ctx.root, j.Identifier).forEach((path) => {
    const node = path.node as Node;
    const role = annotationRole(ctx, sdk, node.typeAnnotation);
    if (!role || role === "client") return;
    const parent = path.parent.node as Node;
    if (role === "request") {
      if (parent.type === "VariableDeclarator" && parent.id === node && parent.init?.type === "ObjectExpression") requests.push(path.parent);
      return;
    }
    roots.push({ path, level: role as TypedLevel });
  });
  findNodes(ctx.root, j.TSSatisfiesExpression).forEach((path) => {
    const node = path.node as Node;
    if (node.expression.type === "ObjectExpression" && annotationRole(ctx, sdk, node.typeAnnotation) === "request") requests.push(path);
  });
  return { requests, roots };
}

/** Request literals typed with the Gladia request type get the request mapping where they are written. */
export function mapTypedRequests(ctx: JsContext, sdk: SdkFile, requests: ASTPath[]): boolean {
  for (const path of requests) mapLiteralInPlace(ctx, sdk, path);
  return requests.length > 0;
}

/** Unmapped pre-recorded types keep their Gladia import: marked (live types come with a live marker). */
export function markUnmappedTypes(ctx: JsContext, sdk: SdkFile, plan: Map<string, unknown>): void {
  for (const path of sdk.imports.esm) {
    const unmapped = ((path.node as Node).specifiers ?? []).some(
      (s: Node) => s.type === "ImportSpecifier" && sdk.imports.types.has(s.local.name) && !plan.has(s.local.name) && !/^Live/.test(s.imported.name),
    );
    if (unmapped) ctx.mark(path, "sdk-type-unmapped");
  }
}

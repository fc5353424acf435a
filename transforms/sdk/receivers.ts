import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import { bindingOf } from "../shared/scope.js";
import { unwrap } from "../shared/ast.js";
import { JS_SDK } from "../../src/mapping/sdk.js";
import { type GladiaSdkImports, gladiaTypeName, isClientClass } from "./imports.js";
import { findNodes } from "../shared/find.js";

// What holds a Gladia client: `new GladiaClient()` (a "client"), `client.preRecorded()` (a
// "prerecorded" sub-client), and variables, `this.x` fields and typed parameters that hold them.
// A client used for live streaming is out of scope and left alone entirely.

type Node = { type: string; [key: string]: any };
export type ReceiverKind = "client" | "prerecorded" | "live";

const FACTORIES: Record<string, ReceiverKind> = Object.fromEntries([
  ...JS_SDK.preRecordedFactories.map((name) => [name, "prerecorded" as const]),
  ...JS_SDK.liveFactories.map((name) => [name, "live" as const]),
]);

/** A type annotation naming `GladiaClient` or `PreRecordedV2Client`. */
const TYPE_KINDS: Record<string, ReceiverKind> = { GladiaClient: "client", PreRecordedV2Client: "prerecorded" };

export interface Receivers {
  kindOf(node: Node | null | undefined): ReceiverKind | undefined;
  /** Declaring nodes of variables that hold clients or sub-clients (for escape checks). */
  bindings: Map<Node, ReceiverKind>;
  /** Clients kept as Gladia because they are used for live streaming. */
  liveClients: Set<Node>;
  /** What `this.<name>` holds. */
  fieldKind(name: string): ReceiverKind | undefined;
}

function annotationKind(imports: GladiaSdkImports, annotation: Node | null | undefined): ReceiverKind | undefined {
  const type = annotation?.typeAnnotation;
  if (type?.type !== "TSTypeReference") return undefined;
  const name = gladiaTypeName(imports, type.typeName);
  return name ? TYPE_KINDS[name] : undefined;
}

/** The field name of `this.x`. */
function thisField(node: Node): string | undefined {
  if (node.type !== "MemberExpression" || node.computed || node.object.type !== "ThisExpression") return undefined;
  return node.property.name;
}

/**
 * Calls `x.<method>(…)` whose receiver `x` is of one of `kinds`, innermost first (so a rewrite of
 * a nested call is in place before the call around it is rewritten).
 */
export function memberCalls(ctx: JsContext, receivers: Receivers, methods: readonly string[], kinds: ReceiverKind[]): ASTPath[] {
  return findNodes(ctx.root, ctx.j.CallExpression)
    .filter((call) => {
      const callee = call.node.callee as Node;
      if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return false;
      const kind = methods.includes(callee.property.name) ? receivers.kindOf(callee.object) : undefined;
      return !!kind && kinds.includes(kind);
    })
    .paths()
    .reverse();
}

export function collectReceivers(ctx: JsContext, imports: GladiaSdkImports, hinted: Map<Node, ReceiverKind> = new Map()): Receivers {
  const { j, root } = ctx;
  const typed = new Map<Node, ReceiverKind>();
  const typedFields = new Map<string, ReceiverKind>();
  let bindings = new Map<Node, ReceiverKind>();
  let fields = new Map<string, ReceiverKind>();
  const liveClients = new Set<Node>();
  const liveFields = new Set<string>();
  /** Identifier references resolved to their binding's kind (and nodes the type pass located). */
  let nodeKinds = new Map<Node, ReceiverKind>(hinted);
  // Collecting changes nothing in the tree: each kind of node is found once.
  const identifiers = findNodes(root, j.Identifier);
  const declarators = findNodes(root, j.VariableDeclarator);
  const classProperties = findNodes(root, j.ClassProperty);
  const assignments = findNodes(root, j.AssignmentExpression);

  function kindOf(raw: Node | null | undefined): ReceiverKind | undefined {
    if (!raw) return undefined;
    const node = unwrap(raw);
    if (nodeKinds.has(node)) return nodeKinds.get(node);
    if (node.type === "NewExpression") return isClientClass(imports, node.callee) ? "client" : undefined;
    if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && !node.callee.computed) {
      const factory = FACTORIES[node.callee.property.name];
      if (factory && node.arguments.length === 0 && kindOf(node.callee.object) === "client") return factory;
      return undefined;
    }
    const field = thisField(node);
    return field ? fields.get(field) : undefined;
  }

  function resolveIdentifiers(): void {
    const names = new Set([...bindings.keys()].map((d) => d.name));
    identifiers.forEach((p) => {
      if (!names.has((p.node as Node).name)) return;
      const declaration = bindingOf(p)?.id.node;
      const kind = declaration && bindings.get(declaration);
      if (kind && p.node !== declaration) nodeKinds.set(p.node as Node, kind);
    });
  }

  /** Variables and fields assigned a client, in two rounds so discovery order does not matter. */
  function assignKinds(): void {
    bindings = new Map(typed);
    fields = new Map(typedFields);
    nodeKinds = new Map(hinted);
    for (const declaration of liveClients) bindings.set(declaration, "live");
    for (const field of liveFields) fields.set(field, "live");
    for (let round = 0; round < 2; round++) {
      resolveIdentifiers();
      declarators.forEach((p) => {
        const node = p.node as Node;
        const kind = kindOf(node.init);
        if (kind && node.id.type === "Identifier" && !liveClients.has(node.id)) bindings.set(node.id, kind);
      });
      classProperties.forEach((p) => {
        const node = p.node as Node;
        const kind = kindOf(node.value);
        if (kind && node.key.type === "Identifier" && !liveFields.has(node.key.name)) fields.set(node.key.name, kind);
      });
      assignments.forEach((p) => {
        const node = p.node as Node;
        const kind = kindOf(node.right);
        const field = thisField(node.left);
        if (kind && field && !liveFields.has(field)) fields.set(field, kind);
      });
    }
    resolveIdentifiers();
  }

  // Typed parameters, variables and class fields (`pr: PreRecordedV2Client`).
  identifiers.forEach((p) => {
    const kind = annotationKind(imports, (p.node as Node).typeAnnotation);
    if (kind) typed.set(p.node as Node, kind);
  });
  classProperties.forEach((p) => {
    const node = p.node as Node;
    const kind = annotationKind(imports, node.typeAnnotation);
    if (kind && node.key.type === "Identifier") typedFields.set(node.key.name, kind);
  });
  findNodes(root, j.TSParameterProperty).forEach((p) => {
    const parameter = (p.node as Node).parameter;
    const kind = annotationKind(imports, parameter.typeAnnotation);
    if (kind && parameter.type === "Identifier") typedFields.set(parameter.name, kind);
  });

  assignKinds();
  // A client with any live use stays Gladia, whole (with everything derived from it).
  findNodes(root, j.MemberExpression).forEach((p) => {
    const node = p.node as Node;
    if (node.computed || FACTORIES[node.property.name] !== "live") return;
    const object = unwrap(node.object);
    if (kindOf(object) !== "client") return;
    const field = thisField(object);
    if (field) liveFields.add(field);
    else if (node.object.type === "Identifier") {
      const declaration = bindingOf(p.get("object"))?.id.node;
      if (declaration) liveClients.add(declaration);
    }
  });
  if (liveClients.size > 0 || liveFields.size > 0) assignKinds();
  return { bindings, liveClients, kindOf, fieldKind: (name) => fields.get(name) };
}

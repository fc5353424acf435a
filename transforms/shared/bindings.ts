import type { ASTPath, Collection, JSCodeshift } from "jscodeshift";

// Which declaration an identifier refers to, through ast-types scopes: two identifiers share a
// binding when they resolve to the same declaring node (so shadowed names are told apart).

type Node = { type: string; [key: string]: any };

/** The node that declares the identifier at `path` (a declarator id, a parameter, an import…). */
export function declaringNode(path: ASTPath): Node | undefined {
  const name = (path.node as Node).name;
  const scope = (path as any).scope?.lookup(name);
  const bindings = scope?.getBindings()[name];
  return bindings?.[0]?.node;
}

/** Is this identifier a reference (a read or call of the variable), not a key or a declaration? */
export function isReference(path: ASTPath): boolean {
  const parent = path.parent?.node as Node | undefined;
  const node = path.node;
  if (!parent) return false;
  if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.property === node && !parent.computed) return false;
  if ((parent.type === "ObjectProperty" || parent.type === "Property") && parent.key === node && !parent.computed && !parent.shorthand) return false;
  if (parent.type === "VariableDeclarator" && parent.id === node) return false;
  if (/^(Import|Export)(Default|Namespace)?Specifier$/.test(parent.type)) return false;
  if (/^TS/.test(parent.type) && parent.type !== "TSNonNullExpression" && parent.type !== "TSAsExpression" && parent.type !== "TSSatisfiesExpression") return false;
  if ((parent.type === "ClassProperty" || parent.type === "ClassMethod" || parent.type === "ObjectMethod") && parent.key === node) return false;
  if (/Function|ArrowFunction/.test(parent.type) && (parent.params?.includes(node) || parent.id === node)) return false;
  return true;
}

/** Every reference to the binding declared by `declaration` (an identifier node). */
export function referencesOf(j: JSCodeshift, root: Collection, declaration: Node): ASTPath[] {
  const name = declaration.name;
  return root
    .find(j.Identifier, { name } as any)
    .filter((p) => p.node !== declaration && isReference(p) && declaringNode(p) === declaration)
    .paths();
}

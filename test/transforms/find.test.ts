import { describe, expect, it } from "vitest";
import jscodeshift from "jscodeshift";
import { parserFor } from "../../src/languages/javascript.js";
import { findEach, findNodes } from "../../transforms/shared/find.js";
import type { AnyPath } from "../../transforms/shared/ast.js";
import { listFixtureCases, readFixture } from "../helpers/fixtures.js";

// `findNodes` must return exactly what jscodeshift's `find` returns: the same NodePath objects, in
// the same order, for supertypes (`Node`, `Expression`, `Literal`), filters, and subtrees.

const TYPES = ["Node", "Expression", "Statement", "Function", "Identifier", "Literal", "StringLiteral", "TemplateElement", "CallExpression", "MemberExpression", "OptionalMemberExpression", "ImportDeclaration", "VariableDeclarator", "ObjectPattern", "ClassProperty", "TSTypeReference", "JSXIdentifier"] as const;

const sources = listFixtureCases()
  .filter(({ name }) => /\.(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/.test(name))
  .flatMap(({ name, inputPath, outputPath }) => [inputPath, ...(outputPath ? [outputPath] : [])].map((file) => ({ name, text: readFixture(file) })));

function same(found: { paths(): unknown[] }, expected: { paths(): unknown[] }): void {
  const a = found.paths();
  const b = expected.paths();
  expect(a.length).toBe(b.length);
  expect(a.every((path, i) => path === b[i])).toBe(true);
}

describe("findNodes", () => {
  it("has JS/TS fixtures to compare on", () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  it.each(sources.map((s, i) => [`${s.name} #${i}`, s] as const))("finds what jscodeshift finds: %s", (_label, { name, text }) => {
    const j = jscodeshift.withParser(parserFor(name));
    const root = j(text); // findNodes walks the fresh tree first: it builds the paths itself
    for (const type of TYPES) same(findNodes(root, j[type]), root.find(j[type]));
    same(findNodes(root, j.Identifier, { name: "response" }), root.find(j.Identifier, { name: "response" }));
    const isCall = (node: { callee: { type: string } }) => node.callee.type === "MemberExpression";
    same(findNodes(root, j.CallExpression, isCall), root.find(j.CallExpression, isCall));
    for (const fn of root.find(j.Function).paths().slice(0, 5) as AnyPath[]) {
      same(findNodes(fn, j.Identifier), j(fn).find(j.Identifier));
      same(findNodes(j(fn), j.ReturnStatement), j(fn).find(j.ReturnStatement));
    }
  });

  it.each(sources.map((s, i) => [`${s.name} #${i}`, s] as const))("finds in one walk what jscodeshift finds per type: %s", (_label, { name, text }) => {
    const j = jscodeshift.withParser(parserFor(name));
    const root = j(text); // a fresh tree: findEach builds the paths itself
    const found = findEach(root, TYPES.map((type) => j[type]));
    expect(found).toHaveLength(TYPES.length);
    TYPES.forEach((type, i) => same(found[i], root.find(j[type])));
    const [calls, members] = findEach(root, [j.CallExpression, j.MemberExpression], (node: { type: string }) => node.type !== "OptionalMemberExpression");
    same(calls, root.find(j.CallExpression));
    same(members, root.find(j.MemberExpression, (node: { type: string }) => node.type !== "OptionalMemberExpression"));
  });

  it("sees the tree as it is now, after edits", () => {
    const j = jscodeshift.withParser("ts");
    const root = j("const a = f(x);\nconst b = g(y);\n");
    expect(findNodes(root, j.CallExpression).length).toBe(2);
    root.find(j.CallExpression, { callee: { name: "f" } }).replaceWith(j.identifier("z"));
    root.get().node.program.body.unshift(j.expressionStatement(j.callExpression(j.identifier("h"), [])));
    same(findNodes(root, j.CallExpression), root.find(j.CallExpression));
    expect(findNodes(root, j.CallExpression).nodes().map((n) => (n.callee as { name: string }).name)).toEqual(["h", "g"]);
  });

  it("finds nothing below an empty field, as jscodeshift", () => {
    const j = jscodeshift.withParser("ts");
    const declarator = j("const a = 1;").find(j.VariableDeclarator).paths()[0];
    const empty = declarator.get("id", "typeAnnotation");
    expect(findNodes(empty, j.Node).length).toBe(0);
    same(findNodes(empty, j.Node), j(empty).find(j.Node));
  });

  it("refuses comment types (ast-types visits comments only for them)", () => {
    const j = jscodeshift.withParser("ts");
    expect(() => findNodes(j("// a\nx;"), j.Line)).toThrow(/comment types/);
  });
});

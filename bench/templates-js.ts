// Realistic JS/TS/TSX source for the synthetic corpora: imports, types, classes, async code,
// JSX components, comments. Every construct parses with jscodeshift's tsx parser (no
// `<T>value` casts, no generic arrow functions).

import type { Rng } from "./prng.js";
import {
  NPM_IMPORTS, REACT_IMPORTS, adjective, camel, kebab, noun, pascal, sentence, verb,
} from "./vocabulary.js";

export type JsFlavor = "ts" | "tsx" | "js" | "mjs" | "cjs" | "test";

const FIELD_TYPES = [
  "string", "number", "boolean", "Date", "string[]", "Record<string, unknown>", "number | null",
] as const;

/** One file being generated: the PRNG and the top-level names already declared in it. */
interface Ctx {
  rng: Rng;
  names: Set<string>;
}

/** Returns `name`, or `name2`, `name3`... so no identifier is declared twice in one scope. */
function claim(names: Set<string>, name: string): string {
  let unique = name;
  for (let n = 2; names.has(unique); n++) unique = `${name}${n}`;
  names.add(unique);
  return unique;
}

/** The local names an import line binds: `import a, { b, c as d } from "x"` -> a, b, d. */
function importedNames(line: string): string[] {
  const clause = /^import (?:type )?(.+) from /.exec(line)?.[1] ?? "";
  const braces = /\{(.*)\}/.exec(clause)?.[1] ?? "";
  const defaultName = clause.replace(/\{.*\}/, "").replace(/,/g, "").trim();
  const named = braces.split(",").map((part) => part.trim().split(/\s+as\s+/).pop()!).filter(Boolean);
  return [...(defaultName ? [defaultName] : []), ...named];
}

function jsDoc(rng: Rng, indent = ""): string {
  if (!rng.chance(0.55)) return "";
  const lines = [sentence(rng)];
  if (rng.chance(0.4)) lines.push(sentence(rng));
  if (rng.chance(0.3)) lines.push(`@param ${noun(rng)} - the ${adjective(rng)} ${noun(rng)}`);
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`).join("\n")}\n${indent} */\n`;
}

function lineComment(rng: Rng, indent: string): string {
  return rng.chance(0.25) ? `${indent}// ${sentence(rng)}\n` : "";
}

function relativeImport(rng: Rng, typed: boolean): string {
  const name = noun(rng);
  const depth = rng.pick(["./", "../", "../../"]);
  const dir = rng.pick(["utils", "lib", "services", "models", "hooks", "api", "store", "types"]);
  const isType = typed && rng.chance(0.3);
  const names = [camel(verb(rng), name), rng.chance(0.5) ? pascal(name) : camel(verb(rng), noun(rng))];
  return `import ${isType ? "type " : ""}{ ${[...new Set(names)].join(", ")} } from "${depth}${dir}/${kebab(name, rng.pick(["utils", "service", "types", "store", "client"]))}.js";`;
}

function importBlock(ctx: Ctx, flavor: JsFlavor): string {
  const { rng } = ctx;
  const lines: string[] = [];
  if (flavor === "tsx") {
    lines.push(`import { useEffect, useMemo, useState } from "react";`);
    for (let i = rng.int(1, 3); i > 0; i--) lines.push(rng.pick(REACT_IMPORTS));
  }
  if (flavor === "test") lines.push(`import { describe, expect, it, vi } from "vitest";`);
  for (let i = rng.int(0, 4); i > 0; i--) lines.push(rng.pick(NPM_IMPORTS));
  for (let i = rng.int(0, 4); i > 0; i--) lines.push(relativeImport(rng, flavor !== "js"));
  const unique = lines.filter((line) => {
    const names = importedNames(line);
    if (names.some((name) => ctx.names.has(name))) return false;
    names.forEach((name) => ctx.names.add(name));
    return true;
  });
  if (flavor === "cjs") return unique.map(toRequire).join("\n") + "\n\n";
  return unique.join("\n") + "\n\n";
}

function toRequire(line: string): string {
  // `import { a, b } from "x";` -> `const { a, b } = require("x");`
  const match = /^import (?:type )?(.+) from (".+");$/.exec(line);
  if (!match) return line;
  const binding = match[1].replace(/ as /g, ": ");
  return `const ${binding} = require(${match[2]});`;
}

function typeOf(rng: Rng, typed: boolean, type: string): string {
  return typed ? `: ${type}` : "";
}

function interfaceUnit(ctx: Ctx): string {
  const { rng } = ctx;
  const name = claim(ctx.names, pascal(noun(rng), rng.pick(["", "Dto", "Props", "Options", "State"])));
  const fields = [`  id: string;`];
  for (let i = rng.int(2, 10); i > 0; i--) {
    fields.push(`  ${camel(adjective(rng), noun(rng))}${rng.chance(0.3) ? "?" : ""}: ${rng.pick(FIELD_TYPES)};`);
  }
  return `${jsDoc(rng)}export interface ${name} {\n${[...new Set(fields)].join("\n")}\n}\n`;
}

function typeAliasUnit(ctx: Ctx): string {
  const { rng } = ctx;
  const values = [...new Set([adjective(rng), adjective(rng), adjective(rng), adjective(rng)])];
  if (rng.chance(0.5)) {
    return `export type ${claim(ctx.names, pascal(noun(rng), "status"))} = ${values.map((v) => `"${v}"`).join(" | ")};\n`;
  }
  const name = pascal(noun(rng));
  return `export type ${claim(ctx.names, `${name}Map`)} = Record<string, ${pascal(noun(rng))}[]>;\nexport type ${claim(ctx.names, `Partial${name}`)} = Partial<${pascal(noun(rng))}> & { id: string };\n`;
}

function enumUnit(ctx: Ctx): string {
  const { rng } = ctx;
  const members = [...new Set([adjective(rng), adjective(rng), adjective(rng), adjective(rng), adjective(rng)])];
  return `export enum ${claim(ctx.names, pascal(noun(rng), "kind"))} {\n${members.map((m) => `  ${pascal(m)} = "${m.toUpperCase()}",`).join("\n")}\n}\n`;
}

function configUnit(ctx: Ctx, typed: boolean): string {
  const { rng } = ctx;
  const name = claim(ctx.names, `DEFAULT_${noun(rng).toUpperCase()}_OPTIONS`);
  const entries = [
    `  retries: ${rng.int(0, 5)},`,
    `  timeoutMs: ${rng.int(1, 60) * 500},`,
    `  pageSize: ${rng.pick([10, 20, 25, 50, 100])},`,
    `  ${camel("enable", noun(rng))}: ${rng.chance(0.5)},`,
    `  baseUrl: process.env.${noun(rng).toUpperCase()}_API_URL ?? "https://${noun(rng)}.internal.example.com",`,
    `  ${camel(noun(rng), "label")}: "${pascal(adjective(rng))} ${noun(rng)}",`,
  ];
  return `export const ${name} = {\n${entries.slice(0, rng.int(3, entries.length)).join("\n")}\n}${typed ? " as const" : ""};\n`;
}

function statementLines(rng: Rng, typed: boolean, indent: string): string[] {
  const item = noun(rng);
  const locals = new Set(["total", "result", "entry"]);
  const pool = [
    () => `${indent}const ${claim(locals, camel(adjective(rng), item))} = ${item}s.filter((entry) => entry.${camel("is", adjective(rng))});`,
    () => `${indent}if (!${item}) {\n${indent}  throw new Error(\`${pascal(item)} not found\`);\n${indent}}`,
    () => `${indent}for (const entry of ${item}s) {\n${indent}  total += entry.${camel(noun(rng), "count")} ?? 0;\n${indent}}`,
    () => `${indent}const ${claim(locals, camel(item, "ids"))} = new Set(${item}s.map((entry) => entry.id));`,
    () => `${indent}logger.debug("${verb(rng)} ${item}", { count: ${item}s.length });`,
    () => `${indent}const ${claim(locals, "key")}${typeOf(rng, typed, "string")} = \`${item}:\${options.${camel(noun(rng), "id")}}\`;`,
    () => `${indent}result.${camel(adjective(rng), noun(rng))} = Math.max(0, total - ${rng.int(1, 100)});`,
    () => `${indent}switch (status) {\n${indent}  case "${adjective(rng)}":\n${indent}    return ${rng.int(0, 9)};\n${indent}  default:\n${indent}    break;\n${indent}}`,
  ];
  const lines: string[] = [];
  for (let i = rng.int(2, 8); i > 0; i--) lines.push(lineComment(rng, indent) + rng.pick(pool)());
  return lines;
}

function functionUnit(ctx: Ctx, typed: boolean): string {
  const { rng } = ctx;
  const item = noun(rng);
  const name = claim(ctx.names, camel(verb(rng), item, rng.pick(["", "s", "List", "Summary"])));
  const params = typed ? `${item}s: ${pascal(item)}[], options: Partial<${pascal(noun(rng))}Options> = {}` : `${item}s, options = {}`;
  const returns = typed ? `: ${pascal(item)}Summary` : "";
  const body = statementLines(rng, typed, "  ");
  return `${jsDoc(rng)}export function ${name}(${params})${returns} {\n  let total = 0;\n  const result${typed ? ` = {} as ${pascal(item)}Summary` : " = {}"};\n${body.join("\n")}\n  return { ...result, total };\n}\n`;
}

function asyncFunctionUnit(ctx: Ctx, typed: boolean): string {
  const { rng } = ctx;
  const item = noun(rng);
  const useAxios = rng.chance(0.3);
  const call = useAxios
    ? `    const { data } = await axios.get(\`\${API_BASE}/${item}s/\${id}\`, { timeout: ${rng.int(2, 30)}_000 });\n    return data${typed ? ` as ${pascal(item)}` : ""};`
    : `    const response = await fetch(\`\${API_BASE}/${item}s/\${id}\`, {\n      headers: { Accept: "application/json", Authorization: \`Bearer \${token}\` },\n    });\n    if (!response.ok) {\n      throw new Error(\`${pascal(item)} request failed: \${response.status}\`);\n    }\n    return (await response.json())${typed ? ` as ${pascal(item)}` : ""};`;
  const sig = typed ? `(id: string, token: string): Promise<${pascal(item)}>` : `(id, token)`;
  return `${jsDoc(rng)}export async function ${claim(ctx.names, camel(rng.pick(["fetch", "load", "get", "sync"]), item))}${sig} {\n  try {\n${call}\n  } catch (error) {\n    logger.warn("${item} fetch failed", { id, error });\n    throw error;\n  }\n}\n`;
}

function classUnit(ctx: Ctx, typed: boolean): string {
  const { rng } = ctx;
  const item = noun(rng);
  const name = claim(ctx.names, pascal(item, rng.pick(["Service", "Repository", "Store", "Manager", "Client"])));
  const field = typed ? `  private readonly cache = new Map<string, ${pascal(item)}>();\n\n  constructor(private readonly http: HttpClient, private readonly ttlMs = ${rng.int(1, 10) * 1000}) {}\n` : `  constructor(http, ttlMs = ${rng.int(1, 10) * 1000}) {\n    this.http = http;\n    this.ttlMs = ttlMs;\n    this.cache = new Map();\n  }\n`;
  const methods: string[] = [];
  for (let i = rng.int(1, 5); i > 0; i--) {
    const other = noun(rng);
    if (rng.chance(0.5)) {
      methods.push(`${jsDoc(rng, "  ")}  async ${camel(verb(rng), other)}(id${typed ? ": string" : ""})${typed ? `: Promise<${pascal(item)} | undefined>` : ""} {\n    const cached = this.cache.get(id);\n    if (cached) return cached;\n    const value = await this.http.get(\`/${item}s/\${id}/${other}\`);\n    this.cache.set(id, value);\n    return value;\n  }\n`);
    } else {
      methods.push(`${jsDoc(rng, "  ")}  ${camel(verb(rng), other)}(${typed ? `${other}s: ${pascal(other)}[]` : `${other}s`}) {\n${statementLines(rng, typed, "    ").join("\n")}\n    return ${other}s.length;\n  }\n`);
    }
  }
  return `${jsDoc(rng)}export class ${name} {\n${field}\n${methods.join("\n")}}\n`;
}

function arrowUnit(ctx: Ctx, typed: boolean): string {
  const { rng } = ctx;
  const item = noun(rng);
  const sig = typed ? `(${item}: ${pascal(item)}): string` : `(${item})`;
  return `export const ${claim(ctx.names, camel("format", item))} = ${sig} =>\n  \`\${${item}.id} (${adjective(rng)}) - \${${item}.${camel(noun(rng), "name")} ?? "unknown"}\`;\n`;
}

function componentUnit(ctx: Ctx): string {
  const { rng } = ctx;
  const item = noun(rng);
  const name = claim(ctx.names, pascal(adjective(rng), item, rng.pick(["Card", "List", "Panel", "Row", "Form", "Dialog"])));
  ctx.names.add(`${name}Props`);
  const state = camel(adjective(rng), noun(rng));
  return `${jsDoc(rng)}export interface ${name}Props {
  ${item}s: ${pascal(item)}[];
  onSelect?: (id: string) => void;
  className?: string;
}

export function ${name}({ ${item}s, onSelect, className }: ${name}Props) {
  const [${state}, ${camel("set", state)}] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const visible = useMemo(
    () => ${item}s.filter((entry) => entry.id.includes(query)),
    [${item}s, query],
  );

  useEffect(() => {
    if (visible.length === 0) ${camel("set", state)}(null);
  }, [visible]);

  return (
    <div className={clsx("${kebab(item, "list")}", className)}>
      {/* ${sentence(rng)} */}
      <input value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Search ${item}s" />
      {visible.length === 0 ? (
        <p className="empty">No ${item}s yet.</p>
      ) : (
        <ul>
          {visible.map((entry) => (
            <li key={entry.id} className={entry.id === ${state} ? "selected" : undefined}>
              <button type="button" onClick={() => { ${camel("set", state)}(entry.id); onSelect?.(entry.id); }}>
                {entry.id}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
`;
}

function testUnit(rng: Rng): string {
  const item = noun(rng);
  const cases: string[] = [];
  for (let i = rng.int(1, 4); i > 0; i--) {
    cases.push(`  it("${verb(rng)}s ${adjective(rng)} ${item}s", async () => {
    const ${item}s = [{ id: "a", count: ${rng.int(0, 9)} }, { id: "b", count: ${rng.int(0, 9)} }];
    const spy = vi.fn();
    const result = await ${camel(verb(rng), item)}(${item}s, { onChange: spy });
    expect(result.total).toBeGreaterThanOrEqual(0);
    expect(spy).toHaveBeenCalledTimes(${rng.int(0, 2)});
  });`);
  }
  return `describe("${camel(verb(rng), item)}", () => {\n${cases.join("\n\n")}\n});\n`;
}

export function jsSource(rng: Rng, flavor: JsFlavor, units: number): string {
  const ctx: Ctx = { rng, names: new Set(["API_BASE", "logger"]) };
  const typed = isTyped(flavor);
  const parts = [flavor === "cjs" ? `"use strict";\n\n` : "", importBlock(ctx, flavor)];
  if (rng.chance(0.5)) parts.push(`const API_BASE = process.env.API_BASE_URL ?? "https://api.example.com/v1";\nconst logger = createLogger("${kebab(noun(rng), noun(rng))}");\n\n`);
  for (let i = 0; i < units; i++) parts.push(withoutExport(unitFor(ctx, flavor, typed), flavor), "\n");
  if (flavor === "cjs") parts.push(`module.exports = { ${camel(verb(rng), noun(rng))}, ${camel(verb(rng), noun(rng))} };\n`);
  return parts.join("");
}

function withoutExport(unit: string, flavor: JsFlavor): string {
  return flavor === "cjs" ? unit.replace(/^export /gm, "") : unit;
}

/** One top-level construct (function, class, component...) in the given flavor. */
export function jsUnit(rng: Rng, flavor: JsFlavor): string {
  return withoutExport(unitFor({ rng, names: new Set() }, flavor, isTyped(flavor)), flavor);
}

function isTyped(flavor: JsFlavor): boolean {
  return flavor === "ts" || flavor === "tsx" || flavor === "test";
}

function unitFor(ctx: Ctx, flavor: JsFlavor, typed: boolean): string {
  const { rng } = ctx;
  if (flavor === "test") return testUnit(rng);
  if (flavor === "tsx" && rng.chance(0.5)) return componentUnit(ctx);
  const kinds: ReadonlyArray<readonly [() => string, number]> = [
    [() => functionUnit(ctx, typed), 5],
    [() => asyncFunctionUnit(ctx, typed), 3],
    [() => classUnit(ctx, typed), 2],
    [() => arrowUnit(ctx, typed), 2],
    [() => configUnit(ctx, typed), 1],
    [() => (typed ? interfaceUnit(ctx) : functionUnit(ctx, false)), typed ? 4 : 1],
    [() => (typed ? typeAliasUnit(ctx) : arrowUnit(ctx, false)), typed ? 2 : 1],
    [() => (typed ? enumUnit(ctx) : configUnit(ctx, false)), 1],
  ];
  return rng.weighted(kinds)();
}

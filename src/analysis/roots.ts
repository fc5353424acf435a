import type { Project, ts as Ts } from "ts-morph";
import { tsMorph } from "./ts-morph.js";
import { mayDeclareShapeKey } from "./reach.js";

const { ts } = tsMorph;
const K = ts.SyntaxKind;

// Which candidates the program can leave out. Most candidates of a large run import nothing that
// resolves and declare no Gladia shape key: types cannot reach them, so their walk finds nothing
// (see reach.ts), and, being modules, they declare nothing another file sees. Leaving them out of
// the program spares parsing and binding them; a file that imports one still brings it in.
// Every check reads the text and errs towards keeping the file. What reach.ts would walk everywhere
// (a global declaration, an item type any file can write) the caller handles by a run with all files.

/** A module-level `declare global`/`declare module`, or a triple-slash reference (files or libs every file sees). */
const GLOBAL_TEXT = /\bdeclare\s+(global|module)\b|<reference\b/;
/** Where a module specifier can stand: after `from`, `import`, `require`, and an optional `(`. */
const SPECIFIER_KEYWORD = /\b(from|import|require)\b\s*(\(\s*)?/g;
const QUOTES = new Set(["'", '"', "`"]);

/**
 * The strings of `text` that may be module specifiers, or undefined when one cannot be read from the
 * text alone: a comment between the keyword and the string, an escape in it (`\u0069mport`, `"\x2e/a"`).
 * Extra strings (`Array.from("abc")`) only cost a failed resolution.
 */
export function possibleSpecifiers(text: string): string[] | undefined {
  if (text.includes("\\u")) return undefined;
  const specifiers: string[] = [];
  for (const match of text.matchAll(SPECIFIER_KEYWORD)) {
    const at = match.index! + match[0].length;
    if (text[at] === "/") return undefined;
    if (!QUOTES.has(text[at])) continue;
    const end = text.indexOf(text[at], at + 1);
    const specifier = end < 0 ? undefined : text.slice(at + 1, end);
    if (specifier === undefined || /[\\\n]/.test(specifier)) return undefined;
    specifiers.push(specifier);
  }
  return specifiers;
}

/** After `import`: `{`, `*` or a string, or a name then `from` or `,`: an import declaration. */
function isImportDeclaration(scanner: Ts.Scanner): boolean {
  return scanner.lookAhead(() => {
    const next = scanner.scan();
    if (next === K.OpenBraceToken || next === K.AsteriskToken || next === K.StringLiteral) return true;
    if (next !== K.Identifier) return false;
    const after = scanner.scan();
    return after === K.FromKeyword || after === K.CommaToken;
  });
}

/**
 * Is this TypeScript text a module (its declarations are not global)? True when a top-level `export`
 * or import declaration shows it. The tokens are read from the start up to that proof; a `/` (a
 * regular expression or not: only the parser knows) or a template with substitutions ends the
 * reading with no proof.
 */
export function isCertainlyModule(text: string): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  let depth = 0;
  let previous: Ts.SyntaxKind | undefined;
  for (let token = scanner.scan(); token !== K.EndOfFileToken; previous = token, token = scanner.scan()) {
    if (token === K.OpenBraceToken || token === K.OpenParenToken || token === K.OpenBracketToken) depth++;
    else if (token === K.CloseBraceToken || token === K.CloseParenToken || token === K.CloseBracketToken) depth--;
    else if (token === K.SlashToken || token === K.SlashEqualsToken || token === K.TemplateHead) return false;
    if (depth < 0) return false;
    if (depth > 0 || previous === K.DotToken || previous === K.QuestionDotToken) continue;
    // `export as namespace N` (a global in a declaration file) is the one export that is no module's.
    if (token === K.ExportKeyword) return !scanner.lookAhead(() => scanner.scan() === K.AsKeyword);
    if (token === K.ImportKeyword && isImportDeclaration(scanner)) return true;
  }
  return false;
}

/**
 * `isolated(path, text)`: may the program leave this candidate out? A `.ts`/`.mts`/`.cts` module
 * (no JSX: a JSX file may import its runtime implicitly) with no shape key in its text, no global
 * declaration, and no specifier that resolves (in either resolution mode, with the project's options).
 */
export function isolatedFiles(project: Project): (path: string, text: string) => boolean {
  const options = project.getCompilerOptions();
  const host = project.getModuleResolutionHost();
  const cache = ts.createModuleResolutionCache(project.getFileSystem().getCurrentDirectory(), (name) => name, options);
  const resolves = (specifier: string, from: string) =>
    [ts.ModuleKind.ESNext, ts.ModuleKind.CommonJS].some(
      (mode) => ts.resolveModuleName(specifier, from, options, host, cache, undefined, mode as Ts.ResolutionMode).resolvedModule !== undefined,
    );
  return (path, text) => {
    if (!/\.(ts|mts|cts)$/.test(path) || /\.d\.(c|m)?ts$/.test(path)) return false;
    if (mayDeclareShapeKey(path, text) || GLOBAL_TEXT.test(text) || !isCertainlyModule(text)) return false;
    const specifiers = possibleSpecifiers(text);
    return specifiers !== undefined && !specifiers.some((specifier) => resolves(specifier, path));
  };
}

import type { Project, ts as Ts } from "ts-morph";
import { tsMorph } from "./ts-morph.js";
import { GLOBAL_DECLARATIONS, hasShapeKeyText, isGladiaSdkFile, SHAPE_KEYS } from "./reach.js";

const { ts } = tsMorph;
const K = ts.SyntaxKind;

// Which candidates the program can leave out. Most candidates of a large run import nothing that
// resolves and declare no Gladia shape key: types cannot reach them, so their walk finds nothing
// (see reach.ts), and, being modules, they declare nothing another file sees. Leaving them out of
// the program spares parsing and binding them; a file that imports one still brings it in.
// Every check reads the text and errs towards keeping the file. What reach.ts would walk everywhere
// (a global declaration, an item type any file can write) the caller handles by a run with all files.

/** A module-level `declare global`/`declare module`, or a triple-slash reference (files or libs every file sees). */
const GLOBAL_TEXT = new RegExp(`${GLOBAL_DECLARATIONS.source}|<reference\\b`);
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

/** After a member name: tokens that end a read (`x.k.y`, `x.k(`, `x.k;`, `x.k ?? y`, `c ? x.k : y`), never a write. */
const READ_ENDS = new Set([
  K.DotToken, K.QuestionDotToken, K.OpenBracketToken, K.OpenParenToken, K.SemicolonToken, K.QuestionToken, K.ColonToken, K.QuestionQuestionToken,
  K.AmpersandAmpersandToken, K.BarBarToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsEqualsToken, K.EqualsEqualsToken, K.ExclamationEqualsToken,
  K.PlusToken, K.MinusToken, K.AsteriskToken, K.LessThanToken,
]);
/** Before a name: it starts an expression or a type, or names a parameter (no modifier can stand between). */
const REFERENCE_STARTS = new Set([K.EqualsToken, K.OpenParenToken, K.ReturnKeyword]);
const VARIABLE_KEYWORDS = new Set([K.ConstKeyword, K.LetKeyword, K.VarKeyword]);

/**
 * Does this TypeScript text declare no Gladia shape key, for certain (see reach.ts, declaresKey)?
 * Every key it holds must be in a comment, inside a longer string, a member read (`x.utterances`
 * then a token that ends a read), a reference or parameter name, or a variable not exported. Read
 * from the tokens like isCertainlyModule (no `/`); templates are followed through their
 * substitutions. `delete` and a prefix `++`/`--` can write any member: no answer then.
 */
export function declaresNoShapeKey(text: string): boolean {
  if (!hasShapeKeyText(text)) return true;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const braces: ("{" | "${")[] = [];
  /** After a read's closing parentheses (`f(x.k)`): a read end, or the `}` of a substitution. */
  const endsRead = () =>
    scanner.lookAhead(() => {
      let token = scanner.scan();
      while (token === K.CloseParenToken) token = scanner.scan();
      return READ_ENDS.has(token) || (token === K.CloseBraceToken && braces.at(-1) === "${");
    });
  let previous: Ts.SyntaxKind | undefined;
  let beforePrevious: Ts.SyntaxKind | undefined;
  for (let token = scanner.scan(); token !== K.EndOfFileToken; beforePrevious = previous, previous = token, token = scanner.scan()) {
    if (token === K.SlashToken || token === K.SlashEqualsToken || token === K.DeleteKeyword) return false;
    const prefixStep = token === K.PlusPlusToken || token === K.MinusMinusToken;
    if (prefixStep && (scanner.hasPrecedingLineBreak() || !(previous === K.Identifier || previous === K.CloseParenToken || previous === K.CloseBracketToken))) return false;
    if (token === K.TemplateHead || token === K.OpenBraceToken) braces.push(token === K.OpenBraceToken ? "{" : "${");
    else if (token === K.CloseBraceToken) {
      const open = braces.pop();
      if (open === undefined) return false;
      if (open === "${" && (token = scanner.reScanTemplateToken(false)) === K.TemplateMiddle) braces.push("${");
    }
    const raw = text.slice(scanner.getTokenStart(), scanner.getTokenEnd());
    if (!hasShapeKeyText(raw)) continue;
    const isString = token === K.StringLiteral || token === K.NoSubstitutionTemplateLiteral;
    if (isString && !SHAPE_KEYS.has(scanner.getTokenValue())) continue;
    if (token !== K.Identifier || !SHAPE_KEYS.has(raw)) return false;
    if (previous === K.DotToken || previous === K.QuestionDotToken) {
      if (endsRead()) continue;
      return false;
    }
    if (REFERENCE_STARTS.has(previous!)) continue;
    if (VARIABLE_KEYWORDS.has(previous!) && beforePrevious !== K.ExportKeyword && beforePrevious !== K.DeclareKeyword) continue;
    return false;
  }
  return true;
}

/**
 * `isolated(path, text)`: may the program leave this candidate out? A `.ts`/`.mts`/`.cts` module
 * (no JSX: a JSX file may import its runtime implicitly) that declares no shape key, no global,
 * and has no specifier that resolves (in either resolution mode, with the project's options).
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
    if (isGladiaSdkFile(path) || GLOBAL_TEXT.test(text) || !isCertainlyModule(text) || !declaresNoShapeKey(text)) return false;
    const specifiers = possibleSpecifiers(text);
    return specifiers !== undefined && !specifiers.some((specifier) => resolves(specifier, path));
  };
}

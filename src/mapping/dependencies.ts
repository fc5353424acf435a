import { JS_SDK, PY_SDK } from "./sdk.js";
import { DOCS } from "./docs.js";

// Dependency steps the report lists when the scanned code uses a Gladia SDK: which package to
// remove, which to add, and the command. Detection is a cheap regex over the original text.

export interface DependencyRule {
  id: string;
  ecosystem: "npm" | "pip";
  detect: RegExp;
  remove: string;
  add: string;
  command: string;
  docs: string;
}

export const DEPENDENCY_RULES: DependencyRule[] = [
  {
    id: "js-sdk",
    ecosystem: "npm",
    detect: /["']@gladiaio\/sdk["']/,
    remove: JS_SDK.gladiaPackage,
    add: JS_SDK.assemblyaiPackage,
    command: `npm uninstall ${JS_SDK.gladiaPackage} && npm install ${JS_SDK.assemblyaiPackage}@${JS_SDK.assemblyaiRange}`,
    docs: DOCS.jsSdk,
  },
  {
    id: "python-sdk",
    ecosystem: "pip",
    detect: /\bgladiaio[_-]sdk\b/,
    remove: PY_SDK.gladiaDistribution,
    add: PY_SDK.assemblyaiDistribution,
    command: `pip uninstall ${PY_SDK.gladiaDistribution} && pip install ${PY_SDK.assemblyaiDistribution}`,
    docs: DOCS.pythonSdk,
  },
];

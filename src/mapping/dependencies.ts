import { JS_SDK, JS_SDK_ADAPTER, PY_SDK } from "./sdk.js";
import { DOCS } from "./docs.js";
import { ownVersion } from "../version.js";

// Dependencies: what replaces `@gladiaio/sdk` in package.json per strategy, and the steps the
// report lists when the scanned code uses a Gladia SDK (which package to remove, which to add, the
// command). Detection is a cheap regex over the text.

export type Strategy = "native" | "adapter";

/** A package.json entry that takes the place of `@gladiaio/sdk`, and how migrated code imports it. */
export interface DependencyTarget {
  name: string;
  range: string;
  imported: RegExp;
}

/** This package's own range, for the runtime client the adapter strategy points code at. */
function runtimeRange(): string {
  const { version } = ownVersion();
  return version === "unknown" ? "*" : `^${version}`;
}

/** A module name in quotes: code that imports it (import, require, dynamic import, test mocks). */
function quoted(module: string): RegExp {
  return new RegExp(`["']${module.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}["']`);
}

export const GLADIA_SDK_IMPORT = quoted(JS_SDK.gladiaPackage);

export const JS_DEPENDENCY_TARGETS: Record<Strategy, DependencyTarget> = {
  native: { name: JS_SDK.assemblyaiPackage, range: JS_SDK.assemblyaiRange, imported: quoted(JS_SDK.assemblyaiPackage) },
  // The runtime client's package brings `assemblyai` with it.
  adapter: { name: JS_SDK_ADAPTER.runtimePackage, range: runtimeRange(), imported: quoted(JS_SDK_ADAPTER.runtimeModule) },
};

export interface DependencyRule {
  id: string;
  ecosystem: "npm" | "pip";
  /** Only with this strategy (both when absent). */
  strategy?: Strategy;
  detect: RegExp;
  remove: string;
  add: string;
  command: string;
  /** What else the reviewer must know about the change. */
  note?: string;
  docs: string;
}

const ADAPTER = JS_DEPENDENCY_TARGETS.adapter;

export const DEPENDENCY_RULES: DependencyRule[] = [
  {
    id: "js-sdk",
    ecosystem: "npm",
    strategy: "native",
    detect: GLADIA_SDK_IMPORT,
    remove: JS_SDK.gladiaPackage,
    add: JS_SDK.assemblyaiPackage,
    command: `npm uninstall ${JS_SDK.gladiaPackage} && npm install ${JS_SDK.assemblyaiPackage}@${JS_SDK.assemblyaiRange}`,
    docs: DOCS.jsSdk,
  },
  {
    id: "js-sdk-adapter",
    ecosystem: "npm",
    strategy: "adapter",
    detect: GLADIA_SDK_IMPORT,
    remove: JS_SDK.gladiaPackage,
    add: ADAPTER.name,
    command: `npm uninstall ${JS_SDK.gladiaPackage} && npm install ${ADAPTER.name}@${ADAPTER.range}`,
    note:
      `\`${JS_SDK_ADAPTER.runtimeModule}\` is now a runtime dependency: the migrated code imports it, so \`${ADAPTER.name}\` belongs in ` +
      `\`dependencies\` (not \`devDependencies\`); it brings \`${JS_SDK.assemblyaiPackage}\`. Code that uses Gladia live transcription keeps ` +
      `\`${JS_SDK.gladiaPackage}\` (the runtime client has no live API): keep the package wherever such code remains.`,
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

/** The rules that apply to a run with this strategy. */
export function dependencyRules(strategy: Strategy): DependencyRule[] {
  return DEPENDENCY_RULES.filter((rule) => !rule.strategy || rule.strategy === strategy);
}

import type { FollowUp, LanguagePlugin, ManifestUse, TransformInput, TransformOptions, TransformOutput } from "../core/types.js";
import { JS_DEPENDENCY_TARGETS, type DependencyTarget } from "../mapping/dependencies.js";
import { getRule, type RuleId } from "../mapping/rules.js";
import { JS_SDK } from "../mapping/sdk.js";
import { jsonMembers, type JsonMember } from "./json-members.js";

// package.json: `@gladiaio/sdk` → its replacement in the same dependency section: `assemblyai`
// (strategy native) or `gladia-to-assemblyai`, the package of the runtime client the code now
// imports (strategy adapter; it brings `assemblyai`). Edited in the text so formatting, indentation
// and key order stay. While code the manifest serves still imports `@gladiaio/sdk` once migrated
// (live transcription, code left with a marker), it stays and the replacement joins it: the
// runner knows that once the code is migrated (`options.manifestUse`). Lockfiles are left alone:
// the report says to reinstall.

const SECTIONS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
/** Sections keyed by package name whose value is not a range. */
const META_SECTIONS = ["peerDependenciesMeta"];

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Replace `@gladiaio/sdk`, keep it and add its replacement after it, or leave the manifest alone. */
type Plan = "replace" | "keep-and-add" | "leave";

function planFor(use: ManifestUse | undefined): Plan {
  if (!use?.gladiaSdk) return "replace";
  return use.target ? "keep-and-add" : "leave";
}

function isEntry(member: JsonMember, sections: string[], name: string): boolean {
  return member.path.length === 2 && sections.includes(member.path[0]) && member.path[1] === name;
}

function siblings(members: JsonMember[], member: JsonMember): JsonMember[] {
  return members.filter((m) => m.path.length === 2 && m.path[0] === member.path[0]).sort((a, b) => a.start - b.start);
}

/** Remove a member with its separator: up to the next sibling, or from the previous one. */
function removal(text: string, members: JsonMember[], member: JsonMember): Edit {
  const group = siblings(members, member);
  const index = group.indexOf(member);
  if (index < group.length - 1) return { start: member.start, end: group[index + 1].start, text: "" };
  if (index > 0) return { start: group[index - 1].end, end: member.end, text: "" };
  return { start: text.lastIndexOf("{", member.start) + 1, end: text.indexOf("}", member.end), text: "" };
}

/** `"@gladiaio/sdk": "^2.1.0"` → `"assemblyai": "^4.41.5"`, with the member's own separator. */
function entryLike(text: string, member: JsonMember, target: DependencyTarget, withRange: boolean): string {
  const separator = text.slice(member.keyEnd, member.valueStart);
  const value = withRange ? JSON.stringify(target.range) : text.slice(member.valueStart, member.end);
  return `${JSON.stringify(target.name)}${separator}${value}`;
}

function replacement(text: string, member: JsonMember, target: DependencyTarget, withRange: boolean): Edit {
  return { start: member.start, end: member.end, text: entryLike(text, member, target, withRange) };
}

/** The replacement right after the member, on its own line with the member's indentation. */
function addition(text: string, member: JsonMember, target: DependencyTarget, withRange: boolean): Edit {
  const indentation = /\s*$/.exec(text.slice(0, member.start))![0];
  return { start: member.end, end: member.end, text: `,${indentation}${entryLike(text, member, target, withRange)}` };
}

function planEdits(text: string, target: DependencyTarget, plan: Plan): Edit[] {
  if (plan === "leave") return [];
  const members = jsonMembers(text);
  const has = (section: string) => members.some((m) => m.path.length === 2 && m.path[0] === section && m.path[1] === target.name);
  return members.flatMap((member): Edit[] => {
    const isRange = isEntry(member, SECTIONS, JS_SDK.gladiaPackage);
    if (!isRange && !isEntry(member, META_SECTIONS, JS_SDK.gladiaPackage)) return [];
    if (plan === "keep-and-add") return has(member.path[0]) ? [] : [addition(text, member, target, isRange)];
    return [has(member.path[0]) ? removal(text, members, member) : replacement(text, member, target, isRange)];
  });
}

function applyEdits(text: string, edits: Edit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** What the reviewer is told about the edit. */
function notesFor(options: TransformOptions, plan: Plan): RuleId[] {
  if (plan === "keep-and-add") return ["dependency-kept"];
  if (options.strategy === "native") return ["dependency-reinstall"];
  return options.manifestUse ? ["dependency-adapter"] : ["dependency-adapter", "dependency-code-unseen"];
}

export function transformPackageJson(input: TransformInput): TransformOutput {
  if (packageJson.parseError(input.text, input.path)) return { text: input.text, steps: [], followUps: [] };
  const plan = planFor(input.options.manifestUse);
  const edits = planEdits(input.text, JS_DEPENDENCY_TARGETS[input.options.strategy], plan);
  if (edits.length === 0) return { text: input.text, steps: [], followUps: [] };
  const line = lineAt(input.text, Math.min(...edits.map((e) => e.start)));
  const notes = notesFor(input.options, plan).map((rule): FollowUp => {
    const { message, docs } = getRule(rule);
    return { rule, kind: "note", line, message, docs };
  });
  return { text: applyEdits(input.text, edits), steps: ["dependencies"], followUps: notes };
}

export const packageJson: LanguagePlugin = {
  name: "package-json",
  matches: (path) => /(^|\/|\.)package\.json$/.test(path),
  mayConcern: (text) => text.includes(`"${JS_SDK.gladiaPackage}"`),
  transform: transformPackageJson,
  parseError(text) {
    try {
      JSON.parse(text);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  },
  steps: [
    {
      name: "dependencies",
      description: "package.json: @gladiaio/sdk → assemblyai (adapter: gladia-to-assemblyai) in the same dependency section; kept while migrated code still imports it",
    },
  ],
};

import type { FollowUp, LanguagePlugin, TransformInput, TransformOutput } from "../core/types.js";
import { getRule } from "../mapping/rules.js";
import { JS_SDK } from "../mapping/sdk.js";
import { jsonMembers, type JsonMember } from "./json-members.js";

// package.json: `@gladiaio/sdk` → `assemblyai` in the same dependency section, edited in the text
// so formatting, indentation and key order stay. Lockfiles are left alone: the report says to
// reinstall.

const SECTIONS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
/** Sections keyed by package name whose value is not a range. */
const META_SECTIONS = ["peerDependenciesMeta"];

interface Edit {
  start: number;
  end: number;
  text: string;
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

/** `"@gladiaio/sdk": "^2.1.0"` → `"assemblyai": "^4.41.5"`, keeping the separator between them. */
function replacement(text: string, member: JsonMember, withRange: boolean): Edit {
  const separator = text.slice(member.keyEnd, member.valueStart);
  const value = withRange ? JSON.stringify(JS_SDK.assemblyaiRange) : text.slice(member.valueStart, member.end);
  return { start: member.start, end: member.end, text: `${JSON.stringify(JS_SDK.assemblyaiPackage)}${separator}${value}` };
}

function planEdits(text: string): Edit[] {
  const members = jsonMembers(text);
  const has = (section: string) => members.some((m) => m.path.length === 2 && m.path[0] === section && m.path[1] === JS_SDK.assemblyaiPackage);
  return members.flatMap((member): Edit[] => {
    const isRange = isEntry(member, SECTIONS, JS_SDK.gladiaPackage);
    if (!isRange && !isEntry(member, META_SECTIONS, JS_SDK.gladiaPackage)) return [];
    return [has(member.path[0]) ? removal(text, members, member) : replacement(text, member, isRange)];
  });
}

function applyEdits(text: string, edits: Edit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

export function transformPackageJson(input: TransformInput): TransformOutput {
  if (packageJson.parseError(input.text, input.path)) return { text: input.text, steps: [], followUps: [] };
  const edits = planEdits(input.text);
  if (edits.length === 0) return { text: input.text, steps: [], followUps: [] };
  const { message, docs } = getRule("dependency-reinstall");
  const note: FollowUp = { rule: "dependency-reinstall", kind: "note", line: lineAt(input.text, Math.min(...edits.map((e) => e.start))), message, docs };
  return { text: applyEdits(input.text, edits), steps: ["dependencies"], followUps: [note] };
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
  steps: [{ name: "dependencies", description: "package.json: @gladiaio/sdk → assemblyai in the same dependency section" }],
};

import type { FileResult, NoteRecord } from "../core/types.js";
import { MARKER_PREFIX } from "../mapping/transport.js";
import { DOCS } from "../mapping/docs.js";
import type { RunResult } from "./types.js";

// The markdown report, written from the same RunResult as `--json`, readable as a pull-request
// description: summary, per-file changes, every marker with file:line and docs link, semantic
// differences by rule, dependency and env var steps, secrets by location only, a checklist.

export interface StepDescription {
  language: string;
  name: string;
  description: string;
}

const MODE_LINE = {
  apply: "The files below were migrated in place.",
  "dry-run": "Dry run: no source file was written; the changes below are what a real run would make.",
  check: "Check run: no source file was written; the changes below are what a real run would make.",
} as const;

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function link(url: string | undefined): string {
  return url ? ` ([docs](${url}))` : "";
}

/** A `## title` section with an optional intro paragraph; nothing at all when it has no items. */
function section(title: string, intro: string | undefined, items: string[]): string[] {
  if (items.length === 0) return [];
  return [`## ${title}`, "", ...(intro ? [intro, ""] : []), ...items, ""];
}

function summarySection(run: RunResult): string[] {
  const { summary } = run;
  const changed = run.mode === "apply" ? "changed" : "would change";
  return [
    "## Summary",
    "",
    MODE_LINE[run.mode],
    "",
    "| | count |",
    "|---|---:|",
    `| files ${changed} | ${summary.changed} |`,
    `| files unchanged | ${summary.unchanged} |`,
    `| files skipped | ${summary.skipped} |`,
    `| files failed | ${summary.failed} |`,
    `| follow-up markers | ${summary.markers} |`,
    `| semantic differences to review | ${summary.notes} |`,
    `| hard-coded keys found | ${summary.secrets} |`,
    "",
  ];
}

function fileSection(file: FileResult, steps: Map<string, string>): string[] {
  const lines = [`### ${code(file.path)}`, ""];
  for (const step of file.steps) lines.push(`- ${code(step)}: ${steps.get(`${file.language}/${step}`) ?? "applied"}`);
  if (file.steps.length === 0) lines.push("- follow-up markers only (no step rewrote code)");
  if (file.markers.length > 0) lines.push(`- ${file.markers.length} follow-up marker(s): see below`);
  lines.push("");
  return lines;
}

function changedSection(run: RunResult, steps: Map<string, string>): string[] {
  const changed = run.files.filter((file) => file.status === "changed");
  const title = run.mode === "apply" ? "Changed files" : "Files that would change";
  if (changed.length === 0) return [`## ${title}`, "", "None.", ""];
  return section(title, undefined, changed.flatMap((file) => fileSection(file, steps)));
}

function markersSection(run: RunResult): string[] {
  return section(
    "Follow-up markers",
    `Each is a ${code(MARKER_PREFIX)} comment in the code: search for it, make the change, delete the comment.`,
    run.files.flatMap((file) => file.markers.map((marker) => `- [ ] ${code(`${file.path}:${marker.line}`)}: ${marker.message}${link(marker.docs)}`)),
  );
}

/** Notes grouped by rule: one entry per semantic difference, with every place it applies. */
function notesSection(run: RunResult): string[] {
  const byRule = new Map<string, { note: NoteRecord; places: string[] }>();
  for (const file of run.files) {
    for (const note of file.notes) {
      const group = byRule.get(note.rule) ?? { note, places: [] };
      group.places.push(note.line > 0 ? `${file.path}:${note.line}` : file.path);
      byRule.set(note.rule, group);
    }
  }
  return section(
    "Semantic differences to review",
    "The code was migrated, but AssemblyAI behaves differently here; check that the code around it still does what you expect.",
    [...byRule.values()].flatMap(({ note, places }) => [`- **${note.rule}**: ${note.message}${link(note.docs)}`, `  - ${places.map(code).join(", ")}`]),
  );
}

function dependencySection(run: RunResult): string[] {
  return section(
    "Dependencies",
    undefined,
    run.dependencies.flatMap((dep) => [
      `- [ ] Replace ${code(dep.remove)} with ${code(dep.add)} (${dep.ecosystem}): ${code(dep.command)}${link(dep.docs)}`,
      `  - used in ${dep.files.map(code).join(", ")}`,
    ]),
  );
}

function envVarSection(run: RunResult): string[] {
  return section(
    "Environment variables",
    "The code now reads the AssemblyAI names. Set them wherever the old ones are set (CI secrets, hosting, local `.env` files), with an AssemblyAI API key as the value, then remove the old ones.",
    run.envVars.flatMap((env) => [`- [ ] ${code(env.from)} → ${code(env.to)}${link(DOCS.auth)}`, `  - mentioned in ${env.files.map(code).join(", ")}`]),
  );
}

function secretsSection(run: RunResult): string[] {
  return section(
    "Hard-coded keys",
    "A Gladia API key appears to be written in these places (the value is not shown). Revoke it in the Gladia dashboard and read the AssemblyAI key from `ASSEMBLYAI_API_KEY` instead.",
    run.files.flatMap((file) => file.secretLines.map((line) => `- [ ] ${code(`${file.path}:${line}`)}${link(DOCS.auth)}`)),
  );
}

function problemsSection(run: RunResult): string[] {
  const problems = run.files.filter((file) => file.status === "skipped" || file.status === "failed");
  const rows = problems.map((file) => `| ${code(file.path)} | ${file.status} | ${cell(file.reason ?? "")} |`);
  return section("Skipped and failed files", undefined, rows.length > 0 ? ["| file | status | reason |", "|---|---|---|", ...rows] : []);
}

function checklistSection(run: RunResult): string[] {
  const items = [
    run.mode === "apply" ? "Review the diff of every changed file." : "Run the migration for real (without `--dry-run`) and review the diff.",
    run.summary.markers > 0 && `Resolve the ${run.summary.markers} follow-up marker(s): \`git grep -n "${MARKER_PREFIX}"\`.`,
    run.summary.notes > 0 && "Check the semantic differences above against what the code expects.",
    run.dependencies.length > 0 && "Update the dependencies and reinstall so the lockfile follows.",
    run.envVars.length > 0 && "Set the AssemblyAI environment variables everywhere the Gladia ones were set.",
    run.summary.secrets > 0 && "Remove the hard-coded keys and revoke them.",
    run.summary.failed > 0 && `Migrate the ${run.summary.failed} failed file(s) by hand (see the table above).`,
    "Run the tests against AssemblyAI (with `ASSEMBLYAI_API_KEY` set) before merging.",
    `Read the migration guide: ${DOCS.migrationGuide}`,
  ].filter((item): item is string => typeof item === "string");
  return section("Checklist", undefined, items.map((item) => `- [ ] ${item}`));
}

export function toMarkdown(run: RunResult, steps: StepDescription[]): string {
  const stepMap = new Map(steps.map((step) => [`${step.language}/${step.name}`, step.description]));
  const roots = run.roots.map(code).join(", ");
  return [
    "# Migration from Gladia to AssemblyAI",
    "",
    `Generated by ${run.tool.name} ${run.tool.version} over ${roots}.`,
    "",
    ...summarySection(run),
    ...changedSection(run, stepMap),
    ...markersSection(run),
    ...notesSection(run),
    ...dependencySection(run),
    ...envVarSection(run),
    ...secretsSection(run),
    ...problemsSection(run),
    ...checklistSection(run),
  ].join("\n");
}

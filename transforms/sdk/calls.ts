import type { ASTPath } from "jscodeshift";
import type { JsContext } from "../shared/context.js";
import type { SdkFile } from "./model.js";
import { JS_SDK_METHODS, type JsSdkMethodRule } from "../../src/mapping/sdk.js";
import { mapListParams, mapPollOptions, mapRequestArgument } from "./options.js";
import { addErrorCheck, keepDeleteBoolean, resultUse, rewriteCreateResult, rewriteUploadResult, valuePath } from "./results.js";
import { rewriteResultReads } from "../shared/result-reads.js";
import { memberCalls } from "./receivers.js";
import { followValue } from "../shared/flow.js";

// `pr.transcribe(audio, opts)` → `pr.transcripts.transcribe({ audio, …mapped })` and the other
// pre-recorded methods, table-driven by JS_SDK_METHODS (mapping §5).

type Node = { type: string; [key: string]: any };

function argumentPath(call: ASTPath, index: number): ASTPath | undefined {
  return (call.node as Node).arguments[index] ? (call.get("arguments", index) as ASTPath) : undefined;
}

const present = (node: Node | undefined): Node[] => (node ? [node] : []);

function newArguments(ctx: JsContext, sdk: SdkFile, call: ASTPath, rule: JsSdkMethodRule, reads: boolean): Node[] {
  const args = (call.node as Node).arguments as Node[];
  switch (rule.args) {
    case "audio+options":
      return [
        mapRequestArgument(ctx, sdk, argumentPath(call, 1), call, { audio: args[0], readsUtterances: reads }),
        ...present(mapPollOptions(ctx, argumentPath(call, 2), call)),
      ];
    case "options":
      return [mapRequestArgument(ctx, sdk, argumentPath(call, 0), call, { readsUtterances: reads }), ...present(mapPollOptions(ctx, argumentPath(call, 1), call))];
    case "id":
      return [args[0], ...present(mapPollOptions(ctx, argumentPath(call, 1), call))];
    case "params":
      return present(mapListParams(ctx, argumentPath(call, 0)));
    default:
      return args;
  }
}

/**
 * The job a call resolves to gets the result mapping wherever it flows in the file. Utterances are
 * needed when a read of them was rewritten, or when the job leaves the file (Gladia always had them).
 */
function rewriteJobReads(ctx: JsContext, call: ASTPath): boolean {
  const root = valuePath(call);
  const report = rewriteResultReads(ctx, [{ path: root, level: "job" }]);
  return report.utteranceReads.length > 0 || followValue(ctx.j, [root]).sinks.length > 0;
}

function rewriteCall(ctx: JsContext, sdk: SdkFile, call: ASTPath, rule: JsSdkMethodRule): void {
  const { j } = ctx;
  const node = call.node as Node;
  if (rule.rule) ctx.mark(call, rule.rule);
  if (!rule.service || !rule.method) return;
  const use = resultUse(call);
  const reads = rule.returns === "job" ? rewriteJobReads(ctx, call) : /\butterances\b/.test(ctx.source);
  node.arguments = newArguments(ctx, sdk, call, rule, reads);
  node.callee = j.memberExpression(j.memberExpression(node.callee.object, j.identifier(rule.service)), j.identifier(rule.method));
  if (rule.returns === "upload-url-string") rewriteUploadResult(ctx, call, use);
  if (rule.returns === "transcript-not-boolean") keepDeleteBoolean(ctx, call, use);
  if (rule.returns === "created") rewriteCreateResult(ctx, use);
  // After the result reads: the check reads AssemblyAI fields.
  if (rule.throwOnError) sdk.pending.push(() => addErrorCheck(ctx, call, use));
}

/** Rewrites every pre-recorded method call; innermost first, so nested calls see their new nodes. */
export function rewriteMethodCalls(ctx: JsContext, sdk: SdkFile): boolean {
  const calls = memberCalls(ctx, sdk.receivers, Object.keys(JS_SDK_METHODS), ["prerecorded"]);
  for (const call of calls) rewriteCall(ctx, sdk, call, JS_SDK_METHODS[((call.node as Node).callee as Node).property.name]);
  return calls.length > 0;
}

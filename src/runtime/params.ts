import type { RequestObject } from "../mapping/request.js";
import { mapRequest } from "../mapping/request.js";
import type { RuleId } from "../mapping/rules.js";
import { getRule } from "../mapping/rules.js";

// Mapping §2 for code that builds Gladia request bodies at run time: the same `mapRequest` the
// transforms call on source literals, here over plain JSON.

export interface ParamsNote {
  rule: RuleId;
  kind: "marker" | "note";
  /** The Gladia key that caused it, when there is one. */
  field?: string;
  message: string;
  docs: string;
}

export interface ToAssemblyAIParamsOptions {
  /** The caller reads `utterances`: AssemblyAI then needs `speaker_labels: true` (added if unset). */
  readsUtterances?: boolean;
}

export interface AssemblyAIParamsResult {
  /** A `POST /v2/transcript` body (`client.transcripts.submit(params)`). */
  params: Record<string, unknown>;
  /** What did not map 1:1, with the rule's message and AssemblyAI docs link. */
  notes: ParamsNote[];
}

/** What `JSON.stringify` would send: drops `undefined` and functions, as Gladia's SDK did. */
function toJson(body: object): RequestObject {
  return JSON.parse(JSON.stringify(body)) as RequestObject;
}

export function toAssemblyAIParams(gladiaRequest: object, options: ToAssemblyAIParamsOptions = {}): AssemblyAIParamsResult {
  const { params, followUps } = mapRequest(toJson(gladiaRequest), { readsUtterances: options.readsUtterances });
  const notes = followUps.map(({ rule, field }) => {
    const { kind, message, docs } = getRule(rule);
    return { rule, kind, ...(field ? { field } : {}), message, docs };
  });
  return { params, notes };
}

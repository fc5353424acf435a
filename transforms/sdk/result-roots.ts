import type { JsContext } from "../shared/context.js";
import type { SdkFile } from "./model.js";
import type { TypedRoot } from "./types.js";

// The values the SDK hands back are Gladia jobs: their reads get the result mapping (§3).

export function rewriteSdkResultReads(_ctx: JsContext, _sdk: SdkFile, _typed: TypedRoot[]): boolean {
  return false;
}

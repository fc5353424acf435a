import type { Collection } from "jscodeshift";
import type { JsContext } from "../../shared/context.js";
import { findEach } from "../../shared/find.js";

// The file's string and template literals, found by one walk the first time they are asked for.
// The URL rewrite and the header rewrite of the transport step both search them; between the two
// the tree changes only in place (literal values set, marker statements inserted, which hold no
// literal), so the second search would find the very same literals.

export interface Literals {
  strings: Collection<any>;
  templates: Collection<any>;
}

export function literalsOnce(ctx: JsContext): () => Literals {
  let found: Literals | undefined;
  return () => {
    if (!found) {
      const [strings, templates] = findEach(ctx.root, [ctx.j.StringLiteral, ctx.j.TemplateLiteral]);
      found = { strings, templates };
    }
    return found;
  };
}

import { describe, expect, it } from "vitest";
import { keepSemicolonStyle } from "../../transforms/shared/print/semicolons.js";

// recast ends the statements it prints with `;`: a semicolon-free file loses them again.

describe("keepSemicolonStyle", () => {
  const source = `import a from "a"\nconst x = a()\nif (x) go(x)\n`;

  it("drops the `;` recast wrote on new lines, whatever the statement", () => {
    const printed = `import { b } from "b";\nconst x = b();\nif (x) throw new Error(x.error);\n`;
    expect(keepSemicolonStyle(source, printed)).toBe(`import { b } from "b"\nconst x = b()\nif (x) throw new Error(x.error)\n`);
  });

  it("keeps it where the next line would otherwise continue the statement", () => {
    const printed = `const x = b();\n[x].forEach(go)\nconst y = c();\n// note\n(y)()\n`;
    expect(keepSemicolonStyle(source, printed)).toBe(printed);
  });

  it("leaves files written with semicolons, and lines kept from the original", () => {
    const withSemicolons = `const x = a();\nif (x) go(x);\n`;
    expect(keepSemicolonStyle(withSemicolons, `const x = b();\n`)).toBe(`const x = b();\n`);
    expect(keepSemicolonStyle(`for (;;) x()\nconst s = "a;"\n`, `const s = "a;"\n`)).toBe(`const s = "a;"\n`);
  });
});

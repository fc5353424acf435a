// Realistic Python, JSON and Markdown files for the synthetic corpora.

import type { Rng } from "./prng.js";
import { PY_IMPORTS, adjective, kebab, noun, pascal, sentence, snake, verb } from "./vocabulary.js";

function pyDataclass(rng: Rng): string {
  const fields = new Set<string>();
  for (let i = rng.int(2, 8); i > 0; i--) {
    fields.add(`    ${snake(adjective(rng), noun(rng))}: ${rng.pick(["str", "int", "float", "bool", "Optional[str] = None", "list[str] = field(default_factory=list)"])}`);
  }
  // Fields with defaults must come last in a dataclass.
  const sorted = [...fields].sort((a, b) => Number(a.includes("=")) - Number(b.includes("=")));
  return `@dataclass\nclass ${pascal(noun(rng))}:\n    """${sentence(rng)}"""\n\n    id: str\n${sorted.join("\n")}\n`;
}

function pyFunction(rng: Rng): string {
  const item = noun(rng);
  const body = [
    `    ${snake(adjective(rng), item)}s = [entry for entry in ${item}s if entry.get("${adjective(rng)}")]`,
    `    total = sum(entry.get("${noun(rng)}_count", 0) for entry in ${item}s)`,
    `    if not ${item}s:\n        raise ValueError("no ${item}s given")`,
    `    logger.debug("%s ${item}s", len(${item}s))`,
    `    for entry in ${item}s:\n        entry["${noun(rng)}"] = entry.get("${noun(rng)}") or "${adjective(rng)}"`,
  ];
  const lines = body.filter(() => rng.chance(0.6));
  return `def ${snake(verb(rng), item)}s(${item}s: list[dict[str, Any]], limit: int = ${rng.int(10, 500)}) -> dict[str, Any]:\n    """${sentence(rng)}"""\n${lines.join("\n")}\n    return {"count": len(${item}s[:limit]), "${adjective(rng)}": True}\n`;
}

function pyClient(rng: Rng): string {
  const item = noun(rng);
  const lib = rng.pick(["requests", "httpx"]);
  return `class ${pascal(item)}Client:
    """${sentence(rng)}"""

    def __init__(self, base_url: str = os.environ.get("${item.toUpperCase()}_API_URL", "https://${item}.example.com"), timeout: float = ${rng.int(2, 30)}.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def get_${item}(self, ${item}_id: str) -> dict[str, Any]:
        response = ${lib}.get(f"{self.base_url}/${item}s/{${item}_id}", timeout=self.timeout)
        response.raise_for_status()
        return response.json()

    def list_${item}s(self, page: int = 1) -> list[dict[str, Any]]:
        response = ${lib}.get(f"{self.base_url}/${item}s", params={"page": page}, timeout=self.timeout)
        response.raise_for_status()
        return response.json()["items"]
`;
}

function pyAsync(rng: Rng): string {
  const item = noun(rng);
  return `async def ${snake("sync", item)}s(ids: list[str]) -> None:
    # ${sentence(rng)}
    async with httpx.AsyncClient(timeout=${rng.int(5, 60)}) as client:
        for chunk_start in range(0, len(ids), ${rng.pick([10, 25, 50])}):
            chunk = ids[chunk_start:chunk_start + ${rng.pick([10, 25, 50])}]
            await asyncio.gather(*(client.post("/${item}s/sync", json={"id": i}) for i in chunk))
`;
}

/** One top-level Python construct: a function, dataclass or client class. */
export function pythonUnit(rng: Rng): string {
  const kinds: ReadonlyArray<readonly [() => string, number]> = [
    [() => pyDataclass(rng), 2], [() => pyFunction(rng), 4], [() => pyClient(rng), 2], [() => pyAsync(rng), 1],
  ];
  return rng.weighted(kinds)();
}

export function pythonSource(rng: Rng, units: number): string {
  const imports = [...new Set(["import logging", rng.pick(PY_IMPORTS), rng.pick(PY_IMPORTS), rng.pick(PY_IMPORTS), "from typing import Any, Optional", "from dataclasses import dataclass, field", "import os", "import asyncio", "import httpx", "import requests"])];
  const parts = [`"""${sentence(rng)}"""\n\n${imports.join("\n")}\n\nlogger = logging.getLogger(__name__)\n\n`];
  for (let i = 0; i < units; i++) parts.push(pythonUnit(rng), "\n\n");
  return parts.join("").trimEnd() + "\n";
}

export function packageJson(rng: Rng, name: string): string {
  const deps: Record<string, string> = {};
  for (const dep of ["zod", "date-fns", "axios", "react", "react-dom", "lodash-es", "uuid", "pino", "express", "@tanstack/react-query"]) {
    if (rng.chance(0.4)) deps[dep] = `^${rng.int(1, 18)}.${rng.int(0, 20)}.${rng.int(0, 9)}`;
  }
  return JSON.stringify({
    name, version: `${rng.int(0, 3)}.${rng.int(0, 30)}.${rng.int(0, 9)}`, private: true, type: "module",
    main: "dist/index.js", scripts: { build: "tsc -p tsconfig.json", test: "vitest run", lint: "eslint src" },
    dependencies: deps, devDependencies: { typescript: "^5.9.3", vitest: "^4.1.0" },
  }, null, 2) + "\n";
}

export function dataJson(rng: Rng, units: number): string {
  if (rng.chance(0.3)) {
    return JSON.stringify({ extends: "../../tsconfig.base.json", compilerOptions: { outDir: "dist", rootDir: "src", strict: true }, include: ["src"] }, null, 2) + "\n";
  }
  const messages: Record<string, string> = {};
  for (let i = units * 12; i > 0; i--) messages[`${noun(rng)}.${verb(rng)}.${adjective(rng)}`] = sentence(rng);
  return JSON.stringify(messages, null, 2) + "\n";
}

export function markdown(rng: Rng, units: number): string {
  const item = noun(rng);
  const sections = [`# ${pascal(item)} ${rng.pick(["service", "package", "module", "tools"])}\n\n${sentence(rng)} ${sentence(rng)}\n`];
  sections.push(`## Install\n\n\`\`\`sh\nnpm install @acme/${kebab(item, noun(rng))}\n\`\`\`\n`);
  for (let i = 0; i < units; i++) {
    sections.push(`## ${pascal(verb(rng))} ${noun(rng)}s\n\n${sentence(rng)} ${sentence(rng)} ${sentence(rng)}\n\n- ${sentence(rng)}\n- ${sentence(rng)}\n\n\`\`\`ts\nconst ${item} = await ${verb(rng)}${pascal(item)}("${rng.int(100, 999)}");\n\`\`\`\n`);
  }
  return sections.join("\n");
}

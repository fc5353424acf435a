import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { BUNDLES, bundlePath, type Bundle } from "../core/bundles.js";

// `node dist/src/build/bundle.js`, the build's second half (after tsc): bundles each module of
// BUNDLES that tsc wrote into one CommonJS file beside it (why: core/bundles.ts). Packages stay
// outside (`require`d, as the modules import them); only this project's modules go in.

const SRC = new URL("../", import.meta.url);

/** Modules a plug-in bundle must not copy: their state is the runner's (see Bundle.kind). */
const SHARED_WITH_RUNNER = [/\/src\/core\/code-cache\.js$/];

async function bundle({ module, kind }: Bundle): Promise<void> {
  const entry = fileURLToPath(new URL(module, SRC));
  const { metafile } = await build({
    entryPoints: [entry],
    outfile: bundlePath(entry),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    packages: "external",
    // The modules use `import.meta.url` only to resolve packages: the bundle's own URL does as well.
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    metafile: true,
    logLevel: "warning",
  });
  const copied = Object.keys(metafile.inputs).filter((input) => SHARED_WITH_RUNNER.some((pattern) => pattern.test(input)));
  if (kind === "plugin" && copied.length > 0) throw new Error(`the bundle of ${module} would hold its own copy of ${copied.join(", ")}`);
}

await Promise.all(BUNDLES.map(bundle));

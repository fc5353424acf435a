import { build } from "esbuild";
import { BUNDLED_PLUGINS, pluginFiles, type BundledPlugin } from "../languages/bundles.js";

// `node dist/src/build/bundle.js`, the build's second half (after tsc): bundles each plug-in
// module tsc wrote into one CommonJS file beside it (why: languages/bundles.ts). Packages stay
// outside (`require`d, as the modules import them); only this project's modules go in.

/**
 * Modules whose state the runner shares with the plug-ins: a bundle would hold a second copy.
 * (The code cache's list of scripts to save: the runner saves it, after the plug-ins ran.)
 */
const MUST_STAY_OUTSIDE = [/\/src\/core\/code-cache\.js$/];

async function bundlePlugin(name: BundledPlugin): Promise<void> {
  const { module, bundle } = pluginFiles(name);
  const { metafile } = await build({
    entryPoints: [module],
    outfile: bundle,
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
  const shared = Object.keys(metafile.inputs).filter((input) => MUST_STAY_OUTSIDE.some((pattern) => pattern.test(input)));
  if (shared.length > 0) throw new Error(`${name}'s bundle would hold its own copy of ${shared.join(", ")}`);
}

await Promise.all(BUNDLED_PLUGINS.map(bundlePlugin));

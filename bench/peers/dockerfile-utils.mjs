// Runs dockerfile-utils' validator (the code behind `dockerfile-utils lint`) over every Dockerfile
// under a folder (or in an @LIST file) in one process, the way an editor or a batch run would; prints
// the diagnostic count.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { filesUnder } from './files.mjs';

const require = createRequire(process.env.PEERS_PREFIX + '/node_modules/');
const { validate } = require('dockerfile-utils');
const files = filesUnder(process.argv[2], (p) => /^(dockerfile|containerfile)(\..*)?$/i.test(basename(p)));
let diagnostics = 0;
for (const file of files) {
  diagnostics += validate(readFileSync(file, 'utf8')).length;
}
console.log(`${files.length} Dockerfiles, ${diagnostics} diagnostics`);

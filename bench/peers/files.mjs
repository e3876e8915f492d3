// The files a peer driver reads: `@LIST` names a file with one path a line (taken as they are),
// anything else a folder whose files matching the test are listed, sorted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir, test) {
  if (dir.startsWith('@')) {
    return readFileSync(dir.slice(1), 'utf8').split('\n').filter((line) => line !== '');
  }
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter(test)
    .sort();
}

// Lists the files under a folder whose path matches a test, sorted, for the peer drivers.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir, test) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter(test)
    .sort();
}

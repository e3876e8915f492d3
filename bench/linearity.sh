#!/usr/bin/env bash
# Linearity benchmark: for every rule's input shape in bench/linearity-shapes.yaml, lints n and 8n
# instances with that rule alone and prints the times and their ratio (close to 8 means linear).
# Fails when a rule has no shape. Arguments go to dev.vlint.bench.Linearity:
#   bench/linearity.sh [--rule VL101]... [--scale K]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
echo "linearity: building the bench module with Maven ..." >&2
MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" mvn -B -q -Pbench -pl linter,rules,bench -am -DskipTests \
    -Dstyle.color=never package >&2
exec java -Dvlint.root="$here" -Xss8m -cp bench/target/benchmarks.jar dev.vlint.bench.Linearity "$@"

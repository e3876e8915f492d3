#!/usr/bin/env bash
# Tests the release archive that `mvn package` leaves in cli/target: checksum, layout, and runs of
# the unpacked launcher moved to another folder, with an empty environment (no JDK on PATH, no
# JAVA_HOME), on copies of fixtures outside the checkout, checking output and exit codes.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/cli/target"

archives=("$target"/vlint-*-linux-*.tar.gz)
if [ ! -f "${archives[0]}" ] || [ "${#archives[@]}" -ne 1 ]; then
  echo "release-test: expected one cli/target/vlint-*-linux-*.tar.gz (run mvn -B package first), found: ${archives[*]}" >&2
  exit 1
fi
archive="${archives[0]}"
name="$(basename "$archive")"
folder="${name%-linux-*}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
# expect NAME CODE PATTERN COMMAND...: COMMAND must exit with CODE and print (stdout and stderr)
# something matching the extended regex PATTERN.
expect() {
  local name="$1" want="$2" pattern="$3" out code=0
  shift 3
  out="$("$@" 2>&1)" || code=$?
  if [ "$code" -eq "$want" ] && grep -Eq -- "$pattern" <<<"$out"; then
    echo "ok: $name"
    passed=$((passed + 1))
  else
    echo "FAILED: $name (wanted exit $want, got $code; output should match /$pattern/)"
    sed 's/^/    | /' <<<"$out" | head -40
    failed=$((failed + 1))
  fi
}

expect "the checksum file matches the archive" 0 ": OK$" bash -c 'cd "$1" && sha256sum -c "$2.sha256"' _ "$target" "$name"

mkdir -p "$tmp/unpacked" "$tmp/moved"
tar -C "$tmp/unpacked" -xzf "$archive"
expect "the archive holds only $folder/" 0 "^$folder\$" bash -c 'tar -tzf "$1" | cut -d/ -f1 | sort -u' _ "$archive"
# Moved after unpacking: nothing may depend on the folder it was built or unpacked in.
mv "$tmp/unpacked/$folder" "$tmp/moved/$folder"
home="$tmp/moved/$folder"
expect "it has bin/vlint, lib/vlint.jar, a runtime and a start-up archive" 0 "^ok\$" bash -c \
  '[ -x "$1/bin/vlint" ] && [ -f "$1/lib/vlint.jar" ] && [ -x "$1/runtime/bin/java" ] \
   && { [ -f "$1/lib/vlint.aot" ] || [ -f "$1/lib/vlint.jsa" ]; } && echo ok' _ "$home"
# jlink keeps what jdeps finds (and what those modules require), less java.desktop; no jdk.* tools.
expect "the runtime has java.base and no desktop, compiler or other tool modules" 0 "^java\.base\$" \
  bash -c '"$1/runtime/bin/java" --list-modules | sed "s/@.*//" | grep -E "^(java\.base|java\.desktop|jdk\..*)\$"' _ "$home"

# The scrubbed environment: PATH holds readlink (for the symbolic link case) and shellcheck (which
# vlint runs when it is there), no java.
mkdir -p "$tmp/path"
ln -s "$(command -v readlink)" "$tmp/path/readlink"
command -v shellcheck >/dev/null || { echo "release-test: shellcheck must be on PATH" >&2; exit 2; }
ln -s "$(command -v shellcheck)" "$tmp/path/shellcheck"
ln -s "$home/bin/vlint" "$tmp/path/vlint"
scrubbed=(env -i "PATH=$tmp/path" "HOME=$tmp")
in_dir() { local dir="$1"; shift; (cd "$dir" && "$@"); }
expect "no java is reachable in the scrubbed environment" 127 "" "${scrubbed[@]}" java -version

cp -r "$root/fixtures/seeds/003-vllm-cpu-wheels/before" "$tmp/project"
expect "it lints a project with findings: exit 1 and the findings" 1 '^pyproject\.toml:7:18: error\[VL302\]' \
  in_dir "$tmp/project" "${scrubbed[@]}" "$home/bin/vlint" .
expect "it ends with the summary line" 1 '^Checked 4 files in [0-9.]+s: 1 error, 1 warning, [0-9]+ notes' \
  in_dir "$tmp/project" "${scrubbed[@]}" "$home/bin/vlint" .
expect "it writes SARIF to a file and exits 0 with --fail-on none" 0 '^$' \
  in_dir "$tmp/project" "${scrubbed[@]}" "$home/bin/vlint" --format sarif --fail-on none --output out.sarif .
expect "the SARIF file was written" 0 '"ruleId" *: *"VL302"' cat "$tmp/project/out.sarif"
mkdir -p "$tmp/clean"
printf '%s\n' 'FROM ubuntu:24.04' 'RUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6 \' \
  '    && rm -rf /var/lib/apt/lists/*' >"$tmp/clean/Dockerfile"
expect "it passes a clean Dockerfile: exit 0" 0 "Checked 1 file in .*0 errors, 0 warnings, 0 notes" \
  "${scrubbed[@]}" "$home/bin/vlint" "$tmp/clean/Dockerfile"
expect "it runs through a symbolic link on PATH" 0 "^vlint [0-9]" "${scrubbed[@]}" vlint --version
expect "a usage error exits 2" 2 "unknown rule id" "${scrubbed[@]}" "$home/bin/vlint" --select VL999 "$tmp/clean"
if [ -f "$home/lib/vlint.aot" ]; then
  # -XX:AOTMode=on turns an unusable cache into an error instead of a slow start.
  expect "the ahead-of-time cache loads in the moved folder" 0 "^vlint [0-9]" \
    "${scrubbed[@]}" JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$home/bin/vlint" --version
fi

# bin/fetch-release and the GitHub Action's release step, against a file:// copy of a GitHub release.
version="${folder#vlint-}"
releases="$tmp/releases/OWNER/vlint/releases/download/v$version"
mkdir -p "$releases"
cp "$archive" "$archive.sha256" "$releases/"
export VLINT_RELEASE_BASE_URL="file://$tmp/releases"
expect "fetch-release downloads, checks and unpacks the archive" 0 "^$tmp/fetched/$folder/bin/vlint\$" \
  "$root/bin/fetch-release" OWNER/vlint "$version" "$tmp/fetched"
expect "the fetched launcher runs" 0 "^vlint $version\$" "$tmp/fetched/$folder/bin/vlint" --version
expect "fetch-release exits 1 when there is no such release" 1 "no release archive at" \
  "$root/bin/fetch-release" OWNER/vlint 0.0.0 "$tmp/none"
# The action's step, run as the runner would: the action checked out at _actions/OWNER/vlint/REF.
action_step() { # REF: runs the release step of action.yml with the action at that ref; prints its outputs
  local path="$tmp/runner/_actions/OWNER/vlint/$1"
  rm -rf "$tmp/runner" && mkdir -p "$path/bin" && cp "$root/pom.xml" "$path/" && cp "$root/bin/fetch-release" "$path/bin/"
  python3 -c 'import sys, yaml; print(next(s["run"] for s in yaml.safe_load(open(sys.argv[1]))["runs"]["steps"] if s.get("id") == "release"))' \
    "$root/action.yml" >"$tmp/step.sh"
  : >"$tmp/outputs"
  GITHUB_ACTION_PATH="$path" RUNNER_TEMP="$tmp/runner/temp" GITHUB_OUTPUT="$tmp/outputs" bash -e "$tmp/step.sh" >&2 \
    && cat "$tmp/outputs"
}
expect "the action uses the release archive of its tag v$version" 0 "^launcher=$tmp/runner/temp/vlint-release/$folder/bin/vlint\$" \
  action_step "v$version"
expect "the action builds from source at a branch" 0 "^launcher=\$" action_step main
corrupt="$tmp/releases/OWNER/vlint/releases/download/v0.0.1"
mkdir -p "$corrupt"
cp "$archive" "$corrupt/vlint-0.0.1-${name#"$folder"-}"
printf '%064d  %s\n' 0 "vlint-0.0.1-${name#"$folder"-}" >"$corrupt/vlint-0.0.1-${name#"$folder"-}.sha256"
expect "fetch-release exits 2 when the archive does not match its checksum" 2 "does not match" \
  "$root/bin/fetch-release" OWNER/vlint 0.0.1 "$tmp/corrupt"

echo "release: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Integration test of .pre-commit-hooks.yaml with the real pre-commit.
#
# The hooks are tried from a snapshot of this work tree (tracked and untracked, not ignored
# files, committed in a temporary repository), so uncommitted changes are what gets tested.
# Throw-away repositories install the hooks and commit known-bad and clean files; a bad commit
# must be blocked and a clean one must go through. The first hook run clones the snapshot into
# a shared pre-commit cache and builds the jar there with Maven, exactly as on a user's machine.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v pre-commit >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "pre-commit-test: installing Debian's pre-commit"
    apt-get install -y -q pre-commit >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q pre-commit >/dev/null 2>&1; }
  fi
  if ! command -v pre-commit >/dev/null; then
    echo "pre-commit-test: SKIPPED: pre-commit is not installed and cannot be installed here (needs root and apt-get)"
    echo "pre-commit: 0 passed, 0 failed, 1 skipped"
    exit 0
  fi
fi
echo "pre-commit-test: $(pre-commit --version)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache"
export GIT_AUTHOR_NAME=vlint-test GIT_AUTHOR_EMAIL=vlint-test@example.invalid
export GIT_COMMITTER_NAME=vlint-test GIT_COMMITTER_EMAIL=vlint-test@example.invalid
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

# The release for the vlint-system hook, built once and its launcher put on PATH as `vlint`; the
# vlint hook builds its own copy in the cache.
"$root/bin/vlint" --version >/dev/null || { echo "pre-commit-test: vlint does not build" >&2; exit 1; }
version="$(grep -m1 "<version>" "$root/pom.xml" | sed "s|.*<version>\(.*\)</version>.*|\1|")"
release="$root/cli/target/vlint-$version"
[ -x "$release/bin/vlint" ] || { echo "pre-commit-test: no release folder $release" >&2; exit 1; }
mkdir -p "$tmp/path"
ln -s "$release/bin/vlint" "$tmp/path/vlint"
# No Docker engine here: a fake `docker` logs its arguments and, for `docker run ... IMAGE ARGS`,
# does what the vlint image does (ENTRYPOINT: the release launcher) in the folder mounted at /src.
cat >"$tmp/path/docker" <<EOF
#!/usr/bin/env bash
echo "\$*" >>"$tmp/docker.log"
[ "\$1" = run ] || { echo '[]'; exit 0; }
shift
src=""
while [ \$# -gt 0 ]; do
  case "\$1" in
    --rm | -i | -t) shift ;;
    -v) case "\$2" in *:/src:*) src="\${2%%:/src:*}" ;; esac; shift 2 ;;
    -u | -e | --workdir) shift 2 ;;
    -*) echo "fake docker: unexpected option \$1" >&2; exit 125 ;;
    *) break ;;
  esac
done
[ "\$1" = "vlint:$version" ] || { echo "fake docker: no such image \$1" >&2; exit 125; }
shift
cd "\$src" && exec "$release/bin/vlint" "\$@"
EOF
chmod +x "$tmp/path/docker"
export PATH="$tmp/path:$PATH"

hooks="$tmp/hooks"
mkdir -p "$hooks"
(cd "$root" && git ls-files -z --cached --others --exclude-standard) |
  while IFS= read -r -d '' file; do
    if [ -f "$root/$file" ]; then
      mkdir -p "$hooks/$(dirname "$file")" && cp -p "$root/$file" "$hooks/$file"
    fi
  done
git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -q -m snapshot
rev="$(git -C "$hooks" rev-parse HEAD)"

clean_dockerfile='FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10.6 \
    && rm -rf /var/lib/apt/lists/*
COPY <<EOF /etc/motd
welcome
EOF
CMD ["bash"]
'
broken_dockerfile='FROM alpine
RUN <<EOF
echo the heredoc never ends
'
workflow='name: build
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: docker build .
'

# new_repo NAME HOOK-YAML: a git repository under $tmp with the hooks installed.
new_repo() {
  local dir="$tmp/$1"
  git init -q -b main "$dir"
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n%s\n' "$hooks" "$rev" "$2" >"$dir/.pre-commit-config.yaml"
  (cd "$dir" && pre-commit install && git add .pre-commit-config.yaml && git commit -q -m config) >/dev/null 2>&1
  echo "$dir"
}

# write DIR FILE TEXT
write() { mkdir -p "$(dirname "$1/$2")" && printf '%s' "$3" >"$1/$2"; }

passed=0
failed=0
# expect NAME pass|block PATTERN COMMAND...: runs COMMAND; it must succeed (pass) or fail
# (block), and its output must match the extended regex PATTERN.
expect() {
  local name="$1" want="$2" pattern="$3" out code=0
  shift 3
  out="$("$@" 2>&1)" || code=$?
  last_output="$out"
  local got=pass
  [ "$code" -eq 0 ] || got=block
  if [ "$got" = "$want" ] && grep -Eq -- "$pattern" <<<"$out"; then
    echo "ok: $name"
    passed=$((passed + 1))
  else
    echo "FAILED: $name (wanted $want, got $got with exit $code, output should match /$pattern/)"
    sed 's/^/    | /' <<<"$out"
    failed=$((failed + 1))
  fi
}

commit() { git -C "$1" add -A && git -C "$1" commit -q -m "$2"; }

vlint_hook='      - id: vlint'
# verbose: pre-commit shows the output of a passing hook too, so the first run's build can be checked.
repo="$(new_repo staged "$vlint_hook"$'\n        verbose: true')"
write "$repo" Dockerfile "$clean_dockerfile"
write "$repo" .github/workflows/build.yml "$workflow"
write "$repo" scripts/build.sh $'#!/bin/sh\nset -e\necho building\n'
expect "vlint passes a clean commit (builds the jar on first use, saying so in one line)" pass \
  '^vlint: building cli/target/vlint.jar and the release with Maven .*about a minute' commit "$repo" clean
if grep -q $'\033' <<<"$last_output"; then
  echo "FAILED: the first run printed terminal escape codes into pre-commit's output"
  sed -n l <<<"$last_output" | grep -F '\033' | head -3 | sed 's/^/    | /'
  failed=$((failed + 1))
else
  echo "ok: the first run's output has no terminal escape codes"
  passed=$((passed + 1))
fi
expect "the hook's build left the release folder whose launcher bin/vlint runs" pass "/cli/target/vlint-$version/bin/vlint\$" \
  bash -c 'ls -d "$1"/repo*/cli/target/vlint-"$2"/bin/vlint' _ "$PRE_COMMIT_HOME" "$version"
head="$(git -C "$repo" rev-parse HEAD)"
write "$repo" docker/cuda.Dockerfile "$broken_dockerfile"
expect "vlint blocks a Dockerfile with an unterminated heredoc" block 'docker/cuda\.Dockerfile:[0-9]+:[0-9]+: .*VL001' \
  commit "$repo" broken
expect "the blocked commit was not made" pass "^$head\$" git -C "$repo" rev-parse HEAD
git -C "$repo" rm -q --cached docker/cuda.Dockerfile && rm "$repo/docker/cuda.Dockerfile"
write "$repo" README.md $'# notes\n'
expect "vlint skips files it does not lint" pass '^vlint\.+\(no files to check\)Skipped' commit "$repo" readme

repo="$(new_repo system '      - id: vlint-system')"
write "$repo" Containerfile "$broken_dockerfile"
expect "vlint-system blocks a broken Containerfile" block 'Containerfile:[0-9]+:[0-9]+: .*VL001' commit "$repo" broken
write "$repo" Containerfile "$clean_dockerfile"
expect "vlint-system passes the fixed Containerfile" pass '^vlint \(vlint on PATH\)\.+Passed' commit "$repo" fixed

# The docker_image hook, through the fake docker above: pre-commit's own `docker run` line must
# reach an image that lints the files it is given in /src.
repo="$(new_repo docker '      - id: vlint-docker')"
write "$repo" Containerfile "$broken_dockerfile"
expect "vlint-docker blocks a broken Containerfile" block 'Containerfile:[0-9]+:[0-9]+: .*VL001' commit "$repo" broken
expect "vlint-docker ran docker run with the repository at /src and the image vlint:$version" pass \
  "^run --rm -u [0-9]+:[0-9]+ -v $repo:/src:rw,Z --workdir /src vlint:$version Containerfile\$" cat "$tmp/docker.log"
write "$repo" Containerfile "$clean_dockerfile"
expect "vlint-docker passes the fixed Containerfile" pass '^vlint \(docker image\)\.+Passed' commit "$repo" fixed
expect "the image the hook names is the one the Dockerfile builds (vlint:$version)" pass "^ARG VLINT_VERSION=$version\$" \
  grep -x "ARG VLINT_VERSION=$version" "$root/Dockerfile"

# The whole-repository variant from docs/pre-commit.md: files committed earlier are linted too.
repo="$(new_repo whole $'      - id: vlint\n        pass_filenames: false\n        always_run: true')"
write "$repo" Dockerfile "$broken_dockerfile"
git -C "$repo" add -A && git -C "$repo" commit -q --no-verify -m "broken, hook bypassed"
write "$repo" README.md $'# notes\n'
expect "whole-repository mode blocks a commit while any file is broken" block '^Dockerfile:[0-9]+:[0-9]+: .*VL001' \
  commit "$repo" readme

stale_suppression=$'FROM python:3.12-slim\n# vlint: ignore[VL001] this file parses fine now\nRUN pip install torch\n'
repo="$(new_repo args "$vlint_hook")"
write "$repo" Dockerfile "$stale_suppression"
expect "vlint blocks a warning by default (VL002)" block '^Dockerfile:[0-9]+:[0-9]+: .*VL002' commit "$repo" stale
repo="$(new_repo args2 $'      - id: vlint\n        args: [--fail-on, error, --ignore, VL002]')"
write "$repo" Dockerfile "$stale_suppression"
expect "hook args from docs/pre-commit.md reach vlint" pass '^vlint\.+Passed' commit "$repo" stale

# The entry for shell scripts without an extension, from docs/pre-commit.md.
repo="$(new_repo scripts $'      - id: vlint\n        name: vlint (scripts without extension)\n        files: \'\'\n        types_or: [shell]\n        exclude: \'\\.(sh|bash)$\'')"
write "$repo" bin/build $'#!/bin/bash\nif [ -d build ]; then\n  echo building\n'
chmod +x "$repo/bin/build"
expect "shebang-only scripts are linted by the extra entry" block '^bin/build:[0-9]+:[0-9]+: .*VL001' commit "$repo" script

# pre-commit try-repo, as in docs/pre-commit.md (its own cache: the jar is built once more).
repo="$tmp/try"
git init -q -b main "$repo"
write "$repo" Dockerfile "$broken_dockerfile"
write "$repo" requirements.txt $'torch==2.7.0\n'
git -C "$repo" add -A
expect "try-repo blocks the broken Dockerfile" block 'Dockerfile:[0-9]+:[0-9]+: .*VL001' \
  bash -c 'cd "$1" && pre-commit try-repo "$2" vlint --ref "$3" --all-files' _ "$repo" "$hooks" "$rev"

echo "pre-commit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

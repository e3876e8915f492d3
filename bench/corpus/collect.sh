#!/usr/bin/env bash
# Collects the real-world corpus: for every repository in repos.tsv, the build-related files of
# its pinned commit, checked out of a snapshot brought by the `fetch` tool, into an ignored folder
# (one git work tree per repository, so that .gitignore and relative paths behave as in a clone).
#
# Usage: bench/corpus/collect.sh [MIRROR_DIR] [OUT_DIR]
#   MIRROR_DIR  folder of snapshots named owner+name/repo (default: /work/.mirror)
#   OUT_DIR     where the repositories go (default: bench/corpus/repos, ignored by git)
#
# Kept: everything that may define or drive a build (Dockerfiles under any name, workflows and
# actions, scripts, Python packaging, bake and compose files, StartOS sources, CMake files,
# ignore files), i.e. every file except sources, docs, data and anything of 512 KiB or more.
# Files are never committed; repos.tsv (repository, commit) is the only record.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mirror="${1:-/work/.mirror}"
out="${2:-$here/repos}"
mkdir -p "$out"

# Extensions of files that never define a build. Kept on purpose: .sh and extension-less files
# (scripts with a shebang, Dockerfile_amd), .yml/.yaml, .toml, .cfg, .txt (requirements), .hcl,
# .cmake, .ts (StartOS, filtered to startos/ below), .in (Dockerfile.in templates).
skip='\.(py[ciw]?|pyi|ipynb|md|rst|adoc|html?|css|scss|js|mjs|cjs|jsx|tsx|json|jsonl|c|cc|cpp|cxx|cu|cuh|h|hh|hpp|hxx|inl|go|rs|java|kt|scala|swift|m|mm|proto|thrift|fbs|png|jpe?g|gif|svg|ico|webp|bmp|pdf|mp[34]|wav|flac|ogg|ttf|otf|woff2?|eot|zip|gz|tgz|bz2|xz|zst|tar|7z|whl|egg|so|a|o|dll|dylib|bin|pt|pth|onnx|safetensors|gguf|npy|npz|pkl|h5|csv|tsv|parquet|arrow|lock|sum|mod|patch|diff|ipynb|bib|tex|log|svg|dot|pbtxt|prototxt|plan|engine|ll|s|asm|ptx|cubin|fatbin|wasm|vue|svelte|lua|rb|pl|php|r|jl|dart|ex|exs|erl|hs|ml|clj|groovy|gradle|sbt|bzl|bazel|star|ini|xml|j2)$'
count=0
tail -n +2 "$here/repos.tsv" | while IFS=$'\t' read -r repo commit; do
  git_dir="$mirror/${repo/\//+}/repo"
  dest="$out/${repo/\//+}"
  if [ ! -d "$git_dir" ]; then
    echo "collect: $repo: no snapshot in $mirror (fetch it first)" >&2
    continue
  fi
  if [ "$(cat "$dest/.git/vlint-collected" 2>/dev/null)" = "$commit" ]; then
    continue
  fi
  rm -rf "$dest"
  mkdir -p "$dest"
  index="$(mktemp)"
  GIT_INDEX_FILE="$index" git --git-dir="$git_dir" read-tree "$commit"
  # path list: blobs under 512 KiB (and symlinks) that the snapshot holds, build-related by name
  git --git-dir="$git_dir" ls-tree -r -l "$commit" \
    | awk -F'\t' '{ split($1, m, " "); if (m[2] == "blob" && (m[1] == "120000" || m[4] + 0 < 524288)) print m[3] "\t" $2 }' \
    | grep -viE "$skip" | awk -F'\t' '$2 !~ /\.ts$/ || $2 ~ /(^|\/)startos\//' > "$index.list" || true
  cut -f1 "$index.list" | git --git-dir="$git_dir" cat-file --batch-check='%(objectname)' 2>/dev/null \
    | paste - "$index.list" | awk -F'\t' '$1 !~ / missing$/ { print $3 }' \
    | GIT_INDEX_FILE="$index" git --git-dir="$git_dir" --work-tree="$dest" checkout-index --stdin
  rm -f "$index.list"
  rm -f "$index"
  git -C "$dest" init -q
  # a clone's remote: rules that need the repository's own name (VL707) read it from origin
  git -C "$dest" remote add origin "https://github.com/$repo.git"
  echo "$commit" > "$dest/.git/vlint-collected"
  echo "collect: $repo at ${commit:0:10}: $(find "$dest" -type f -not -path '*/.git/*' | wc -l) files" >&2
done

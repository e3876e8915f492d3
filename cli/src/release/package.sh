#!/usr/bin/env bash
# Builds the self-contained release archive from the shaded jar; run by Maven in the package phase
# (cli/pom.xml). Leaves, in TARGET:
#   vlint-VERSION/                          the unpacked release (bin/vlint runs it)
#   vlint-VERSION-linux-ARCH.tar.gz         that folder as an archive, ARCH = x64 or aarch64 (this machine's)
#   vlint-VERSION-linux-ARCH.tar.gz.sha256  its checksum, for `sha256sum -c`
# The folder holds bin/vlint (a POSIX sh launcher), lib/vlint.jar, and runtime/, a Java runtime
# made by jlink with only the modules jdeps finds in the jar. A training run over TRAINING (the
# fixtures) records, with a runtime from JDK 24 or newer, an ahead-of-time cache (lib/vlint.aot,
# -XX:AOTCache), and otherwise a dynamic class-data-sharing archive (lib/vlint.jsa).
#
# Usage: package.sh VERSION TARGET TRAINING BUILD_JDK [RUNTIME_JDK]
#   BUILD_JDK    the JDK running Maven (${java.home})
#   RUNTIME_JDK  the JDK to take the runtime from (-Dvlint.runtime.jdk); empty: the newest JDK 24+
#                in BUILD_JDK or /usr/lib/jvm, else BUILD_JDK
set -euo pipefail
version="$1" target="$(cd "$2" && pwd -P)" training="$3" build_jdk="$4" runtime_jdk="${5:-}"

case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) echo "package: no release for $(uname -m)" >&2; exit 1 ;;
esac
name="vlint-$version"
image="$target/$name"
archive="$name-linux-$arch.tar.gz"

feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }

# A JDK can link a runtime when it has jmods, or (JDK 24+, JEP 493) when its own image is linkable;
# jlink says which, so the candidates are tried in order.
candidates=()
if [ -n "$runtime_jdk" ]; then
  candidates=("$runtime_jdk")
else
  newest="" newest_feature=23
  for jdk in "$build_jdk" /usr/lib/jvm/*; do
    f="$(feature "$jdk")"
    if [ -n "$f" ] && [ -x "$jdk/bin/jlink" ] && [ "$f" -gt "$newest_feature" ]; then
      newest="$jdk" newest_feature="$f"
    fi
  done
  [ -z "$newest" ] || candidates+=("$newest")
  candidates+=("$build_jdk")
fi

# Tuned for short runs on few cores: C1 only with one compiler thread (leaves the cores to vlint's
# own threads), the serial collector (least start-up work), no hsperfdata file.
# The JVM logs its warnings (e.g. an AOT cache entry it cannot link) to stdout, where they would
# corrupt JSON and SARIF output: only errors are logged, and to stderr.
jvm_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData
  -Xlog:disable -Xlog:all=error:stderr)

rm -rf "$image" "$target/$archive" "$target/$archive.sha256"
linked=""
for jdk in "${candidates[@]}"; do
  [ -d "$jdk" ] || { echo "package: no JDK at $jdk" >&2; continue; }
  jdk="$(cd "$jdk" && pwd -P)"
  f="$(feature "$jdk")"
  [ -n "$f" ] && [ "$f" -ge 17 ] || { echo "package: $jdk is not a JDK 17 or newer" >&2; continue; }
  # java.desktop (26 MB) is left out: only jackson-databind and snakeyaml name it (java.beans), both
  # as optional (`requires static` in their module-info), for bean introspection vlint never uses.
  modules="$("$jdk/bin/jdeps" --multi-release "$f" --ignore-missing-deps --print-module-deps "$target/vlint.jar" \
    | tr , '\n' | grep -vx java.desktop | paste -sd, -)"
  # JDK 24+ gets an AOT cache, which holds the JDK's classes too; older ones need the default CDS archive.
  cds=(); [ "$f" -ge 24 ] || cds=(--generate-cds-archive)
  if "$jdk/bin/jlink" --add-modules "$modules" --output "$image/runtime" --strip-debug --no-header-files \
      --no-man-pages "${cds[@]}" >"$target/jlink.log" 2>&1; then
    linked="$jdk"
    break
  fi
  echo "package: jlink of $jdk failed ($(head -1 "$target/jlink.log")); trying the next JDK" >&2
  rm -rf "$image"
done
[ -n "$linked" ] || { echo "package: no JDK here can link a runtime" >&2; exit 1; }
runtime_feature="$(feature "$linked")"

mkdir -p "$image/bin" "$image/lib"
cp "$target/vlint.jar" "$image/lib/vlint.jar"
# The compiled knowledge base, also beside the jar: read from there (-Dvlint.kb), a run whose classes
# all come from the start-up cache never opens the jar's index (KnowledgeBase.FOLDER_PROPERTY).
mkdir -p "$image/lib/kb"
(cd "$image/lib/kb" && "$build_jdk/bin/jar" xf "$target/vlint.jar" dev/vlint/kb/ && mv dev/vlint/kb/*.kb . && rm -r dev)
if [ "$runtime_feature" -ge 24 ]; then
  cache=lib/vlint.aot kind="ahead-of-time cache"
  record=(-XX:AOTCacheOutput="$image/$cache")
  use='-XX:AOTCache="$home/'"$cache"'"'
  check=(-XX:AOTMode=on -XX:AOTCache="$image/$cache")
else
  # JDK 17's archive records the jar's absolute path: it is used where it was made (bin/vlint of a
  # checkout) and silently ignored (-Xshare:auto) once the folder moves.
  cache=lib/vlint.jsa kind="class-data-sharing archive"
  record=(-XX:ArchiveClassesAtExit="$image/$cache")
  use='-XX:SharedArchiveFile="$home/'"$cache"'" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off'
  check=(-Xshare:on -XX:SharedArchiveFile="$image/$cache")
fi

cat >"$image/bin/vlint" <<EOF
#!/bin/sh
# vlint $version: runs vlint on the Java runtime shipped beside it, with the $kind
# recorded when this release was built. Needs no JDK, JAVA_HOME or other command.
self=\$0
while [ -h "\$self" ]; do # a symbolic link, e.g. /usr/local/bin/vlint: find the real launcher
  link=\$(readlink "\$self")
  case \$link in
    /*) self=\$link ;;
    *) self=\${self%/*}/\$link ;;
  esac
done
case \$self in
  */*) bin=\${self%/*} ;;
  *) bin=. ;;
esac
# The real path: a class-data-sharing archive (JDK 17-23) only matches the exact jar path it recorded.
home=\$(cd "\$bin/.." && pwd -P)
exec "\$home/runtime/bin/java" ${jvm_flags[*]} $use -Dvlint.kb="\$home/lib/kb" -cp "\$home/lib/vlint.jar" dev.vlint.cli.Main "\$@"
EOF
chmod 755 "$image/bin/vlint"

# The training run: every fixture, text report (the common case) and all rules.
"$image/runtime/bin/java" "${jvm_flags[@]}" "${record[@]}" -Dvlint.kb="$image/lib/kb" -cp "$image/lib/vlint.jar" dev.vlint.cli.Main \
  --fail-on none --no-color "$training" >/dev/null 2>"$target/training.log" \
  || { echo "package: the training run failed:" >&2; tail -20 "$target/training.log" >&2; exit 1; }
# The cache must load with the launcher's flags, or the release would start slowly without a word.
"$image/runtime/bin/java" "${jvm_flags[@]}" "${check[@]}" -cp "$image/lib/vlint.jar" dev.vlint.cli.Main --version \
  >/dev/null || { echo "package: $cache does not load" >&2; exit 1; }
got="$("$image/bin/vlint" --version)"
[ "$got" = "vlint $version" ] || { echo "package: bin/vlint --version printed '$got'" >&2; exit 1; }

tar -C "$target" --owner=0 --group=0 --numeric-owner --sort=name -czf "$target/$archive" "$name"
(cd "$target" && sha256sum "$archive" >"$archive.sha256")
echo "package: $target/$archive ($(du -h "$target/$archive" | cut -f1); runtime from $linked, modules $modules, $cache)"

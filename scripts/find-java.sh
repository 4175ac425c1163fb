#!/usr/bin/env bash
# Prints the path of a java 21+ executable: $JAVA_HOME's, the one on PATH, or the newest under /usr/lib/jvm.
set -uo pipefail
major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${d}bin/java"); done
for c in "${candidates[@]}"; do
  if [ -x "$c" ] && [ "$(major "$c")" -ge 21 ] 2>/dev/null; then echo "$c"; exit 0; fi
done
echo "No Java 21 or newer found (set JAVA_HOME or install openjdk-21-jdk-headless)" >&2
exit 1

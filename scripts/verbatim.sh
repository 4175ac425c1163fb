#!/usr/bin/env bash
# Operator commands on a Verbatim installation (same settings as scripts/start.sh: VERBATIM_DATA_DIR,
# VERBATIM_DB_URL, ...). See docs/operations.md.
#
#   scripts/verbatim.sh restore <backup directory> [--force]
#       Replace the platform database with a backup. Stop Verbatim first. The backup is restored into a new
#       database and checked table by table; only then is the current database renamed aside and replaced.
set -euo pipefail
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
command=$1; shift
case "$command" in
  restore)
    [ $# -ge 1 ] || usage
    backup=$(realpath "$1"); shift
    cd "$(dirname "$0")/.."
    ls target/verbatim-*.jar >/dev/null 2>&1 || ./mvnw -B -q -DskipTests package
    JAVA=$(scripts/find-java.sh)
    exec "$JAVA" --enable-native-access=ALL-UNNAMED -jar target/verbatim-*.jar restore "$backup" "$@"
    ;;
  *) usage ;;
esac

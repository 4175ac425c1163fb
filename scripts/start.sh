#!/usr/bin/env bash
# Starts Verbatim on its embedded defaults: PostgreSQL, blob store, job workers and speech engine all
# in-process, data under ${VERBATIM_DATA_DIR:-./data}. The first start creates the demo tenants and
# processes the bundled demo conversations. Open http://localhost:${VERBATIM_PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
VERBATIM_SKIP_BROWSER=1 scripts/prerequisites.sh
./mvnw -B -q -DskipTests package
JAVA=$(scripts/find-java.sh)
# jdk.incubator.vector: Lucene computes vector distances with SIMD (Ask indexing and search).
exec "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar target/verbatim-*.jar "$@"

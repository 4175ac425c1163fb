#!/usr/bin/env bash
# Runs a benchmark from src/test/java/io/verbatim/bench (never part of the test suite).
#   scripts/bench.sh ingest [uploads] [clients]    ingest accept rate and latency, idle vs transcribing
#   scripts/bench.sh wer                           word error rate per engine on the test speech and calls
#   scripts/bench.sh speech                        transcription throughput vs the pocketsphinx_continuous CLI
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAVA=$(scripts/find-java.sh)
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
case "${1:-}" in
  ingest) shift; exec "$JAVA" --enable-native-access=ALL-UNNAMED -Dverbatim.testdata=../shared/testdata -cp "$CP" io.verbatim.bench.IngestLoadBenchmark "$@" ;;
  wer) shift; exec "$JAVA" --enable-native-access=ALL-UNNAMED -Dverbatim.testdata=../shared/testdata -cp "$CP" io.verbatim.speech.eval.WerEvaluation "$@" ;;
  speech) shift; exec "$JAVA" --enable-native-access=ALL-UNNAMED -Dverbatim.testdata=../shared/testdata -cp "$CP" io.verbatim.speech.eval.ThroughputComparison "$@" ;;
  *) echo "usage: scripts/bench.sh ingest|wer|speech [args]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Runs a benchmark from src/test/java/io/verbatim/bench (never part of the test suite).
#   scripts/bench.sh ingest [uploads] [clients]    ingest accept rate and latency, idle vs transcribing
#   scripts/bench.sh wer [--no-cli] [--threads N]  word error rate on the test speech and calls, and throughput
#                                                  against the pocketsphinx_continuous CLI on the same files
#   scripts/bench.sh ask [--conversations N] [--embed-all]  Ask retrieval quality (hit-rate@5, MRR: BM25, vectors,
#                                                  hybrid), indexing throughput vs the embedding model, p95 latency
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAVA=$(scripts/find-java.sh)
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
case "${1:-}" in
  ingest) shift; exec "$JAVA" --enable-native-access=ALL-UNNAMED -Dverbatim.testdata=../shared/testdata -cp "$CP" io.verbatim.bench.IngestLoadBenchmark "$@" ;;
  wer) shift; exec "$JAVA" --enable-native-access=ALL-UNNAMED -Dverbatim.testdata=../shared/testdata -cp "$CP" io.verbatim.speech.eval.WerEvaluation "$@" ;;
  ask) shift; exec "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dverbatim.testdata=../shared/testdata \
         -cp "$CP" io.verbatim.ask.internal.RetrievalEvaluation "$@" ;;
  *) echo "usage: scripts/bench.sh ingest|wer|ask [args]" >&2; exit 2 ;;
esac

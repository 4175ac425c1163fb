#!/usr/bin/env bash
# Runs a benchmark from src/test/java/io/verbatim/bench (never part of the test suite).
#   scripts/bench.sh ingest [uploads] [clients]    ingest accept rate and latency, idle vs transcribing
#   scripts/bench.sh webhooks [deliveries] [senders]  webhook redelivery storm: exact conversations, accept rate, p99
#   scripts/bench.sh call-reports [reports] [senders]  voice-agent call-report storm (Vapi + Retell, 30% repeats):
#                                                  every distinct call once, acknowledgement p99 (target <= 200 ms)
#   scripts/bench.sh wer [--no-cli] [--threads N]  word error rate on the test speech and calls, and throughput
#                                                  against the pocketsphinx_continuous CLI on the same files; tenant models
#                                                  leave-one-out ([--weights a,b] [--no-adapt] [--no-scripted] [--warm]
#                                                  [--fresh: a new tenant's model, base + phrases + vocabulary, no transcripts])
#   scripts/bench.sh lm-build [transcripts] [turns]  domain language-model build time and peak memory (10,000 x 40 turns)
#   scripts/bench.sh enrichment [--verbose]        PII precision/recall per type, sentiment accuracy, throughput
#   scripts/bench.sh pii [--no-metadata] [--errors] FOLDER...   PII precision/recall/F1 per type on any folder in the
#                                                  calls layout, for the tuning part, the held-out part and all
#   scripts/bench.sh analysis [--verbose]          QA item accuracy, objection/action F1, outcome accuracy
#   scripts/bench.sh train-analyst [--write] [folder...]  trains the analyst's sentiment, trend and objection classifiers
#   scripts/bench.sh train-roles [--write] TRAIN [OTHER...]  the mono-audio role check (which side speaks like the agent), leave-one-writer-out
#                                    (cross-validated), --write stores them in src/main/resources/analysis/models
#   scripts/bench.sh judgments [folder...] [--verbose]  in-process: sentiment, booking, QA, objections per folder,
#                                                  held-out part (SHA-1 of the id starts 0-3) vs tuned part;
#                                                  --caseless reads each transcript as a speech engine writes it,
#                                                  --no-agent-name withholds the agent's name from the metadata
#   scripts/bench.sh evaluate <folder> [--out report.json] [--taxonomy-from-labels] [--holdout] [--clients N]
#                                                  imports a labelled folder through the API of a fresh platform and
#                                                  scores the analyst: per-field accuracy, confusion, P/R/F1, held-out part
#   scripts/bench.sh recordings [folder] [suffix] [--verbose]  the analysis of recognised recordings vs typed transcripts
#   scripts/bench.sh analysis-throughput [threads seconds]   analyses/s vs the embedding model alone
#   scripts/bench.sh call-reasons [folder... --verbose]  call-reason accuracy with each folder's own keys as the tenant
#                                                  taxonomy (tuned / held-out / all, confusions); default: Harper Valley
#                                                  (human and ASR) and MultiDoGO
#   scripts/bench.sh call-reasons-tuning          the cross-validated grid that chose the classifier's defaults
#   scripts/bench.sh ask [--conversations N] [--embed-all] [--models minilm,static]  Ask retrieval quality (hit-rate@5, MRR: BM25, vectors,
#                                                  hybrid), indexing throughput vs the embedding model, p95 latency
#   scripts/bench.sh retrieval [--pages 100000] [--calls 10000] [--model minilm|static] [--seconds 60] [--interval-ms 100] [--skip-search|--skip-lag] [--index-dir DIR]
#                                                  the retrieval engine: search p95 over 100,000 document pages + 10,000
#                                                  calls in one tenant with that embedding model (default: the engine's); with
#                                                  minilm also the path before, alternating, same run; --index-dir builds the
#                                                  index once and reuses it (one model per DIR); replica lag p95 between two nodes on one database
#   scripts/bench.sh insights [--generate-only|--skip-generate] [--data-dir DIR] [--n 200] [--clients 4]
#                                                  loads 1,000,000 synthetic analysed conversations into bench-main and
#                                                  10 x 100,000 into bench-01..10 (once; DIR defaults to /work/bench-insights),
#                                                  with 400,000 contact cards, 300,000 appointments, leads and missed calls,
#                                                  then p50/p95 of the dashboards' and the explorer's page data;
#                                                  --sales: only the sales and CSR metrics endpoints (issue 13, p95 <= 150 ms);
#                                                  --lean: no transcripts nor QA item rows (those endpoints read neither)
#   scripts/bench.sh documents [documents rounds [static]]  document processing (extract, chunk, embed: MiniLM and static) vs Tika/PDFBox
#                                                  parsing alone on the same generated PDF/DOCX/Markdown, same run; with
#                                                  "static": only the static model, now against its path before session 13
#   scripts/bench.sh fusion-cv [--models minilm,static]  the hybrid fusion (RRF k, vector weight) chosen by 5-fold cross-validation
#   scripts/bench.sh refusal-floor [--models minilm,static | --static-ranking-minilm-gate]  each model's similarity floor (answerable vs unanswerable questions), chosen by cross-validation
#                                                  over the tuning document questions and the calls questions; held-out reported once
#   scripts/bench.sh document-quality [--passage-chars N] [--models minilm,static] [--min-similarity X] [--verbose]
#                                                  hit@1/hit@5/MRR of document retrieval, per embedding model, on nine
#                                                  public licence texts, 53 questions with known answer passages (tuning / held-out)
#   scripts/bench.sh contacts intake [uploads] [clients]  accept p99 with contact linking vs without, same run
#   scripts/bench.sh contacts lookup [contacts] [lookups]  contact lookup by phone p50/p95/p99 at 1,000,000 cards
#   scripts/bench.sh shopping tus [--size-mb 1024] [--chunk-mb 64] [--checksum false] [--jdk-client false] [--resume false]  tus upload (sha1 Upload-Checksum per PATCH unless --checksum false) vs a streamed copy (fsync per chunk) on the same
#                                                  disk, heap peak and retained (server in a 512 MiB heap), resumed sha256
#   scripts/bench.sh shopping dashboard [--evaluations 100000] [--requests 300]  GET /api/v1/dashboard p50/p95/p99 at
#                                                  100,000 bulk-generated evaluations in one company (/work/bench-shopping)
#   scripts/bench.sh embedding-paths [passages rounds]  MiniLM: tokenization alone, ONNX run alone (1 and 2 callers) and
#                                                  embedAll, the engine's path against LangChain4j's, same passages, same JVM
#   scripts/bench.sh distill-static [out]          distils the static embedding model from all-MiniLM-L6-v2 (Model2Vec
#                                                  method) into src/main/resources/ask/static-minilm-l6-v2-256.bin.gz
#   scripts/bench.sh flags [evaluations]           ns per feature-flag evaluation, cached vs uncached (database each
#                                                  time) in the same run, and FeatureFlags.enabled as modules call it
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
JAVA=$(scripts/find-java.sh)
# An argument file rather than a long command line: onnxruntime 1.29 crashes the JVM when the command line exceeds ~4 KB.
ARGS=target/bench.args
printf -- '-cp "target/test-classes:target/classes:%s"\n--enable-native-access=ALL-UNNAMED\n-Dverbatim.testdata=../shared/testdata\n' "$(cat target/bench.classpath)" > "$ARGS"
case "${1:-}" in
  ingest) shift; exec "$JAVA" @"$ARGS" io.verbatim.bench.IngestLoadBenchmark "$@" ;;
  webhooks) shift; exec "$JAVA" @"$ARGS" io.verbatim.bench.WebhookStormBenchmark "$@" ;;
  call-reports) shift; exec "$JAVA" @"$ARGS" io.verbatim.bench.CallReportStormBenchmark "$@" ;;
  wer) shift; exec "$JAVA" @"$ARGS" io.verbatim.speech.eval.WerEvaluation "$@" ;;
  lm-build) shift; exec "$JAVA" @"$ARGS" io.verbatim.adaptation.eval.LmBuildBenchmark "$@" ;;
  enrichment) shift; exec "$JAVA" @"$ARGS" io.verbatim.enrichment.eval.EnrichmentEvaluation "$@" ;;
  pii) shift; exec "$JAVA" @"$ARGS" io.verbatim.enrichment.eval.PiiEvaluation "$@" ;;
  analysis) shift; exec "$JAVA" @"$ARGS" io.verbatim.analysis.eval.AnalysisEvaluation ../shared/testdata "$@" ;;
  judgments) shift; [ $# -gt 0 ] || set -- ../shared/testdata/calls src/test/resources/evaluation/written ../shared/testdata/external/sgd_booking
    exec "$JAVA" @"$ARGS" io.verbatim.analysis.eval.JudgmentEvaluation "$@" ;;
  train-roles) shift; exec "$JAVA" @"$ARGS" io.verbatim.analysis.eval.RoleTraining "$@" ;;
  train-analyst) shift; [ $# -gt 0 ] || set -- --write src/test/resources/evaluation/train
    exec "$JAVA" @"$ARGS" io.verbatim.analysis.eval.TrainAnalyst "$@" ;;
  recordings) shift; exec "$JAVA" @"$ARGS" io.verbatim.analysis.eval.RecordingJudgments "$@" ;;
  evaluate) shift; exec "$JAVA" @"$ARGS" io.verbatim.bench.EvaluateCommand "$@" ;;
  analysis-throughput) shift; exec "$JAVA" @"$ARGS" io.verbatim.analysis.eval.AnalysisThroughput ../shared/testdata "${@:-2 5}" ;;
  insights) shift; exec "$JAVA" -Xmx3g @"$ARGS" io.verbatim.bench.InsightsBenchmark "$@" ;;
  documents) shift; ORT_DISABLE_TELEMETRY=1 exec "$JAVA" @"$ARGS" io.verbatim.documents.internal.DocumentThroughput "$@" ;;
  shopping) shift; exec "$JAVA" -Xmx512m @"$ARGS" io.verbatim.bench.ShoppingBenchmark "$@" ;;
  embedding-paths) shift; ORT_DISABLE_TELEMETRY=1 exec "$JAVA" @"$ARGS" io.verbatim.ask.internal.EmbeddingPathBenchmark "$@" ;;
  document-quality) shift; ORT_DISABLE_TELEMETRY=1 exec "$JAVA" --add-modules jdk.incubator.vector @"$ARGS" io.verbatim.documents.internal.DocumentRetrievalEvaluation "$@" ;;
  fusion-cv) shift; ORT_DISABLE_TELEMETRY=1 exec "$JAVA" --add-modules jdk.incubator.vector @"$ARGS" io.verbatim.documents.internal.FusionCrossValidation "$@" ;;
  refusal-floor) shift; ORT_DISABLE_TELEMETRY=1 exec "$JAVA" --add-modules jdk.incubator.vector @"$ARGS" io.verbatim.documents.internal.RefusalFloorCrossValidation "$@" ;;
  distill-static) shift; ORT_DISABLE_TELEMETRY=1 exec "$JAVA" @"$ARGS" io.verbatim.ask.internal.StaticModelDistiller "$@" ;;
  flags) shift; exec "$JAVA" @"$ARGS" io.verbatim.bench.FlagsBenchmark "$@" ;;
  retrieval) shift; exec "$JAVA" --add-modules jdk.incubator.vector @"$ARGS" io.verbatim.ask.internal.RetrievalScaleBenchmark "$@" ;;
  contacts) shift; exec "$JAVA" @"$ARGS" io.verbatim.bench.ContactsBenchmark "$@" ;;
  ask) shift; exec "$JAVA" --add-modules jdk.incubator.vector @"$ARGS" io.verbatim.ask.internal.RetrievalEvaluation "$@" ;;
  call-reasons) shift
    if [ $# -eq 0 ] || [ "$1" = --verbose ]; then
      set -- ../shared/testdata/external/harper_valley ../shared/testdata/external/harper_valley_asr ../shared/testdata/external/multidogo_pii "$@"
    fi
    exec "$JAVA" @"$ARGS" io.verbatim.analysis.eval.CallReasonEvaluation "$@" ;;
  call-reasons-tuning) shift; exec "$JAVA" @"$ARGS" io.verbatim.analysis.eval.CallReasonTuning ../shared/testdata/external/harper_valley ../shared/testdata/external/harper_valley_asr ../shared/testdata/external/multidogo_pii ../shared/testdata/calls ;;
  *) echo "usage: scripts/bench.sh ingest|webhooks|call-reports|wer|lm-build|enrichment|pii|analysis|judgments|train-analyst|train-roles|recordings|evaluate|analysis-throughput|call-reasons|call-reasons-tuning|ask|insights|flags|shopping|documents|document-quality|fusion-cv|refusal-floor|embedding-paths|retrieval|contacts [args]" >&2; exit 2 ;;
esac

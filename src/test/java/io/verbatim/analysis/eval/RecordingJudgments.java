package io.verbatim.analysis.eval;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.enrichment.Enricher;
import io.verbatim.enrichment.Enrichment;
import io.verbatim.enrichment.EnrichmentOptions;
import io.verbatim.evaluation.HeldOut;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.internal.EnergyVad;
import io.verbatim.speech.pocketsphinx.PocketSphinxEngine;
import io.verbatim.speech.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import io.verbatim.adaptation.lm.EspeakNg;
import io.verbatim.speech.eval.TenantAdaptations;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyst on recognised speech, in-process: each labelled call that has a {@code <id><suffix>}
 * recording is transcribed by the embedded engine (cached under {@code target/recognised/}, so
 * re-runs only re-analyse), analysed, and scored against its labels next to the same call's typed
 * transcript. The product's end-to-end figure is {@code scripts/bench.sh evaluate <folder> --media <suffix>};
 * this is the quick loop for working on recognised text.
 *
 * <p>Usage: {@code RecordingJudgments <calls folder> [suffix=.stereo.wav] [--adapted W] [--verbose]}. With {@code --adapted W}
 * each call is decoded with its leave-one-out tenant model at interpolation weight W (the shipped base text, the other
 * calls' transcripts and the vocabulary its business would enter: see {@code TenantAdaptations}); cached as
 * {@code <id><suffix>.w<W>.json} ({@code scripts/bench.sh wer} leaves its decodes there too).
 */
public final class RecordingJudgments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SpeechProperties.Pocketsphinx MODEL = new SpeechProperties.Pocketsphinx("libpocketsphinx.so.3",
            "libsphinxbase.so.3", Path.of("/usr/share/pocketsphinx/model/en-us/en-us"),
            Path.of("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"),
            Path.of("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"), "en", "");

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/testdata/calls");
        String suffix = args.length > 1 && !args[1].startsWith("--") ? args[1] : ".stereo.wav";
        boolean verbose = List.of(args).contains("--verbose");
        List<String> a = List.of(args);
        Double weight = a.contains("--adapted") ? Double.valueOf(a.get(a.indexOf("--adapted") + 1)) : null;
        TenantAdaptations adaptations = weight == null ? null : new TenantAdaptations(folder, MODEL.dictionary(),
                EspeakNg.find(Path.of("/usr/bin/espeak-ng")));
        Path cache = Path.of("target/recognised");
        Files.createDirectories(cache);
        Enricher enricher = new Enricher();
        Analyst analyst = new Analyst();
        int[] text = new int[2];
        int[] audio = new int[2];
        int[] sentimentText = new int[2];
        int[] sentimentAudio = new int[2];
        int[] bookingText = new int[2];
        int[] bookingAudio = new int[2];
        List<String> notes = new ArrayList<>();
        try (PocketSphinxEngine engine = new PocketSphinxEngine(MODEL, 2, new EnergyVad())) {
            for (EvalCall call : EvalCall.load(folder)) {
                Path media = folder.resolve(call.id() + suffix);
                if (!Files.exists(media)) {
                    continue;
                }
                Path cached = cache.resolve(call.id() + suffix + (weight == null ? "" : ".w" + weight) + ".json");
                Transcript recognised;
                if (Files.exists(cached)) {
                    recognised = JSON.readValue(cached.toFile(), Transcript.class);
                } else {
                    SpeechRequest request = SpeechRequest.language("en-US");
                    if (weight != null) {
                        request = request.withAdaptation(adaptations.forCall(call.id(), weight));
                    }
                    recognised = engine.transcribe(TestAudio.wav(media, Double.MAX_VALUE), request);
                    JSON.writeValue(cached.toFile(), recognised);
                }
                Judged typed = judge(enricher, analyst, call, call.transcript());
                Judged heard = judge(enricher, analyst, call, recognised);
                for (String key : AnalysisEvaluation.QA_KEYS) {
                    var g = call.labels().path("qa").get(key);
                    if (g == null) {
                        continue;
                    }
                    String gold = g.isNull() ? null : String.valueOf(g.booleanValue());
                    count(text, gold, typed.qa(key));
                    count(audio, gold, heard.qa(key));
                    if (!Objects.equals(gold, heard.qa(key))) {
                        notes.add(String.format(Locale.ROOT, "%s%-10s qa.%-26s gold=%-6s text=%-6s audio=%s", HeldOut.contains(call.id()) ? "*" : " ",
                                call.id(), key, gold, typed.qa(key), heard.qa(key)));
                    }
                }
                String goldSentiment = call.labels().path("customer_sentiment").asString(null);
                count(sentimentText, goldSentiment, typed.sentiment());
                count(sentimentAudio, goldSentiment, heard.sentiment());
                if (call.labels().has("booking_status")) {
                    String goldBooking = call.labels().path("booking_status").asString(null);
                    count(bookingText, goldBooking, typed.booking());
                    count(bookingAudio, goldBooking, heard.booking());
                }
            }
        }
        System.out.printf(Locale.ROOT, "recordings %s in %s, %s%n", suffix, folder,
                weight == null ? "general model" : "leave-one-out tenant model at weight " + weight);
        System.out.printf(Locale.ROOT, "%-20s %-16s %-16s%n", "field", "transcripts", "recordings");
        row("QA items", text, audio);
        row("customer sentiment", sentimentText, sentimentAudio);
        row("booking status", bookingText, bookingAudio);
        if (verbose) {
            notes.forEach(System.out::println);
        }
    }

    record Judged(AnalysisResult result, String sentiment) {
        String qa(String key) {
            ItemResult item = result.scorecard() == null ? null : result.scorecard().item(key);
            return item == null || item.result() == ItemStatus.NOT_APPLICABLE ? null : String.valueOf(item.result() == ItemStatus.MET);
        }

        String booking() {
            return result.outcomes().bookingStatus() == null ? null : result.outcomes().bookingStatus().wire();
        }
    }

    private static Judged judge(Enricher enricher, Analyst analyst, EvalCall call, Transcript t) {
        Enrichment e = enricher.enrich(t, new EnrichmentOptions(t.language(), call.attributes().agentName(), null));
        SentimentSignal s = new SentimentSignal(SentimentSignal.Polarity.valueOf(e.sentiment().customer().name()),
                SentimentSignal.Trend.valueOf(e.sentiment().trend().name().toUpperCase(Locale.ROOT)));
        return new Judged(analyst.analyse(t, call.attributes(), QaConfigs.defaults(), s), s.overall().wire());
    }

    private static void count(int[] tally, String gold, String got) {
        tally[0]++;
        tally[1] += Objects.equals(gold, got) ? 1 : 0;
    }

    private static void row(String name, int[] a, int[] b) {
        System.out.printf(Locale.ROOT, "%-20s %.3f (%d/%d)    %.3f (%d/%d)%n", name, a[1] / (double) Math.max(1, a[0]), a[1], a[0],
                b[1] / (double) Math.max(1, b[0]), b[1], b[0]);
    }
}

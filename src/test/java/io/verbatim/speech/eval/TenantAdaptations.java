package io.verbatim.speech.eval;

import io.verbatim.adaptation.lm.DomainModel;
import io.verbatim.adaptation.lm.LetterToSound;
import io.verbatim.adaptation.lm.LmText;
import io.verbatim.adaptation.lm.Pronunciations;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.ScriptedPhrases;
import io.verbatim.speech.SpeechAdaptation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leave-one-out domain models for the rendered calls: the model that decodes call X is built from the
 * shipped base text, every other English transcript in testdata/calls (never X's own) and the
 * vocabulary X's business would enter (company and agent names, nothing from X's transcript).
 */
public final class TenantAdaptations {

    /** What each business would enter as its vocabulary, and the name words whose mentions are scored. */
    record Tenant(List<DomainModel.Phrase> vocabulary, List<String> names) {
    }

    static final Map<String, Tenant> TENANTS = Map.of(
            "csr_002", new Tenant(List.of(phrase("ComfortPro Heating and Air", "comfort pro heating and air"),
                    phrase("Tyler Nguyen"), phrase("Lisa Chen")), List.of("comfortpro", "tyler")),
            "fs_003", new Tenant(List.of(phrase("BrightPath Solar", "bright path solar"), phrase("Kyle Brennan")),
                    List.of("brightpath", "kyle")),
            "ms_002", new Tenant(List.of(), List.of()),
            "sup_003", new Tenant(List.of(phrase("Harbor Federal Bank"), phrase("Priya Raman", "pria raman")),
                    List.of("harbor", "federal", "priya")),
            "va_008", new Tenant(List.of(phrase("Clearview Dermatology", "clear view dermatology"), phrase("Clara")),
                    List.of("clearview", "dermatology", "clara")));

    private final Map<String, DomainModel.Built> stats = new HashMap<>();
    private final Path calls;
    private final Pronunciations dictionary;
    private final Path dir;

    private final boolean scripted;
    private final boolean fresh;

    public TenantAdaptations(Path calls, Path cmudict, LetterToSound letterToSound) throws IOException {
        this(calls, cmudict, letterToSound, true, false);
    }

    /**
     * @param scripted whether the shipped scorecards' phrases go into each model, as the platform's builder does
     * @param fresh    a new tenant's model: the base text, the phrases and the vocabulary, no transcript of its own
     */
    public TenantAdaptations(Path calls, Path cmudict, LetterToSound letterToSound, boolean scripted, boolean fresh) throws IOException {
        this.scripted = scripted;
        this.fresh = fresh;
        this.calls = calls;
        this.dictionary = Pronunciations.load(cmudict).withLetterToSound(letterToSound);
        this.dir = Files.createTempDirectory("wer-lm-");
    }

    private static DomainModel.Phrase phrase(String text, String... soundsLike) {
        return new DomainModel.Phrase(text, List.of(soundsLike));
    }

    /**
     * The leave-one-out adaptation for call {@code id} at an interpolation weight; the model is built once per call,
     * and each weight is its own key (decoders cache searches by key).
     */
    public synchronized SpeechAdaptation forCall(String id, double weight) throws IOException {
        DomainModel.Built b = stats.get(id);
        if (b == null) {
            Tenant tenant = TENANTS.getOrDefault(id, new Tenant(List.of(), List.of()));
            b = DomainModel.build(otherTranscripts(id), tenant.vocabulary(), dictionary, dir.resolve(id + ".arpa"));
            stats.put(id, b);
        }
        return new SpeechAdaptation("bench-" + id + "-w" + weight, b.arpa(), weight, b.pronunciations());
    }

    DomainModel.Built stats(String id) {
        return stats.get(id);
    }

    /** Turns of every English transcript but {@code id}'s (its .json, .rendered.json and audio stay out). */
    private List<String> otherTranscripts(String id) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(calls)) {
            for (Path f : fresh ? List.<Path>of() : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".json") || name.endsWith(".labels.json") || name.endsWith(".rendered.json")
                        || name.startsWith(id + ".")) {
                    continue;
                }
                JsonNode doc = json.readTree(Files.readString(f));
                if (doc.path("language").asString("en-US").startsWith("en")) {
                    doc.path("turns").values().forEach(t -> out.add(t.path("text").asString("")));
                }
            }
        }
        if (scripted) {
            // the shipped scorecards' lines made of dictionary words (LanguageModelBuilder.scriptedPhrases)
            ScriptedPhrases.of(QaConfigs.defaults()).stream().filter(dictionary::knowsEvery).forEach(out::add);
        }
        return out;
    }

    /** Mentions of the call's name words in the reference, and how many of them the hypothesis has (clipped counts). */
    static int[] nameMentions(String id, String reference, String hypothesis) {
        List<String> names = TENANTS.getOrDefault(id, new Tenant(List.of(), List.of())).names();
        List<String> ref = LmText.words(reference);
        List<String> hyp = LmText.words(hypothesis);
        int mentions = 0;
        int found = 0;
        for (String n : names) {
            int r = (int) ref.stream().filter(n::equals).count();
            int h = (int) hyp.stream().filter(n::equals).count();
            mentions += r;
            found += Math.min(r, h);
        }
        return new int[] {mentions, found};
    }
}

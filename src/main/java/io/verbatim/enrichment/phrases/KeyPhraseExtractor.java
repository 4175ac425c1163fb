package io.verbatim.enrichment.phrases;

import io.verbatim.enrichment.KeyPhrase;
import io.verbatim.enrichment.PiiEntity;
import io.verbatim.speech.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Key phrases: noun-phrase chunks (adjectives and nouns ending in a noun) found with OpenNLP's English
 * tokenizer and part-of-speech model; for other languages, runs of content words between stop words.
 * Phrases are grouped by a normalised key (lower case, plural "s" dropped) and ranked by frequency,
 * length (a "water heater" says more than a "heater") and how many turns they span. Words inside PII
 * mentions never become phrases. Thread-safe (the taggers are per thread).
 */
public final class KeyPhraseExtractor {

    private static final Set<String> GENERIC = words("""
            thing things lot lots time times day days way guy guys kind sort bit something anything nothing everything
            one ones yeah yes okay ok um uh hmm mm hi bye thanks thank you sir ma'am question questions problem minute
            minutes second seconds today tomorrow morning afternoon evening week weeks month months year years people
            person everybody somebody anybody name number help call end side place stuff part idea sense point chance
            """);
    private static final Set<String> SPANISH_STOP = words("""
            a al algo algún alguna ante antes aquí así bien bueno cada como con cual cuando de del desde donde dos el él
            ella ellos en entonces era es esa ese eso esta está estoy este esto gracias ha hay la las le les lo los me
            mi mis mucho muy más nada ni no nos o okey para pero por porque pues que qué se si sí sin sobre son su sus
            también te tengo ti tiene todo tu tú un una uno unos usted va y ya yo eh ah ajá mire claro perfecto dale
            listo hoy día año años cómo cuánto señor señora don doña favor usted ustedes quería quiero puede puedo
            """);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

    private final TokenizerModel tokenizerModel;
    private final POSModel posModel;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> tagger;
    private final int limit;

    public KeyPhraseExtractor(int limit) {
        this.limit = limit;
        this.tokenizerModel = load("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
        this.posModel = load("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
        this.tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokenizerModel));
        this.tagger = ThreadLocal.withInitial(() -> new POSTaggerME(posModel));
    }

    private record Found(String phrase, String key, int turn, int words) {
    }

    public List<KeyPhrase> extract(List<Turn> turns, String language, List<PiiEntity> pii) {
        List<Found> found = new ArrayList<>();
        boolean english = language == null || language.startsWith("en");
        for (int i = 0; i < turns.size(); i++) {
            int turn = i;
            List<PiiEntity> masked = pii.stream().filter(p -> p.turn() == turn).toList();
            String text = turns.get(i).text();
            List<Found> here = english ? nounPhrases(text, i) : contentRuns(text, i);
            for (Found f : here) {
                if (masked.stream().noneMatch(p -> text.substring(p.startChar(), p.endChar()).toLowerCase(Locale.ROOT).contains(f.phrase())
                        || f.phrase().contains(text.substring(p.startChar(), p.endChar()).toLowerCase(Locale.ROOT)))) {
                    found.add(f);
                }
            }
        }
        Map<String, List<Found>> byKey = new LinkedHashMap<>();
        found.forEach(f -> byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
        List<KeyPhrase> ranked = new ArrayList<>();
        for (List<Found> group : byKey.values()) {
            Found first = group.getFirst();
            Set<Integer> inTurns = new TreeSet<>();
            group.forEach(f -> inTurns.add(f.turn()));
            double score = group.size() * (1 + 0.6 * (first.words() - 1)) * (1 + 0.1 * (inTurns.size() - 1));
            if (first.words() == 1 && group.size() < 2) {
                continue;
            }
            ranked.add(new KeyPhrase(first.phrase(), group.size(), Math.round(score * 100) / 100.0, List.copyOf(inTurns)));
        }
        ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    private List<Found> nounPhrases(String text, int turn) {
        List<Found> out = new ArrayList<>();
        Span[] spans = tokenizer.get().tokenizePos(text);
        String[] tokens = Span.spansToStrings(spans, text);
        if (tokens.length == 0) {
            return out;
        }
        String[] tags = tagger.get().tag(tokens);
        int k = 0;
        while (k < tokens.length) {
            if (!isModifier(tags[k]) && !isNoun(tags[k])) {
                k++;
                continue;
            }
            int start = k;
            while (k < tokens.length && (isModifier(tags[k]) || isNoun(tags[k])) && !tags[k].equals("PROPN")) {
                k++;
            }
            int end = k;
            while (end > start && !isNoun(tags[end - 1])) {
                end--;
            }
            while (start < end && GENERIC.contains(tokens[start].toLowerCase(Locale.ROOT)) && isModifier(tags[start])) {
                start++;
            }
            // "the water heater tomorrow": a trailing time word is not part of the thing
            while (end - start > 1 && GENERIC.contains(tokens[end - 1].toLowerCase(Locale.ROOT))) {
                end--;
            }
            if (end > start) {
                List<String> words = Arrays.asList(tokens).subList(start, end);
                String phrase = String.join(" ", words).toLowerCase(Locale.ROOT);
                boolean generic = words.size() == 1 && GENERIC.contains(phrase);
                if (!generic && phrase.chars().anyMatch(Character::isLetter) && phrase.length() > 2) {
                    out.add(new Found(phrase, key(words), turn, words.size()));
                }
            }
            if (k == start) {
                k++;
            }
        }
        return out;
    }

    private static List<Found> contentRuns(String text, int turn) {
        List<Found> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int lastEnd = 0;
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            boolean breaks = !text.substring(lastEnd, m.start()).isBlank();
            if (SPANISH_STOP.contains(w) || w.chars().allMatch(Character::isDigit) || w.length() < 3 || breaks) {
                flush(run, turn, out);
            }
            if (!SPANISH_STOP.contains(w) && w.length() >= 3 && !w.chars().allMatch(Character::isDigit)) {
                run.add(w);
            }
            lastEnd = m.end();
        }
        flush(run, turn, out);
        return out;
    }

    private static void flush(List<String> run, int turn, List<Found> out) {
        if (!run.isEmpty() && run.size() <= 3) {
            out.add(new Found(String.join(" ", run), key(run), turn, run.size()));
        }
        run.clear();
    }

    private static String key(List<String> words) {
        return words.stream().map(w -> {
            String l = w.toLowerCase(Locale.ROOT);
            return l.length() > 3 && l.endsWith("s") && !l.endsWith("ss") ? l.substring(0, l.length() - 1) : l;
        }).collect(Collectors.joining(" "));
    }

    private static boolean isNoun(String tag) {
        return tag.equals("NOUN") || tag.equals("PROPN") || tag.startsWith("NN");
    }

    private static boolean isModifier(String tag) {
        return tag.equals("ADJ") || tag.startsWith("JJ");
    }

    private interface Loader<T> {
        T load(InputStream in) throws IOException;
    }

    private static <T> T load(String resource, Loader<T> loader) {
        try (InputStream in = KeyPhraseExtractor.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
            }
            return loader.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + resource, e);
        }
    }

    private static Set<String> words(String block) {
        return Set.copyOf(Arrays.asList(block.trim().split("\\s+")));
    }
}

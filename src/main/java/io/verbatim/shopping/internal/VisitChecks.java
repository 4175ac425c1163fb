package io.verbatim.shopping.internal;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in judge of a visit's basic-quality checks and verbatims, in Spanish and English: cue phrases in the
 * agent's turns (checks) and the customer's turns (verbatims). Each result cites the turn that satisfied it with
 * its exact text and time; a check with no such turn fails with no evidence.
 */
final class VisitChecks {

    static final List<String> CHECKS = List.of("greeting", "identification", "offer", "closure", "value_added");
    private static final Map<String, List<String>> AGENT_CUES = Map.of(
            "greeting", List.of("buenos dias", "buenas tardes", "buenas noches", "bienvenid", "hola", "hello", "good morning",
                    "good afternoon", "good evening", "welcome", "hi there", "hi,", "hi!"),
            "identification", List.of("mi nombre es", "me llamo", "le atiende", "le habla", "soy el asesor", "soy la asesora",
                    "soy su asesor", "my name is", "my name's", "this is", "i'll be helping", "i will be helping"),
            "offer", List.of("le ofrezco", "le puedo ofrecer", "le recomiendo", "tenemos", "promocion", "oferta", "plan ",
                    "we have", "i recommend", "i'd recommend", "i would recommend", "offer", "promotion", "deal"),
            "closure", List.of("algo mas", "gracias por", "que tenga", "vuelva", "le esperamos", "hasta luego", "a la orden",
                    "anything else", "thank you for", "thanks for", "have a great", "have a good", "have a nice", "come back",
                    "see you"),
            "value_added", List.of("ademas", "tambien le", "de regalo", "sin costo", "gratis", "garantia", "le explico",
                    "also", "in addition", "free", "warranty", "bonus", "let me show you"));
    private static final List<String> POSITIVE = List.of("gracias", "excelente", "perfecto", "me gusta", "muy bien", "genial",
            "encanta", "thank", "great", "perfect", "love", "excellent", "awesome", "helpful");
    private static final List<String> NEGATIVE = List.of("no me gusta", "caro", "demasiado", "mal ", "problema", "esperando",
            "molest", "expensive", "too much", "problem", "bad", "waiting", "not happy", "annoy", "disappoint");
    private static final List<String> CRITICAL = List.of("cancelar", "queja", "nunca", "otra tienda", "la competencia", "me voy",
            "cancel", "complaint", "never", "another store", "competitor", "i'm leaving");

    private VisitChecks() {
    }

    record Quote(String speaker, int turn, double start, String quote) {
    }

    record Check(boolean passed, Quote evidence) {
    }

    record Verbatims(List<Quote> positive, List<Quote> negative, List<Quote> critical) {
    }

    static Map<String, Check> checks(Transcript transcript) {
        Map<String, Check> out = new LinkedHashMap<>();
        for (String check : CHECKS) {
            Quote found = first(transcript, Speaker.AGENT, AGENT_CUES.get(check));
            out.put(check, new Check(found != null, found));
        }
        return out;
    }

    static Verbatims verbatims(Transcript transcript) {
        return new Verbatims(all(transcript, POSITIVE), all(transcript, NEGATIVE), all(transcript, CRITICAL));
    }

    private static Quote first(Transcript transcript, Speaker speaker, List<String> cues) {
        List<Turn> turns = transcript.turns();
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            // Unlabelled speakers count as the agent: a visit recorded on one microphone has no roles.
            if ((t.speaker() == speaker || t.speaker() == Speaker.UNKNOWN) && matches(t.text(), cues)) {
                return quote(t, i);
            }
        }
        return null;
    }

    private static List<Quote> all(Transcript transcript, List<String> cues) {
        List<Quote> out = new ArrayList<>();
        List<Turn> turns = transcript.turns();
        for (int i = 0; i < turns.size() && out.size() < 5; i++) {
            Turn t = turns.get(i);
            if (t.speaker() == Speaker.CUSTOMER && matches(t.text(), cues)) {
                out.add(quote(t, i));
            }
        }
        return out;
    }

    private static Quote quote(Turn t, int index) {
        return new Quote(t.speaker().wire(), index, Math.max(0, t.start()), t.text().strip());
    }

    private static boolean matches(String text, List<String> cues) {
        String plain = " " + Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT) + " ";
        return cues.stream().anyMatch(plain::contains);
    }
}

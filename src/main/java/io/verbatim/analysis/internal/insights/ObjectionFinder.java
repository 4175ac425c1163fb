package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.Objection;
import io.verbatim.analysis.ObjectionCategory;
import io.verbatim.analysis.internal.text.Amounts;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Objections: customer turns that push back on buying, booking or staying, in the canonical taxonomy.
 * Rules per category (English and Spanish cue phrases and patterns, see the constants), plus two
 * price reactions: the customer echoing an amount with dismay ("Sixteen thousand? Oh my god."), and
 * a bare hesitation ("Ooh. Okay. Hmm.") right after the agent quoted a price. A deferral caused by a
 * decision-maker ("let me talk to my husband first, I don't want to book right now") is one
 * decision_maker objection, not also a timing one. Questions alone ("how much is it?") are not objections.
 */
public final class ObjectionFinder {

    private static final List<String> PRICE = List.of("too expensive", "expensive", "too much", "a lot of money",
            "that's a lot", "a lot more than", "more than i wanted", "more than i thought", "more than i expected",
            "more than i want", "can't afford", "cannot afford", "can't really afford", "out of my budget", "over my budget",
            "over budget", "not in my budget", "it's just the price", "the price is", "price is too", "too pricey",
            "cheaper", "muy caro", "caro", "mucho dinero", "no me alcanza", "fuera de mi presupuesto");
    private static final Pattern PRICE_RX = Pattern.compile(
            "\\b(don't|do not) have .{0,25}(money|grand|thousand|cash|sitting around)|\\bjust (give|tell) me (a|the) (ballpark|price|number|rough number|rough idea|quote)\\b|\\b(he|she|they|my neighbou?r|my friend|someone) (only )?(paid|pays|got (it|one) for)\\b");
    private static final Set<String> DISMAY = Set.of("oh my god", "oh my gosh", "wow", "whoa", "ooh", "oof", "yikes",
            "geez", "jeez", "hmm", "versus", "vs");
    private static final Set<String> INTERJECTIONS = Set.of("ooh", "oof", "hmm", "hmmm", "wow", "whoa", "okay", "ok",
            "oh", "yikes", "geez", "jeez", "uh", "um", "mm", "huh", "well", "so");
    private static final Set<String> HESITATION = Set.of("ooh", "oof", "hmm", "hmmm", "wow", "whoa", "yikes", "geez", "jeez");

    private static final List<String> TRUST = List.of("how do you know", "in writing", "i was told", "not thrilled",
            "last time your", "last time you", "your guy", "don't trust", "do not trust", "scam", "too good to be true",
            "sell me something", "coming to my house", "pushy", "bad reviews", "heard bad things", "sounds fishy",
            "no confio", "no me fio", "no le creo");
    private static final List<String> COMPETITOR = List.of("quote from", "another quote", "one more quote", "other quote",
            "second quote", "second opinion", "other company", "another company", "other provider", "another provider",
            "going with", "shop around", "shopping around", "other bids", "otra cotizacion", "otra compania");
    private static final Pattern COMPETITOR_RX = Pattern.compile(
            "\\b[A-Z][a-zA-Z]+(?: [A-Z][a-zA-Z]+)? (?:has|have|offers|gives|is offering|charges) [^.?!]{0,40}\\bfor\\b");
    private static final Pattern DECISION_RX = Pattern.compile(
            "\\b(talk|speak|check|ask|discuss|consult|run it by|run this by|go over)( it| this| that)?( over)?( to| with| by)? (my |the )?(husband|wife|spouse|partner|boyfriend|girlfriend|boss|family|parents|dad|mom|landlord|son-in-law|business partner)\\b"
            + "|\\b(hablar|consultar|preguntar)(lo|le)? (con|a) (mi|mis) (esposo|esposa|marido|mujer|pareja|jefe|familia|papa|mama)\\b");
    private static final List<String> TIMING = List.of("not today", "not right now", "not ready", "need some time",
            "need time", "think about it", "think it over", "sleep on it", "pensarlo", "lo voy a pensar", "maybe later",
            "next year", "not in a rush", "call me later", "wait until", "not yet", "hold off", "ahora no", "todavia no");
    private static final Pattern TIMING_RX = Pattern.compile(
            "\\b(not|n't) (\\w+ )?(signing|buying|booking|doing|deciding|committing|book|sign|buy|decide|commit)( \\w+)?( anything)? (today|right now|now|yet|tonight)\\b");
    private static final List<String> NEED = List.of("don't need it", "don't need this", "don't need that",
            "don't need one", "don't need a new", "don't need another", "don't need any", "not interested",
            "no longer need", "we're fine with", "happy with what i have", "happy with what we have", "no lo necesito",
            "no me interesa", "no necesito");
    private static final List<String> OTHER = List.of("maybe come back", "come back later", "check the requirements",
            "check with her", "check with him", "don't have my id", "don't have my license",
            "don't have the documents", "no tengo la cedula", "no traje");

    private ObjectionFinder() {
    }

    public static List<Objection> find(ConversationText text) {
        List<Objection> out = new ArrayList<>();
        List<Turn> turns = text.turns();
        for (int t = 0; t < turns.size(); t++) {
            if (turns.get(t).speaker() != Speaker.CUSTOMER) {
                continue;
            }
            Map<ObjectionCategory, Sentence> found = new EnumMap<>(ObjectionCategory.class);
            List<Sentence> sentences = text.sentencesOf(t);
            String turnWords = Normalizer.words(turns.get(t).text());
            for (Sentence s : sentences) {
                boolean question = s.questionMark() && !s.text().contains(",");
                if (!question && (Text.any(s, PRICE) || PRICE_RX.matcher(s.folded()).find()) && pricedOrLeaving(text, t)) {
                    found.putIfAbsent(ObjectionCategory.PRICE, s);
                }
                if (Text.any(s, TRUST)) {
                    found.putIfAbsent(ObjectionCategory.TRUST, s);
                }
                if (Text.any(s, COMPETITOR) || COMPETITOR_RX.matcher(s.text()).find()) {
                    found.putIfAbsent(ObjectionCategory.COMPETITOR, s);
                }
                if (DECISION_RX.matcher(s.folded()).find()) {
                    found.putIfAbsent(ObjectionCategory.DECISION_MAKER, s);
                }
                if (Text.any(s, TIMING) || TIMING_RX.matcher(s.folded()).find()) {
                    found.putIfAbsent(ObjectionCategory.TIMING, s);
                }
                if (Text.any(s, NEED)) {
                    found.putIfAbsent(ObjectionCategory.NEED, s);
                }
                if (Text.any(s, OTHER)) {
                    found.putIfAbsent(ObjectionCategory.OTHER, s);
                }
            }
            if (!found.containsKey(ObjectionCategory.PRICE) && !found.containsKey(ObjectionCategory.COMPETITOR)
                    && !sentences.isEmpty() && priceReaction(text, t, turnWords)) {
                found.put(ObjectionCategory.PRICE, sentences.get(0));
            }
            if (found.containsKey(ObjectionCategory.DECISION_MAKER)) {
                found.remove(ObjectionCategory.TIMING);
            }
            for (Map.Entry<ObjectionCategory, Sentence> e : found.entrySet()) {
                Sentence s = e.getValue();
                out.add(new Objection(e.getKey(), t, Math.round(s.start() * 10) / 10.0, s.text()));
            }
        }
        return out;
    }

    /** "Sixteen thousand? Oh my god." / "So forty-two thousand. Versus twenty-nine." / "Ooh. Okay. Hmm." after a price. */
    private static boolean priceReaction(ConversationText text, int t, String turnWords) {
        boolean agentQuotedPrice = previousAgentHasAmount(text, t);
        boolean dismay = DISMAY.stream().anyMatch(d -> Normalizer.containsPhrase(turnWords, d));
        if (dismay && bigAmount(text.turn(t).text()) && !turnWords.contains(" how much ")) {
            return true;
        }
        String[] words = turnWords.strip().split(" ");
        if (words.length == 0 || words.length > 5 || !agentQuotedPrice) {
            return false;
        }
        boolean hesitation = false;
        for (String w : words) {
            if (!INTERJECTIONS.contains(w)) {
                return false;
            }
            hesitation |= HESITATION.contains(w);
        }
        return hesitation;
    }

    private static final Pattern OFFER = Pattern.compile(
            "\\b(we can|i can|i could|i'd recommend|i recommend|we have|we offer|we do (a|an)|free|here's what|there's the|is right here|le recomiendo|tenemos|podemos|le ofrecemos)\\b");
    private static final List<String> LEAVING = List.of("cancel", "close my account", "switch", "switching", "leave",
            "cancelar", "dar de baja", "cerrar mi cuenta");

    /**
     * A cost complaint is an objection only once there is something to push back on: the agent has
     * offered or priced something, or the customer is trying to leave (cancel, close, switch). Before
     * that ("Expensive is not the word. I filled the tank twice last winter.") it is the customer's need.
     */
    private static boolean pricedOrLeaving(ConversationText text, int t) {
        for (int j = 0; j < t; j++) {
            Turn turn = text.turn(j);
            String w = Normalizer.words(turn.text());
            if (turn.speaker() == Speaker.AGENT && (bigAmount(turn.text()) || OFFER.matcher(Normalizer.fold(turn.text())).find())) {
                return true;
            }
            if (turn.speaker() == Speaker.CUSTOMER && Text.any(w, LEAVING)) {
                return true;
            }
        }
        return Text.any(Normalizer.words(text.turn(t).text()), LEAVING);
    }

    /** A money amount: with a currency, or at least a thousand ("nine thousand", "cinco mil"). */
    private static boolean bigAmount(String text) {
        String words = Normalizer.words(text);
        return Amounts.find(text).stream().anyMatch(a -> !a.percent() && (a.currency() && a.value() >= 10 || a.value() >= 1000))
                || words.contains(" mil ") || words.contains(" pesos ") || words.contains(" dollars ");
    }

    private static boolean previousAgentHasAmount(ConversationText text, int t) {
        for (int j = t - 1; j >= 0 && j >= t - 2; j--) {
            Turn prev = text.turn(j);
            if (prev.speaker() == Speaker.AGENT) {
                return bigAmount(prev.text());
            }
        }
        return false;
    }
}

package io.verbatim.shopping.internal;

import io.verbatim.analysis.LlmProvider;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two views written by the tenant's LLM, each on its own: the executive markdown (in the evaluation's language,
 * with the sections) and the operative JSON (validated against {@code evaluation-operative-v1}). Verbatims
 * and evidence must be exact text of one transcript turn: a quote that is not is dropped (a check whose evidence is
 * not is the built-in check); its turn, time and speaker are taken from the transcript, not from the model. Any
 * failure of a view (transport, invalid after a retry) keeps the built-in view for that view only.
 */
final class LlmViews {

    static final String BUILT_IN = "built_in";
    static final String LLM = "llm";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LlmAnswers.Shipped OPERATIVE = LlmAnswers.Shipped.load("shopping/evaluation-operative-v1.schema.json");
    private static final LlmAnswers.Shipped EXECUTIVE = LlmAnswers.Shipped.load("shopping/llm-executive.schema.json");
    /** The executive sections, in order (the list; rating and NPS are numbers of the answer). */
    static final List<String> SECTIONS_ES = List.of("Resumen", "Citas clave", "Temas principales", "Tono emocional", "Buenas prácticas",
            "Oportunidades de mejora", "Recomendaciones de formación", "Impacto en el negocio");
    static final List<String> SECTIONS_EN = List.of("Summary", "Key quotes", "Main topics", "Emotional tone", "Best practices",
            "Improvement opportunities", "Training recommendations", "Business impact");
    private static final Pattern QUOTED = Pattern.compile("[\"“«]([^\"”»]{3,})[\"”»]");

    private LlmViews() {
    }

    /** Which analyst wrote each view, the model, and why a view or a quote fell back. */
    record Outcome(DualAnalysis.Views views, String executiveSource, String operativeSource, Map<String, Object> llm) {
    }

    static Outcome of(LlmProvider llm, Transcript transcript, DualAnalysis.Views builtIn, String language) {
        boolean es = language == null || language.toLowerCase().startsWith("es");
        String lines = lines(transcript);
        List<Map<String, String>> fallbacks = new ArrayList<>();
        List<Map<String, Object>> dropped = new ArrayList<>();
        Map<String, Object> executive = builtIn.executive();
        String executiveSource = BUILT_IN;
        try {
            executive = executive(llm, transcript, lines, builtIn, es, dropped);
            executiveSource = LLM;
        } catch (RuntimeException e) {
            fallbacks.add(Map.of("view", "executive", "reason", reason(e)));
        }
        Map<String, Object> operative = builtIn.operative();
        String operativeSource = BUILT_IN;
        try {
            operative = operative(llm, transcript, lines, builtIn, dropped, fallbacks);
            operativeSource = LLM;
        } catch (RuntimeException e) {
            fallbacks.add(Map.of("view", "operative", "reason", reason(e)));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("provider", llm.name());
        record.put("fallbacks", fallbacks);
        record.put("dropped_quotes", dropped);
        return new Outcome(new DualAnalysis.Views(executive, operative), executiveSource, operativeSource, record);
    }

    private static Map<String, Object> executive(LlmProvider llm, Transcript transcript, String lines, DualAnalysis.Views builtIn,
                                                 boolean es, List<Map<String, Object>> dropped) {
        List<String> sections = es ? SECTIONS_ES : SECTIONS_EN;
        String system = """
                You write the executive view of a mystery-shopping visit (a shopper visited a branch and recorded it) for the \
                client company's executives. Write in %s. Be factual: use only what the transcript says.
                Answer with one JSON object only, no prose and no code fences, matching this JSON Schema:
                %s
                "rating" is the visit's quality 1-5, "nps" the shopper's inferred likelihood to recommend 0-10. "markdown" has \
                exactly these level-2 sections, in this order: %s. Under "%s" give 2 to 6 bullet points, each an exact quote \
                of one transcript turn in double quotes followed by its time (mm:ss) and the speaker. No level-1 title.""".formatted(
                es ? "Spanish" : "English", EXECUTIVE.text(), String.join(", ", sections.stream().map(s -> "## " + s).toList()),
                sections.get(1));
        String user = "Facts from the built-in analysis (indices 0-100 and checks; trust them):\n" + JSON.writeValueAsString(Map.of(
                "ioc", builtIn.operative().get("ioc"), "ird", builtIn.operative().get("ird"), "ces", builtIn.operative().get("ces"),
                "checks", builtIn.operative().get("checks"))) + "\n\nTranscript ([turn mm:ss speaker] text):\n" + lines;
        JsonNode answer = LlmAnswers.ask(llm, system, user, EXECUTIVE, node -> missingSections(node.get("markdown").asString(), sections));
        int rating = answer.get("rating").asInt();
        int nps = answer.get("nps").asInt();
        String body = keyQuotesFromTranscript(answer.get("markdown").asString().strip(), transcript, dropped);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("language", es ? "es" : "en");
        out.put("rating", rating);
        out.put("nps", nps);
        out.put("markdown", (es ? "# Resumen ejecutivo\n\n**Calificación:** " : "# Executive summary\n\n**Rating:** ") + rating + "/5 · "
                + (es ? "**NPS® inferido:** " : "**Inferred NPS®:** ") + nps + "/10\n\n" + body + "\n");
        return out;
    }

    static List<String> missingSections(String markdown, List<String> sections) {
        List<String> missing = new ArrayList<>();
        int from = 0;
        for (String s : sections) {
            int at = markdown.indexOf("## " + s, from);
            if (at < 0) {
                missing.add("$.markdown: section \"## " + s + "\" missing or out of order");
            } else {
                from = at;
            }
        }
        return missing;
    }

    /** Drops the bullet lines whose quoted text is in no transcript turn (the model's paraphrase is not a quote). */
    static String keyQuotesFromTranscript(String markdown, Transcript transcript, List<Map<String, Object>> dropped) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            Matcher m = QUOTED.matcher(line);
            if (line.stripLeading().startsWith("- ") && m.find() && turnOf(transcript, m.group(1)).isEmpty()) {
                dropped.add(Map.of("field", "executive.key_quotes", "quote", m.group(1)));
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString().strip();
    }

    private static Map<String, Object> operative(LlmProvider llm, Transcript transcript, String lines, DualAnalysis.Views builtIn,
                                                 List<Map<String, Object>> dropped, List<Map<String, String>> fallbacks) {
        String system = """
                You judge a mystery-shopping visit (a shopper visited a branch and recorded it) for the client company's \
                operations team. Be factual: use only what the transcript says.
                Answer with one JSON object only, no prose and no code fences, matching this JSON Schema:
                %s
                ioc = commercial-opportunity index, ird = churn-risk index, ces = ease (100 = effortless), each 0-100. \
                checks: did the advisor greet, identify themselves, make an offer, close, add value; "evidence" is the turn \
                that shows it. Every "quote" (evidence and verbatims) must be the exact text of one transcript turn or an exact \
                part of it, copied character for character; give its turn number and start in seconds. verbatims: what the \
                customer said that is positive, negative or critical. actions: suggested actions for the branch, in the \
                transcript's language.""".formatted(OPERATIVE.text());
        String user = "The built-in analyst's view (improve on it; keep what is right):\n" + JSON.writeValueAsString(builtIn.operative())
                + "\n\nTranscript ([turn mm:ss speaker] text):\n" + lines;
        ObjectNode answer = (ObjectNode) LlmAnswers.ask(llm, system, user, OPERATIVE, node -> List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> out = JSON.convertValue(answer, LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> builtInChecks = (Map<String, Object>) builtIn.operative().get("checks");
        Map<String, Object> checks = new LinkedHashMap<>();
        for (String name : VisitChecks.CHECKS) {
            JsonNode check = answer.get("checks").get(name);
            JsonNode evidence = check.get("evidence");
            if (evidence == null || evidence.isNull()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("passed", check.get("passed").asBoolean());
                c.put("evidence", null);
                checks.put(name, c);
                continue;
            }
            Optional<Map<String, Object>> cited = cited(transcript, evidence);
            if (cited.isPresent()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("passed", check.get("passed").asBoolean());
                c.put("evidence", cited.get());
                checks.put(name, c);
            } else {
                dropped.add(Map.of("field", "checks." + name, "quote", evidence.get("quote").asString()));
                fallbacks.add(Map.of("view", "operative", "field", "checks." + name, "reason", "evidence not in the transcript"));
                checks.put(name, builtInChecks.get(name));
            }
        }
        out.put("checks", checks);
        Map<String, Object> verbatims = new LinkedHashMap<>();
        for (String kind : List.of("positive", "negative", "critical")) {
            List<Map<String, Object>> kept = new ArrayList<>();
            for (JsonNode q : answer.get("verbatims").get(kind)) {
                cited(transcript, q).ifPresentOrElse(kept::add,
                        () -> dropped.add(Map.of("field", "verbatims." + kind, "quote", q.get("quote").asString())));
            }
            verbatims.put(kind, kept);
        }
        out.put("verbatims", verbatims);
        out.put("schema_version", "1.0");
        return out;
    }

    /** The quote as the transcript has it: its turn (the model's turn number first, else the first turn holding it). */
    private static Optional<Map<String, Object>> cited(Transcript transcript, JsonNode quote) {
        String text = quote.path("quote").asString("").strip();
        int hinted = quote.path("turn").asInt(-1);
        List<Turn> turns = transcript.turns();
        Optional<Integer> index = hinted >= 0 && hinted < turns.size() && !text.isEmpty() && turns.get(hinted).text().contains(text)
                ? Optional.of(hinted) : turnOf(transcript, text);
        return index.map(i -> {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("speaker", turns.get(i).speaker().wire());
            q.put("turn", i);
            q.put("start", Math.max(0, turns.get(i).start()));
            q.put("quote", text);
            return q;
        });
    }

    private static Optional<Integer> turnOf(Transcript transcript, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        List<Turn> turns = transcript.turns();
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).text().contains(t)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static String lines(Transcript transcript) {
        StringBuilder sb = new StringBuilder();
        List<Turn> turns = transcript.turns();
        for (int i = 0; i < turns.size() && sb.length() < 60_000; i++) {
            Turn t = turns.get(i);
            sb.append('[').append(i).append(' ').append(Text.time(Math.max(0, t.start()))).append(' ').append(t.speaker().wire())
                    .append("] ").append(t.text()).append('\n');
        }
        return sb.toString();
    }

    private static String reason(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 500 ? m.substring(0, 500) : m;
    }
}

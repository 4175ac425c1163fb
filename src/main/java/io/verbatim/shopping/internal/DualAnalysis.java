package io.verbatim.shopping.internal;

import io.verbatim.speech.Transcript;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The two views of an analysed visit, from the built-in analyst's flat call record (its commercial-opportunity,
 * churn-risk and effort indices, sentiment, summary, objections, action items), the transcript and the survey
 * score. Operative: the indices as 0-100, the five basic-quality checks and the verbatims, each citing the turn,
 * and suggested actions (docs/schemas/evaluation-operative-v1.schema.json). Executive: a markdown narrative in the
 * evaluation's language (Spanish or English).
 */
final class DualAnalysis {

    private DualAnalysis() {
    }

    record Views(Map<String, Object> executive, Map<String, Object> operative) {
    }

    static Views of(JsonNode call, Transcript transcript, BigDecimal surveyScore, String language) {
        boolean es = language == null || language.toLowerCase().startsWith("es");
        JsonNode kpis = call.path("kpis");
        int ioc = (int) Math.round(kpis.path("commercial_opportunity").asDouble(0));
        int ird = (int) Math.round(kpis.path("churn_risk").asDouble(0));
        int effort = kpis.path("customer_effort_1to5").asInt(3);
        int ces = Math.round((5 - Math.clamp(effort, 1, 5)) * 25f);
        Map<String, VisitChecks.Check> checks = VisitChecks.checks(transcript);
        VisitChecks.Verbatims verbatims = VisitChecks.verbatims(transcript);

        List<Map<String, Object>> actions = new ArrayList<>();
        checks.forEach((name, c) -> {
            if (!c.passed()) {
                actions.add(Map.of("text", Text.action(name, es), "source", "check", "owner", "manager"));
            }
        });
        for (JsonNode item : call.path("action_items")) {
            actions.add(Map.of("text", item.path("text").asString(""), "source", "conversation", "owner", item.path("owner").asString("agent")));
        }
        Map<String, Object> operative = new LinkedHashMap<>();
        operative.put("schema_version", "1.0");
        operative.put("ioc", ioc);
        operative.put("ird", ird);
        operative.put("ces", ces);
        Map<String, Object> checkMap = new LinkedHashMap<>();
        checks.forEach((name, c) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("passed", c.passed());
            v.put("evidence", c.evidence());
            checkMap.put(name, v);
        });
        operative.put("checks", checkMap);
        operative.put("verbatims", verbatims);
        operative.put("actions", actions);

        int passed = (int) checks.values().stream().filter(VisitChecks.Check::passed).count();
        int rating = surveyScore != null ? Math.clamp((int) Math.ceil(surveyScore.doubleValue() / 20), 1, 5) : Math.max(1, passed);
        String band = call.path("nps_band").isString() ? call.path("nps_band").asString() : kpis.path("nps_band").asString("");
        String sentiment = call.path("customer_sentiment").asString("neutral");
        int nps = switch (band) {
            case "promoter" -> 9;
            case "passive" -> 7;
            case "detractor" -> 4;
            default -> sentiment.equals("positive") ? 8 : sentiment.equals("negative") ? 3 : 6;
        };
        Map<String, Object> executive = new LinkedHashMap<>();
        executive.put("language", es ? "es" : "en");
        executive.put("rating", rating);
        executive.put("nps", nps);
        executive.put("markdown", markdown(es, call, checks, verbatims, rating, nps, ioc, ird, ces, sentiment));
        return new Views(executive, operative);
    }

    private static String markdown(boolean es, JsonNode call, Map<String, VisitChecks.Check> checks, VisitChecks.Verbatims v,
                                   int rating, int nps, int ioc, int ird, int ces, String sentiment) {
        StringBuilder md = new StringBuilder();
        md.append(es ? "# Resumen ejecutivo\n\n" : "# Executive summary\n\n");
        md.append(es ? "**Calificación:** " : "**Rating:** ").append(rating).append("/5 · ")
                .append(es ? "**NPS® inferido:** " : "**Inferred NPS®:** ").append(nps).append("/10\n\n");
        String summary = call.path("summary").asString("");
        md.append(es ? "## Resumen\n\n" : "## Summary\n\n").append(summary.isBlank() ? (es ? "Sin resumen." : "No summary.") : summary)
                .append("\n\n");
        md.append(es ? "## Citas clave\n\n" : "## Key quotes\n\n");
        List<VisitChecks.Quote> quotes = new ArrayList<>();
        quotes.addAll(v.critical());
        quotes.addAll(v.negative());
        quotes.addAll(v.positive());
        checks.values().stream().filter(c -> c.evidence() != null).forEach(c -> quotes.add(c.evidence()));
        quotes.stream().distinct().limit(6).forEach(q -> md.append("- \"").append(q.quote()).append("\" (")
                .append(Text.time(q.start())).append(", ").append(Text.speaker(q.speaker(), es)).append(")\n"));
        if (quotes.isEmpty()) {
            md.append(es ? "- Sin citas destacadas.\n" : "- No notable quotes.\n");
        }
        Set<String> topics = new LinkedHashSet<>();
        if (call.hasNonNull("call_reason")) {
            topics.add(call.get("call_reason").asString());
        }
        call.path("objections").forEach(o -> topics.add(Text.objection(o.path("category").asString(""), es)));
        md.append(es ? "\n## Temas principales\n\n" : "\n## Main topics\n\n");
        md.append(topics.isEmpty() ? (es ? "- Consulta general\n" : "- General enquiry\n") : "- " + String.join("\n- ", topics) + "\n");
        md.append(es ? "\n## Tono emocional\n\n" : "\n## Emotional tone\n\n").append(Text.tone(sentiment,
                call.path("sentiment_trend").asString("steady"), es)).append("\n");
        md.append(es ? "\n## Buenas prácticas\n\n" : "\n## Best practices\n\n");
        checks.forEach((name, c) -> {
            if (c.passed()) {
                md.append("- ").append(Text.check(name, es)).append("\n");
            }
        });
        md.append(es ? "\n## Oportunidades de mejora\n\n" : "\n## Improvement opportunities\n\n");
        checks.forEach((name, c) -> {
            if (!c.passed()) {
                md.append("- ").append(Text.check(name, es)).append(es ? ": no se observó\n" : ": not observed\n");
            }
        });
        md.append(es ? "\n## Recomendaciones de formación\n\n" : "\n## Training recommendations\n\n");
        checks.forEach((name, c) -> {
            if (!c.passed()) {
                md.append("- ").append(Text.action(name, es)).append("\n");
            }
        });
        if (checks.values().stream().allMatch(VisitChecks.Check::passed)) {
            md.append(es ? "- Mantener el estándar actual y compartirlo como ejemplo.\n" : "- Keep the current standard and share it as an example.\n");
        }
        md.append(es ? "\n## Impacto en el negocio\n\n" : "\n## Business impact\n\n");
        md.append(es ? "Oportunidad comercial (IOC) " + ioc + "/100, riesgo de deserción (IRD) " + ird + "/100, facilidad (CES) " + ces + "/100."
                : "Commercial opportunity (IOC) " + ioc + "/100, churn risk (IRD) " + ird + "/100, ease (CES) " + ces + "/100.").append("\n");
        return md.toString();
    }
}

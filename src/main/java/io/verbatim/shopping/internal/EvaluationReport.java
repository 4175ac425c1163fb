package io.verbatim.shopping.internal;

import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.campaigns.Zone;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.surveys.Surveys;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/evaluations/{id}/report.pdf}: one evaluation as a PDF report in the caller's language (as the
 * pages: {@code ?lang=}, cookie, browser, company): answers with the survey's question texts, score, recordings and,
 * for those who may read it (never shoppers), the executive and operative views. Whoever may see the evaluation may
 * download it; others get 404 as for the evaluation.
 */
@RestController
class EvaluationReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final ShopperEvaluations evaluations;
    private final EvaluationAnalyses analyses;
    private final Campaigns campaigns;
    private final Surveys surveys;
    private final MessageSource messages;

    EvaluationReport(ShopperEvaluations evaluations, EvaluationAnalyses analyses, Campaigns campaigns, Surveys surveys,
                     MessageSource messages) {
        this.evaluations = evaluations;
        this.analyses = analyses;
        this.campaigns = campaigns;
        this.surveys = surveys;
        this.messages = messages;
    }

    @GetMapping("/api/v1/evaluations/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable UUID id, Locale locale) throws IOException {
        ShopperEvaluation e = evaluations.visible(id);
        Function<String, String> t = key -> messages.getMessage(key, null, key, locale);
        String campaign = campaigns.find(e.campaignId()).map(Campaign::name).orElse("");
        Map<String, String> titles = surveys.version(e.surveyId(), e.surveyVersion())
                .map(v -> SurveyForm.of(v.definition(), locale).fields().stream()
                        .collect(Collectors.toMap(SurveyForm.Field::name, SurveyForm.Field::title, (a, b) -> a)))
                .orElse(Map.of());
        byte[] pdf;
        try (PdfText doc = new PdfText(t.apply("shop.report.title") + " " + id)) {
            doc.heading(t.apply("shop.report.title") + " · " + campaign);
            doc.field(t.apply("shop.col.campaign"), campaign)
                    .field(t.apply("shop.col.zone"), campaigns.zone(e.zoneId()).map(Zone::name).orElse(""))
                    .field(t.apply("shop.col.date"), WHEN.format(e.createdAt()))
                    .field(t.apply("shop.visit.checkIn"), e.checkInAt() == null ? null : WHEN.format(e.checkInAt()))
                    .field(t.apply("shop.col.status"), t.apply("shop.status." + e.status()))
                    .field(t.apply("shop.col.score"), e.score() == null ? null : e.score() + " / 100")
                    .field(t.apply("shop.col.passed"), e.passed() == null ? null : t.apply(e.passed() ? "shop.yes" : "shop.no"));
            if (e.criticalFailed()) {
                doc.line(t.apply("shop.evaluation.critical"));
            }
            doc.subheading(t.apply("shop.evaluation.answers"));
            e.answers().properties().forEach(a -> doc.field(titles.getOrDefault(a.getKey(), a.getKey()), answer(a.getValue())));
            doc.subheading(t.apply("shop.upload.title"));
            if (e.uploads().isEmpty()) {
                doc.line(t.apply("shop.upload.none"));
            }
            e.uploads().forEach(u -> doc.line(u.filename() + " · " + u.length() + " bytes"
                    + (u.sha256() == null ? "" : " · sha256 " + u.sha256())));
            // Shoppers never see the AI analysis (as in the API and the page).
            Optional<Map<String, Object>> analysis = CurrentUser.require().role() == Role.AGENT ? Optional.empty() : analyses.find(id);
            analysis.ifPresent(a -> analysisSection(doc, t, (JsonNode) a.get("executive"), (JsonNode) a.get("operative")));
            pdf = doc.toBytes();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("evaluation-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    private static void analysisSection(PdfText doc, Function<String, String> t, JsonNode executive, JsonNode operative) {
        doc.heading(t.apply("shop.evaluation.executive"));
        doc.field(t.apply("shop.evaluation.rating"), executive.path("rating").asString("–") + " / 5")
                .field("NPS®", executive.path("nps").asString("–"));
        // The markdown as plain text: headings and emphasis marks are dropped, the words kept.
        doc.line(executive.path("markdown").asString("").replaceAll("(?m)^#+\\s*", "").replace("**", ""));
        doc.heading(t.apply("shop.evaluation.operative"));
        doc.line("IOC " + operative.path("ioc").asString("–") + " · IRD " + operative.path("ird").asString("–")
                + " · CES " + operative.path("ces").asString("–"));
        doc.subheading(t.apply("shop.evaluation.checks"));
        operative.path("checks").properties().forEach(c -> doc.line(c.getKey() + ": "
                + t.apply(c.getValue().path("passed").asBoolean() ? "shop.yes" : "shop.no")
                + (c.getValue().has("evidence") ? " · \"" + c.getValue().path("evidence").path("quote").asString("") + "\"" : "")));
        doc.subheading(t.apply("shop.evaluation.actions"));
        operative.path("actions").forEach(a -> doc.line("- " + a.path("text").asString(a.toString())));
    }

    private static String answer(JsonNode value) {
        if (value.isArray()) {
            java.util.List<String> items = new java.util.ArrayList<>();
            value.forEach(v -> items.add(answer(v)));
            return String.join(", ", items);
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}

package io.verbatim.shopping.internal;

import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.campaigns.Zone;
import io.verbatim.platform.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/evaluations.csv}: the evaluations the caller may list (same scope as the JSON list), written
 * page by page so memory does not grow with the company.
 */
@RestController
class EvaluationExport {

    static final String HEADER = "id,created_at,campaign,zone,shopper_id,status,score,passed,critical_failed,language,check_in_at";
    private final ShopperEvaluations evaluations;
    private final Campaigns campaigns;

    EvaluationExport(ShopperEvaluations evaluations, Campaigns campaigns) {
        this.evaluations = evaluations;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/v1/evaluations.csv")
    void csv(@RequestParam(required = false) UUID campaign, @RequestParam(required = false) String status,
             HttpServletResponse response) throws IOException {
        Map<UUID, String> campaignNames = campaigns.visible().stream().collect(Collectors.toMap(Campaign::id, Campaign::name));
        Map<UUID, String> zoneNames = campaigns.zones().stream().collect(Collectors.toMap(Zone::id, Zone::name));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"evaluations.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.print(HEADER + "\r\n");
        String cursor = null;
        do {
            Page<ShopperEvaluation> page = evaluations.list(campaign, status, false, cursor, Page.MAX_LIMIT);
            for (ShopperEvaluation e : page.items()) {
                out.print(String.join(",", cell(e.id()), cell(e.createdAt()), cell(campaignNames.get(e.campaignId())),
                        cell(zoneNames.get(e.zoneId())), cell(e.shopperId()), cell(e.status()), cell(e.score()), cell(e.passed()),
                        cell(e.criticalFailed()), cell(e.language()), cell(e.checkInAt())) + "\r\n");
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        out.flush();
    }

    /** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String cell(Object value) {
        String text = Objects.toString(value, "");
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

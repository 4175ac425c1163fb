package io.verbatim.insights.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.verbatim.conversations.Visibility;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.insights.CallRow;
import io.verbatim.insights.CallSearch;
import io.verbatim.insights.CallsExplorer;
import io.verbatim.platform.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Calls Explorer's data: one page of matching conversations, or all of them as CSV. */
@RestController
@RequestMapping("/api/v1/explorer")
class ExplorerController {

    private final CallsExplorer explorer;
    private final Clock clock = Clock.systemUTC();
    private final FeatureFlags flags;

    ExplorerController(CallsExplorer explorer, FeatureFlags flags) {
        this.explorer = explorer;
        this.flags = flags;
    }

    @GetMapping
    @Operation(summary = "Conversations matching the explorer's filters (all in docs/web.md), newest first by default",
            parameters = {
                    @Parameter(name = "needs_review", in = ParameterIn.QUERY, schema = @Schema(type = "boolean"),
                            description = "true: calls with at least one low-confidence judgment (listed in each row's "
                                    + "needs_review); false: analysed calls with none"),
                    @Parameter(name = "review_field", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
                            description = "calls whose judgment of this field needs review: booking_status, "
                                    + "customer_sentiment, qa.<item key>...")})
    Page<CallRow> search(@RequestParam Map<String, String> params, @RequestParam(required = false) Integer limit) {
        requireReviewFilter(params);
        return explorer.search(CallSearch.parse(params, clock), Visibility.current(), params.get("cursor"), Page.limit(limit));
    }

    @GetMapping(value = "/export.csv")
    @Operation(summary = "The whole filtered set as CSV (same filters), with a needs_review column (fields joined by ';')")
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        flags.require(FlagKeys.CALLS_CSV_EXPORT);
        requireReviewFilter(params);
        CallSearch search = CallSearch.parse(params, clock);
        Visibility visibility = Visibility.current();
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"calls-%s-to-%s.csv\""
                .formatted(search.period().from(), search.period().to()));
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.print('\uFEFF'); // so spreadsheet programs read UTF-8
        CallsCsv.header(out);
        explorer.export(search, visibility, row -> CallsCsv.write(out, row));
        out.flush();
    }

    /** The "needs review" filters are refused, not silently ignored, when their flag is off: the list would mislead. */
    private void requireReviewFilter(Map<String, String> params) {
        if (params.containsKey("needs_review") || params.containsKey("review_field")) {
            flags.require(FlagKeys.NEEDS_REVIEW_FILTER);
        }
    }
}

package io.verbatim.web.internal;

import io.verbatim.conversations.Visibility;
import io.verbatim.identity.CurrentUser;
import io.verbatim.insights.CallRow;
import io.verbatim.insights.CallSearch;
import io.verbatim.insights.CallsExplorer;
import io.verbatim.insights.Dashboards;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Calls Explorer: every filter in the URL (shareable, drill-down target of the dashboards), a table
 * with choosable columns, cursor pagination, CSV of the filtered set and each call's pipeline status.
 */
@Controller
class CallsPage {

    /** Column key → header; the first ones are shown unless the user picks. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();
    static final List<String> DEFAULT_COLUMNS = List.of("when", "agent", "direction", "duration", "sentiment", "qa_score",
            "reason", "objections", "review", "status");

    static {
        COLUMNS.put("when", "When (UTC)");
        COLUMNS.put("agent", "Agent");
        COLUMNS.put("team", "Team");
        COLUMNS.put("direction", "Direction");
        COLUMNS.put("channel", "Channel");
        COLUMNS.put("source", "Source");
        COLUMNS.put("language", "Language");
        COLUMNS.put("duration", "Duration");
        COLUMNS.put("sentiment", "Sentiment");
        COLUMNS.put("qa_score", "QA score");
        COLUMNS.put("scorecard", "Scorecard");
        COLUMNS.put("reason", "Call reason");
        COLUMNS.put("objections", "Objections");
        COLUMNS.put("trackers", "Trackers");
        COLUMNS.put("resolution", "Resolution");
        COLUMNS.put("outcome", "Outcome");
        COLUMNS.put("summary", "Summary");
        COLUMNS.put("review", "Needs review");
        COLUMNS.put("status", "Status");
    }

    static final List<String> OBJECTIONS = List.of("price", "timing", "decision_maker", "trust", "competitor", "need", "other");
    private static final Set<String> NOT_FILTERS = Set.of("cursor", "cols");

    private final CallsExplorer explorer;
    private final Dashboards dashboards;
    private final Clock clock = Clock.systemUTC();

    CallsPage(CallsExplorer explorer, Dashboards dashboards) {
        this.explorer = explorer;
        this.dashboards = dashboards;
    }

    @GetMapping("/calls")
    String page(@RequestParam MultiValueMap<String, String> params, Model model) {
        Visibility visibility = Visibility.current();
        Map<String, String> filters = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!NOT_FILTERS.contains(k) && !v.isEmpty() && v.getFirst() != null && !v.getFirst().isBlank()) {
                filters.put(k, v.getFirst());
            }
        });
        // Durations are entered in minutes on the page and searched in seconds.
        Map<String, String> searchParams = new LinkedHashMap<>(filters);
        List<String> columns = params.containsKey("cols") ? params.get("cols").stream().filter(COLUMNS::containsKey).toList()
                : DEFAULT_COLUMNS;
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("filters", filters);
        model.addAttribute("columns", columns.isEmpty() ? DEFAULT_COLUMNS : columns);
        model.addAttribute("allColumns", COLUMNS);
        model.addAttribute("teams", dashboards.teams(visibility));
        model.addAttribute("agents", dashboards.agentOptions(visibility));
        model.addAttribute("objections", OBJECTIONS);
        try {
            minutesToSeconds(searchParams, "min_minutes", "min_duration");
            minutesToSeconds(searchParams, "max_minutes", "max_duration");
            CallSearch search = CallSearch.parse(searchParams, clock);
            Page<CallRow> page = explorer.search(search, visibility, params.getFirst("cursor"), Page.DEFAULT_LIMIT);
            model.addAttribute("search", search);
            model.addAttribute("rows", page.items());
            String query = query(filters, columns);
            model.addAttribute("query", query);
            model.addAttribute("csv", "/api/v1/explorer/export.csv?" + query(searchParams, List.of()));
            model.addAttribute("next", page.nextCursor() == null ? null : "/calls?" + query + "&cursor=" + page.nextCursor());
            model.addAttribute("paged", params.getFirst("cursor") != null);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("rows", List.of());
        }
        return "calls";
    }

    private static void minutesToSeconds(Map<String, String> params, String minutes, String seconds) {
        String value = params.remove(minutes);
        if (value != null) {
            try {
                params.put(seconds, String.valueOf(Double.parseDouble(value) * 60));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-parameter", "Duration must be a number of minutes");
            }
        }
    }

    private static String query(Map<String, String> filters, List<String> columns) {
        List<String> parts = new ArrayList<>();
        filters.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (!columns.equals(DEFAULT_COLUMNS)) {
            columns.forEach(c -> parts.add("cols=" + c));
        }
        return String.join("&", parts);
    }
}

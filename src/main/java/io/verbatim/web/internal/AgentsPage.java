package io.verbatim.web.internal;

import io.verbatim.conversations.Visibility;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.insights.AgentPerformance;
import io.verbatim.insights.Dashboards;
import io.verbatim.insights.Period;
import io.verbatim.platform.ProblemException;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Agent Performance: the ranking of the agents the caller may see, and one agent's page with trends. */
@Controller
class AgentsPage {

    /** Ranking columns that can be sorted on, by URL name. */
    static final Map<String, Function<AgentPerformance, Double>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("conversations", a -> (double) a.conversations());
        SORTS.put("handle_time", AgentPerformance::averageHandleSeconds);
        SORTS.put("qa_score", AgentPerformance::averageQaScore);
        SORTS.put("sentiment", AgentPerformance::customerSentiment);
        SORTS.put("talk_ratio", AgentPerformance::talkRatio);
        SORTS.put("monologue", AgentPerformance::longestMonologueSeconds);
        SORTS.put("interruptions", AgentPerformance::interruptionsPerCall);
        SORTS.put("questions", AgentPerformance::questionsPerCall);
        SORTS.put("booking_rate", AgentPerformance::bookingRate);
        SORTS.put("win_rate", AgentPerformance::winRate);
    }

    static final Map<String, String> COLUMN_LABELS = new LinkedHashMap<>();

    static {
        COLUMN_LABELS.put("conversations", "Calls");
        COLUMN_LABELS.put("handle_time", "Handle time");
        COLUMN_LABELS.put("qa_score", "QA score");
        COLUMN_LABELS.put("sentiment", "Sentiment");
        COLUMN_LABELS.put("talk_ratio", "Talk ratio");
        COLUMN_LABELS.put("monologue", "Monologue");
        COLUMN_LABELS.put("interruptions", "Interruptions");
        COLUMN_LABELS.put("questions", "Questions");
        COLUMN_LABELS.put("booking_rate", "Booking rate");
        COLUMN_LABELS.put("win_rate", "Win rate");
    }

    private final Dashboards dashboards;
    private final Charts charts;
    private final Clock clock = Clock.systemUTC();

    AgentsPage(Dashboards dashboards, Charts charts) {
        this.dashboards = dashboards;
        this.charts = charts;
    }

    @GetMapping("/agents")
    String ranking(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String team, @RequestParam(required = false) String sort, Model model) {
        CurrentUser user = CurrentUser.require();
        if (user.role() == Role.AGENT) {
            return "redirect:/agents/me";
        }
        Visibility visibility = Visibility.current();
        Period period = Period.parse(from, to, team, clock);
        AgentPerformance.Ranking ranking = dashboards.agents(period, visibility);
        String by = sort != null && SORTS.containsKey(sort) ? sort : "conversations";
        Function<AgentPerformance, Double> value = SORTS.get(by);
        List<AgentPerformance> agents = ranking.agents().stream()
                .sorted(Comparator.comparing(value, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("period", period);
        model.addAttribute("teams", dashboards.teams(visibility));
        model.addAttribute("agents", agents);
        model.addAttribute("stale", ranking.stale());
        model.addAttribute("sort", by);
        model.addAttribute("columns", COLUMN_LABELS);
        model.addAttribute("query", Drilldown.query(period));
        return "agents";
    }

    @GetMapping("/agents/{agentKey}")
    String agent(@PathVariable String agentKey, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Model model) {
        CurrentUser user = CurrentUser.require();
        boolean me = "me".equals(agentKey);
        String key = me ? user.userId().toString() : agentKey;
        Period period = Period.parse(from, to, null, clock);
        model.addAttribute("user", user);
        model.addAttribute("period", period);
        model.addAttribute("teams", List.of());
        model.addAttribute("agentKey", agentKey);
        AgentPerformance.Detail detail;
        try {
            detail = dashboards.agent(key, period, Visibility.current());
        } catch (ProblemException e) {
            if (me || dashboards.agentExists(key, Visibility.current())) {
                model.addAttribute("detail", null);
                return "agent";
            }
            throw e;
        }
        model.addAttribute("detail", detail);
        model.addAttribute("calls", Drilldown.calls(period, "agent", key));
        Map<String, String> chartOptions = new LinkedHashMap<>();
        chartOptions.put("agent-volume", charts.write(charts.stackedDays(new io.verbatim.insights.Series(detail.trend().days(),
                Map.of("conversations", detail.trend().values().get("conversations"))))));
        chartOptions.put("agent-score", charts.write(charts.lines(detail.trend(), List.of("average_score"), false)));
        chartOptions.put("agent-sentiment", charts.write(charts.lines(detail.trend(), List.of("customer_sentiment"), false)));
        chartOptions.put("agent-objections", charts.write(charts.ranking(detail.objections(),
                o -> Drilldown.calls(period, "agent", key, "objection", o))));
        model.addAttribute("charts", chartOptions);
        return "agent";
    }
}

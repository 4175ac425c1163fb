package io.verbatim.web.internal;

import io.verbatim.conversations.Visibility;
import io.verbatim.identity.CurrentUser;
import io.verbatim.insights.Dashboards;
import io.verbatim.insights.Period;
import io.verbatim.insights.QaOverview;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The QA Overview: scores over time and by section, the most-missed items and auto-fails, each a drill-down. */
@Controller
class QualityPage {

    private final Dashboards dashboards;
    private final Charts charts;
    private final Clock clock = Clock.systemUTC();

    QualityPage(Dashboards dashboards, Charts charts) {
        this.dashboards = dashboards;
        this.charts = charts;
    }

    @GetMapping("/qa")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String team, Model model) {
        Visibility visibility = Visibility.current();
        Period period = Period.parse(from, to, team, clock);
        QaOverview data = dashboards.qa(period, visibility);
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("period", period);
        model.addAttribute("teams", dashboards.teams(visibility));
        model.addAttribute("data", data);
        model.addAttribute("calls", Drilldown.calls(period));
        List<String> labels = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            labels.add(i * 10 + (i == 9 ? "–100" : "–" + (i * 10 + 9)));
            urls.add(Drilldown.calls(period, "min_score", String.valueOf(i * 10), "max_score",
                    i == 9 ? "100" : String.valueOf(i * 10 + 9.999), "sort", "lowest_score"));
        }
        Map<String, String> chartOptions = new LinkedHashMap<>();
        chartOptions.put("score-trend", charts.write(charts.lines(data.scoreByDay(), List.of("average_score"), true)));
        chartOptions.put("distribution", charts.write(charts.buckets(labels, data.scoreDistribution(), urls)));
        chartOptions.put("auto-fails", charts.write(charts.stackedDays(new io.verbatim.insights.Series(data.scoreByDay().days(),
                Map.of("auto_failed", data.scoreByDay().values().get("auto_failed"))))));
        model.addAttribute("charts", chartOptions);
        return "qa";
    }
}

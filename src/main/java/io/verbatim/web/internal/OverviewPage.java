package io.verbatim.web.internal;

import io.verbatim.conversations.Visibility;
import io.verbatim.identity.CurrentUser;
import io.verbatim.insights.BusinessOverview;
import io.verbatim.insights.Dashboards;
import io.verbatim.insights.Period;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Business Overview: the first page after signing in. */
@Controller
class OverviewPage {

    private final Dashboards dashboards;
    private final Charts charts;
    private final Clock clock = Clock.systemUTC();

    OverviewPage(Dashboards dashboards, Charts charts) {
        this.dashboards = dashboards;
        this.charts = charts;
    }

    @GetMapping("/")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String team, Model model) {
        Visibility visibility = Visibility.current();
        Period period = Period.parse(from, to, team, clock);
        BusinessOverview data = dashboards.business(period, visibility);
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("period", period);
        model.addAttribute("teams", dashboards.teams(visibility));
        model.addAttribute("data", data);
        model.addAttribute("calls", Drilldown.calls(period));
        Map<String, String> chartOptions = new LinkedHashMap<>();
        chartOptions.put("volume-direction", charts.write(charts.stackedDays(data.volumeByDirection())));
        chartOptions.put("volume-channel", charts.write(charts.stackedDays(data.volumeByChannel())));
        chartOptions.put("volume-source", charts.write(charts.stackedDays(data.volumeBySource())));
        chartOptions.put("sentiment-trend", charts.write(charts.sentiment(data.sentiment())));
        chartOptions.put("sentiment-mix", charts.write(charts.sentimentPie(data.sentimentMix(),
                s -> Drilldown.calls(period, "sentiment", s))));
        chartOptions.put("reasons", charts.write(charts.ranking(data.callReasons(), r -> Drilldown.calls(period, "reason", r))));
        chartOptions.put("objections", charts.write(charts.ranking(data.objections(),
                o -> Drilldown.calls(period, "objection", o))));
        chartOptions.put("trackers", charts.write(charts.ranking(data.trackers(), t -> Drilldown.calls(period, "tracker", t))));
        boolean qualified = data.qualificationMix().values().stream().anyMatch(v -> v > 0);
        if (qualified) {
            chartOptions.put("qualification", charts.write(charts.pie(data.qualificationMix(), null)));
        }
        model.addAttribute("charts", chartOptions);
        model.addAttribute("hasQualification", qualified);
        model.addAttribute("volumeViews", List.of("direction", "channel", "source"));
        return "overview";
    }
}

package io.verbatim.insights.internal;

import io.verbatim.conversations.Visibility;
import io.verbatim.insights.AgentPerformance;
import io.verbatim.insights.BusinessOverview;
import io.verbatim.insights.Dashboards;
import io.verbatim.insights.Period;
import io.verbatim.insights.QaOverview;
import io.verbatim.identity.CurrentUser;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboards' data: what the Business, QA and Agent pages draw, scoped by the caller's role. */
@RestController
@RequestMapping("/api/v1/insights")
class InsightsController {

    private final Dashboards dashboards;
    private final Clock clock = Clock.systemUTC();

    InsightsController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/business")
    BusinessOverview business(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String team) {
        return dashboards.business(Period.parse(from, to, team, clock), Visibility.current());
    }

    @GetMapping("/qa")
    QaOverview qa(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String team) {
        return dashboards.qa(Period.parse(from, to, team, clock), Visibility.current());
    }

    @GetMapping("/agents")
    AgentPerformance.Ranking agents(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String team) {
        return dashboards.agents(Period.parse(from, to, team, clock), Visibility.current());
    }

    /** One agent; {@code me} is the caller's own agent key. */
    @GetMapping("/agents/{agentKey}")
    AgentPerformance.Detail agent(@PathVariable String agentKey, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        String key = "me".equals(agentKey) ? CurrentUser.require().userId().toString() : agentKey;
        return dashboards.agent(key, Period.parse(from, to, null, clock), Visibility.current());
    }
}

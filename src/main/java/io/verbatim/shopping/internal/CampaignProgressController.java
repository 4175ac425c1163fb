package io.verbatim.shopping.internal;

import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.platform.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's progress against its goals, for whoever may see the campaign (here, because evaluations live here). */
@RestController
class CampaignProgressController {

    private final Campaigns campaigns;
    private final JdbcClient jdbc;

    CampaignProgressController(Campaigns campaigns, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    record ZoneProgress(UUID zoneId, String name, int evaluations, Integer goal, BigDecimal averageScore, int passed) {
    }

    record Progress(UUID campaignId, int evaluations, Integer goal, BigDecimal averageScore, BigDecimal targetScore, int passed,
                    List<ZoneProgress> zones) {
    }

    @GetMapping("/api/v1/campaigns/{id}/progress")
    @Transactional(readOnly = true)
    Progress progress(@PathVariable UUID id) {
        Campaign c = campaigns.visible().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        List<ZoneProgress> zones = new ArrayList<>();
        for (UUID zoneId : c.zoneIds()) {
            String name = campaigns.zone(zoneId).map(io.verbatim.campaigns.Zone::name).orElse(null);
            zones.add(jdbc.sql("""
                    SELECT count(*) AS n, round(avg(score), 2) AS avg, count(*) FILTER (WHERE passed) AS passed
                    FROM shopper_evaluations WHERE campaign_id = ? AND zone_id = ? AND deleted_at IS NULL""")
                    .params(id, zoneId).query((rs, i) -> new ZoneProgress(zoneId, name, rs.getInt("n"), c.goals().perZone(),
                            rs.getBigDecimal("avg"), rs.getInt("passed"))).single());
        }
        return jdbc.sql("""
                SELECT count(*) AS n, round(avg(score), 2) AS avg, count(*) FILTER (WHERE passed) AS passed
                FROM shopper_evaluations WHERE campaign_id = ? AND deleted_at IS NULL""")
                .param(id).query((rs, i) -> new Progress(id, rs.getInt("n"), c.goals().total(), rs.getBigDecimal("avg"),
                        c.goals().targetScore(), rs.getInt("passed"), zones)).single();
    }
}

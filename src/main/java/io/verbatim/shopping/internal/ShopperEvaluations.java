package io.verbatim.shopping.internal;

import io.verbatim.billing.CompanyStanding;
import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.CampaignStatus;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.surveys.SurveyScoring;
import io.verbatim.surveys.SurveyVersion;
import io.verbatim.surveys.Surveys;
import io.verbatim.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopper evaluations of the current tenant. Who sees one: admins and executives all; a manager those of the
 * campaigns they manage; a shopper their own. Anything else reads as not found.
 */
@Service
class ShopperEvaluations {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Campaigns campaigns;
    private final Surveys surveys;
    private final CompanyStanding standing;
    private final AuditLog audit;

    ShopperEvaluations(JdbcClient jdbc, JsonMapper json, Campaigns campaigns, Surveys surveys, CompanyStanding standing,
                       AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.campaigns = campaigns;
        this.surveys = surveys;
        this.standing = standing;
        this.audit = audit;
    }

    record NewEvaluation(UUID campaignId, UUID zoneId, JsonNode answers, Instant checkInAt,
                         ShopperEvaluation.Geolocation geolocation, String language) {
    }

    @Transactional
    ShopperEvaluation submit(NewEvaluation n) {
        CurrentUser user = CurrentUser.require();
        if (user.role() != Role.AGENT || user.agentKind() != AgentKind.SHOPPER) {
            throw ProblemException.forbidden("Only shoppers submit evaluations");
        }
        standing.requireGoodStanding();
        return visible(record(user.userId(), n));
    }

    /**
     * Checks the visit against its campaign (active, the shopper assigned, a zone of the campaign) and the survey, scores
     * it and stores it ({@code pending}); returns its id. Whoever calls has checked who may submit for the shopper.
     */
    @Transactional
    UUID record(UUID shopperId, NewEvaluation n) {
        if (n.campaignId() == null || n.zoneId() == null) {
            throw ProblemException.badRequest("validation", "campaign_id and zone_id are required");
        }
        Campaign campaign = campaigns.find(n.campaignId()).filter(c -> c.shopperIds().contains(shopperId))
                .orElseThrow(() -> ProblemException.notFound("Campaign " + n.campaignId()));
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw ProblemException.conflict("campaign-not-active", "The campaign is " + campaign.status().wire() + ", not active");
        }
        if (!campaign.zoneIds().contains(n.zoneId())) {
            throw ProblemException.badRequest("zone-not-in-campaign", "Zone " + n.zoneId() + " is not one of the campaign's zones");
        }
        SurveyVersion survey = surveys.current(campaign.surveyId())
                .orElseThrow(() -> ProblemException.conflict("survey-missing", "The campaign's survey was deleted"));
        JsonNode answers = n.answers() == null ? json.createObjectNode() : n.answers();
        if (!answers.isObject()) {
            throw ProblemException.badRequest("validation", "answers must be an object of question name to answer");
        }
        SurveyScoring.Score score = SurveyScoring.score(survey.definition(), answers);
        List<Map<String, String>> errors = new ArrayList<>();
        score.missingRequired().forEach(q -> errors.add(Map.of("question", q, "message", "an answer is required")));
        score.unknown().forEach(q -> errors.add(Map.of("question", q, "message", "not a question of this survey")));
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-answers", "Invalid answers",
                    "The answers do not fit the survey: " + errors.getFirst().get("question") + " " + errors.getFirst().get("message"),
                    Map.of("errors", errors));
        }
        ShopperEvaluation.Geolocation geo = n.geolocation();
        if (geo != null && (Math.abs(geo.lat()) > 90 || Math.abs(geo.lng()) > 180)) {
            throw ProblemException.badRequest("invalid-geolocation", "lat must be -90..90 and lng -180..180");
        }
        BigDecimal target = campaign.goals().targetScore();
        Boolean passed = score.score() == null && !score.criticalFailed() ? null
                : !score.criticalFailed() && (target == null || score.score().compareTo(target) >= 0);
        String language = n.language() != null ? n.language() : survey.definition().path("locale").asString("es");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO shopper_evaluations (id, tenant_id, campaign_id, zone_id, shopper_id, survey_id, survey_version, answers,
                    score, passed, critical_failed, status, status_reason, language, check_in_at, latitude, longitude)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)""")
                .params(id, TenantContext.require().value(), campaign.id(), n.zoneId(), shopperId, survey.surveyId(),
                        survey.version(), json.writeValueAsString(answers), score.score(), passed, score.criticalFailed(),
                        "waiting for the visit's recording", language,
                        n.checkInAt() == null ? null : Timestamp.from(n.checkInAt()), geo == null ? null : geo.lat(),
                        geo == null ? null : geo.lng())
                .update();
        audit.record("evaluation.submitted", "evaluation", id.toString(), Map.of("campaign", campaign.id().toString()));
        return id;
    }

    /** The evaluation if the caller may see it, else 404. */
    @Transactional(readOnly = true)
    ShopperEvaluation visible(UUID id) {
        return jdbc.sql("SELECT * FROM shopper_evaluations WHERE id = ? AND deleted_at IS NULL").param(id).query(this::map).optional()
                .filter(this::maySee).orElseThrow(() -> ProblemException.notFound("Evaluation " + id));
    }

    boolean maySee(ShopperEvaluation e) {
        CurrentUser user = CurrentUser.require();
        if (user.role().seesWholeTenant()) {
            return true;
        }
        if (user.role() == Role.MANAGER) {
            return campaigns.find(e.campaignId()).map(c -> c.managerIds().contains(user.userId())).orElse(false);
        }
        return e.shopperId().equals(user.userId());
    }

    @Transactional(readOnly = true)
    Page<ShopperEvaluation> list(UUID campaignId, String status, boolean deleted, String cursor, int limit) {
        CurrentUser user = CurrentUser.require();
        String after = Page.decode(cursor);
        // A manager's campaigns as one text parameter (an array parameter would be expanded into a list of placeholders).
        String managed = user.role() == Role.MANAGER
                ? String.join(",", campaigns.visible().stream().map(c -> c.id().toString()).toList()) : null;
        UUID shopper = user.role().seesWholeTenant() || user.role() == Role.MANAGER ? null : user.userId();
        String[] key = after == null ? null : after.split("\\|");
        List<ShopperEvaluation> rows = jdbc.sql("""
                SELECT * FROM shopper_evaluations
                WHERE (deleted_at IS NOT NULL) = :deleted
                  AND (CAST(:campaign AS uuid) IS NULL OR campaign_id = :campaign)
                  AND (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:shopper AS uuid) IS NULL OR shopper_id = :shopper)
                  AND (NOT :scoped OR campaign_id = ANY (string_to_array(:managed, ',')::uuid[]))
                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("deleted", deleted).param("campaign", campaignId).param("status", status).param("shopper", shopper)
                .param("scoped", managed != null).param("managed", managed == null ? "" : managed)
                .param("afterAt", key == null ? null : Timestamp.from(Instant.parse(key[0])))
                .param("afterId", key == null ? null : UUID.fromString(key[1])).param("limit", limit + 1)
                .query(this::map).list();
        return Page.of(rows, limit, e -> e.createdAt() + "|" + e.id());
    }

    @Transactional
    void delete(UUID id) {
        visible(id);
        jdbc.sql("UPDATE shopper_evaluations SET deleted_at = now() WHERE id = ?").param(id).update();
        audit.record("evaluation.deleted", "evaluation", id.toString(), Map.of());
    }

    @Transactional
    ShopperEvaluation restore(UUID id) {
        if (jdbc.sql("UPDATE shopper_evaluations SET deleted_at = NULL, updated_at = now() WHERE id = ? AND deleted_at IS NOT NULL")
                .param(id).update() == 0) {
            throw ProblemException.notFound("Deleted evaluation " + id);
        }
        audit.record("evaluation.restored", "evaluation", id.toString(), Map.of());
        return visible(id);
    }

    @Transactional
    void status(UUID id, String status, String reason) {
        jdbc.sql("UPDATE shopper_evaluations SET status = ?, status_reason = ?, updated_at = now() WHERE id = ?")
                .params(status, reason, id).update();
    }

    private ShopperEvaluation map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<ShopperEvaluation.Upload> uploads = jdbc.sql("SELECT * FROM evaluation_uploads WHERE evaluation_id = ? ORDER BY created_at")
                .param(id).query((u, i) -> new ShopperEvaluation.Upload(u.getObject("id", UUID.class), u.getLong("upload_length"),
                        u.getLong("upload_offset"), u.getString("filename"), u.getString("content_type"), u.getString("sha256"),
                        instant(u.getTimestamp("completed_at")))).list();
        double lat = rs.getDouble("latitude");
        ShopperEvaluation.Geolocation geo = rs.wasNull() ? null : new ShopperEvaluation.Geolocation(lat, rs.getDouble("longitude"));
        boolean passed = rs.getBoolean("passed");
        Boolean passedOrNull = rs.wasNull() ? null : passed;
        return new ShopperEvaluation(id, rs.getObject("campaign_id", UUID.class), rs.getObject("zone_id", UUID.class),
                rs.getObject("shopper_id", UUID.class), rs.getObject("survey_id", UUID.class), rs.getInt("survey_version"),
                json.readTree(rs.getString("answers")), rs.getBigDecimal("score"), passedOrNull, rs.getBoolean("critical_failed"),
                rs.getString("status"), rs.getString("status_reason"), rs.getString("language"), instant(rs.getTimestamp("check_in_at")),
                geo, uploads, instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("deleted_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

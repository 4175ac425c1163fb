package io.verbatim.campaigns.internal;

import io.verbatim.billing.CompanyStanding;
import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.CampaignAssigned;
import io.verbatim.campaigns.CampaignDraft;
import io.verbatim.campaigns.CampaignStatus;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.campaigns.Zone;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.ProblemException;
import io.verbatim.surveys.Surveys;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Campaigns of the current tenant with their zones, people and goals. */
@Service
class CampaignStore implements Campaigns {

    private final JdbcClient jdbc;
    private final ZoneStore zones;
    private final Users users;
    private final Surveys surveys;
    private final CompanyStanding standing;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    CampaignStore(JdbcClient jdbc, ZoneStore zones, Users users, Surveys surveys, CompanyStanding standing, AuditLog audit,
                  ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.zones = zones;
        this.users = users;
        this.surveys = surveys;
        this.standing = standing;
        this.audit = audit;
        this.events = events;
    }

    /** Fields of a create or an update; null leaves a field as it is on update. */
    record CampaignFields(String name, String description, CampaignStatus status, UUID surveyId, LocalDate startDate,
                          LocalDate endDate, List<UUID> zoneIds, List<UUID> shopperIds, List<UUID> managerIds, Campaign.Goals goals) {
    }

    @Transactional
    Campaign create(CampaignFields f) {
        standing.requireGoodStanding();
        if (f.surveyId() == null) {
            throw ProblemException.badRequest("validation", "survey_id is required");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO campaigns (id, tenant_id, name, status, survey_id) VALUES (?, ?, ?, 'draft', ?)")
                .params(id, TenantContext.require().value(), name(f.name()), checkedSurvey(f.surveyId())).update();
        write(id, f, null);
        audit.record("campaign.created", "campaign", id.toString(), Map.of("name", f.name()));
        return find(id).orElseThrow();
    }

    @Override
    public Campaign ensureCampaign(TenantId tenant, CampaignDraft d) {
        // The tenant is bound before the transaction starts, so its connection is scoped to the tenant (row-level security).
        return TenantContext.callAs(tenant, () -> transaction.execute(tx -> jdbc.sql(
                        "SELECT id FROM campaigns WHERE name = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1")
                .param(d.name() == null ? "" : d.name().strip()).query(UUID.class).optional().flatMap(this::find)
                .orElseGet(() -> create(new CampaignFields(d.name(), d.description(), d.status(), d.surveyId(), d.startDate(),
                        d.endDate(), d.zoneIds(), d.shopperIds(), d.managerIds(), d.goals())))));
    }

    @Transactional
    Campaign update(UUID id, CampaignFields f) {
        Campaign current = find(id).orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        write(id, f, current);
        audit.record("campaign.updated", "campaign", id.toString(), Map.of());
        return find(id).orElseThrow();
    }

    private void write(UUID id, CampaignFields f, Campaign current) {
        Campaign.Goals g = f.goals() != null ? f.goals() : current == null ? new Campaign.Goals(null, null, null) : current.goals();
        if ((g.total() != null && g.total() < 0) || (g.perZone() != null && g.perZone() < 0) || (g.targetScore() != null
                && (g.targetScore().compareTo(BigDecimal.ZERO) < 0 || g.targetScore().compareTo(BigDecimal.valueOf(100)) > 0))) {
            throw ProblemException.badRequest("invalid-goals", "goals: total and per_zone not negative, target_score 0-100");
        }
        LocalDate start = f.startDate() != null ? f.startDate() : current == null ? null : current.startDate();
        LocalDate end = f.endDate() != null ? f.endDate() : current == null ? null : current.endDate();
        if (start != null && end != null && end.isBefore(start)) {
            throw ProblemException.badRequest("invalid-dates", "end_date is before start_date");
        }
        jdbc.sql("""
                UPDATE campaigns SET name = ?, description = ?, status = ?, survey_id = ?, start_date = ?, end_date = ?,
                    goal_total = ?, goal_per_zone = ?, target_score = ?, updated_at = now() WHERE id = ?""")
                .params(f.name() != null ? name(f.name()) : current.name(),
                        f.description() != null ? f.description().strip() : current == null ? null : current.description(),
                        (f.status() != null ? f.status() : current == null ? CampaignStatus.DRAFT : current.status()).wire(),
                        f.surveyId() != null ? checkedSurvey(f.surveyId()) : current.surveyId(), start, end,
                        g.total(), g.perZone(), g.targetScore(), id)
                .update();
        String tenant = TenantContext.require().value();
        if (f.zoneIds() != null) {
            jdbc.sql("DELETE FROM campaign_zones WHERE campaign_id = ?").param(id).update();
            for (UUID z : f.zoneIds().stream().distinct().toList()) {
                zones.find(z).orElseThrow(() -> ProblemException.badRequest("unknown-zone", "No zone " + z));
                jdbc.sql("INSERT INTO campaign_zones (tenant_id, campaign_id, zone_id) VALUES (?, ?, ?)").params(tenant, id, z).update();
            }
        }
        List<UUID> added = new ArrayList<>();
        added.addAll(members(id, "shopper", f.shopperIds(), current == null ? List.of() : current.shopperIds()));
        added.addAll(members(id, "manager", f.managerIds(), current == null ? List.of() : current.managerIds()));
        if (!added.isEmpty()) {
            events.publishEvent(new CampaignAssigned(TenantContext.require(), id,
                    f.name() != null ? f.name().strip() : current.name(), List.copyOf(new HashSet<>(added))));
        }
    }

    /** Replaces the campaign's people in one role; returns who is new. */
    private List<UUID> members(UUID id, String role, List<UUID> ids, List<UUID> before) {
        if (ids == null) {
            return List.of();
        }
        for (UUID u : ids) {
            User user = users.find(u).filter(User::active)
                    .orElseThrow(() -> ProblemException.badRequest("unknown-user", "No active user " + u));
            boolean fits = role.equals("shopper") ? user.role() == Role.AGENT && user.agentKind() == AgentKind.SHOPPER
                    : user.role() == Role.MANAGER;
            if (!fits) {
                throw ProblemException.badRequest("invalid-assignment", "User " + u + " is not a " + role);
            }
        }
        jdbc.sql("DELETE FROM campaign_members WHERE campaign_id = ? AND role = ?").params(id, role).update();
        for (UUID u : ids.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO campaign_members (tenant_id, campaign_id, user_id, role) VALUES (?, ?, ?, ?)")
                    .params(TenantContext.require().value(), id, u, role).update();
        }
        return ids.stream().distinct().filter(u -> !before.contains(u)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Campaign> find(UUID id) {
        return jdbc.sql("SELECT * FROM campaigns WHERE id = ? AND deleted_at IS NULL").param(id).query(this::map).optional();
    }

    /** A campaign the caller may see, or 404 as if it did not exist. */
    @Transactional(readOnly = true)
    Campaign visible(UUID id) {
        return find(id).filter(c -> maySee(c, CurrentUser.require())).orElseThrow(() -> ProblemException.notFound("Campaign " + id));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Campaign> visible() {
        return list(false).stream().filter(c -> maySee(c, CurrentUser.require())).toList();
    }

    @Transactional(readOnly = true)
    List<Campaign> list(boolean deleted) {
        return jdbc.sql("SELECT * FROM campaigns WHERE (deleted_at IS NOT NULL) = ? ORDER BY created_at DESC, id LIMIT 1000")
                .param(deleted).query(this::map).list();
    }

    /** Admins and executives see every campaign; a manager or a shopper only those they are assigned to. */
    static boolean maySee(Campaign c, CurrentUser user) {
        return user.role().seesWholeTenant() || (user.role() == Role.MANAGER && c.managerIds().contains(user.userId()))
                || (user.role() == Role.AGENT && c.shopperIds().contains(user.userId()));
    }

    @Transactional
    void delete(UUID id) {
        if (jdbc.sql("UPDATE campaigns SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL").param(id).update() == 0) {
            throw ProblemException.notFound("Campaign " + id);
        }
        audit.record("campaign.deleted", "campaign", id.toString(), Map.of());
    }

    @Transactional
    Campaign restore(UUID id) {
        if (jdbc.sql("UPDATE campaigns SET deleted_at = NULL, updated_at = now() WHERE id = ? AND deleted_at IS NOT NULL").param(id).update() == 0) {
            throw ProblemException.notFound("Deleted campaign " + id);
        }
        audit.record("campaign.restored", "campaign", id.toString(), Map.of());
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Zone> zone(UUID id) {
        return zones.find(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Zone> zones() {
        return zones.list(false);
    }

    @Override
    public Zone createZone(String name, String country, String state, String city) {
        return zones.create(new ZoneStore.ZoneFields(name, country, state, city));
    }

    @Override
    public List<UUID> assignToZone(UUID zoneId, List<UUID> userIds) {
        return zones.assign(zoneId, userIds);
    }

    private UUID checkedSurvey(UUID surveyId) {
        surveys.current(surveyId).orElseThrow(() -> ProblemException.badRequest("unknown-survey", "No survey " + surveyId));
        return surveyId;
    }

    private Campaign map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<UUID> zoneIds = jdbc.sql("SELECT zone_id FROM campaign_zones WHERE campaign_id = ? ORDER BY zone_id").param(id)
                .query(UUID.class).list();
        List<UUID> shoppers = new ArrayList<>();
        List<UUID> managers = new ArrayList<>();
        jdbc.sql("SELECT user_id, role FROM campaign_members WHERE campaign_id = ? ORDER BY user_id").param(id).query(r -> {
            (r.getString("role").equals("shopper") ? shoppers : managers).add(r.getObject("user_id", UUID.class));
        });
        int total = rs.getInt("goal_total");
        Integer goalTotal = rs.wasNull() ? null : total;
        int perZone = rs.getInt("goal_per_zone");
        Integer goalPerZone = rs.wasNull() ? null : perZone;
        return new Campaign(id, rs.getString("name"), rs.getString("description"), CampaignStatus.fromWire(rs.getString("status")),
                rs.getObject("survey_id", UUID.class), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                zoneIds, shoppers, managers, new Campaign.Goals(goalTotal, goalPerZone, rs.getBigDecimal("target_score")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("deleted_at") == null ? null : rs.getTimestamp("deleted_at").toInstant());
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "name must be 1-200 characters");
        }
        return name.strip();
    }
}

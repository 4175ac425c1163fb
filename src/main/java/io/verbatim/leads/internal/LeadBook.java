package io.verbatim.leads.internal;

import io.verbatim.contacts.ContactCards;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.leads.Lead;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's leads as the caller may see them: a CSR the leads they spoke to, a sales rep those assigned
 * to them, executives, managers and admins all. Leads outside the caller's scope are "not found".
 */
@Service
class LeadBook {

    private final JdbcClient jdbc;
    private final ContactCards cards;

    LeadBook(JdbcClient jdbc, ContactCards cards) {
        this.jdbc = jdbc;
        this.cards = cards;
    }

    record Scope(String sql, UUID me) {
        static Scope of(CurrentUser user) {
            if (user.role() == Role.AGENT) {
                return new Scope(user.agentKind() == AgentKind.SALES_REP ? "assigned_rep_user_id = :me" : "csr_user_id = :me",
                        user.userId());
            }
            return new Scope("TRUE", null);
        }
    }

    record Filter(String stage, String qualification, UUID contactCardId) {
    }

    record Detail(Lead lead, List<LeadHistory.Entry> history) {
    }

    record Change(String stage, String qualification, UUID assignedRepUserId, String reason) {
    }

    record NewLead(UUID contactCardId, String stage, String qualification, String source, UUID assignedRepUserId) {
    }

    @Transactional(readOnly = true)
    public Page<Lead> list(Filter filter, String cursor, int limit) {
        Scope scope = Scope.of(CurrentUser.require());
        Map<String, Object> p = new HashMap<>(Map.of("t", tenant(), "limit", limit + 1));
        p.put("me", scope.me());
        StringBuilder where = new StringBuilder("tenant_id = :t AND " + scope.sql());
        if (filter.stage() != null) {
            where.append(" AND stage = :stage");
            p.put("stage", check(filter.stage(), Lead.STAGES, "stage"));
        }
        if (filter.qualification() != null) {
            where.append(" AND qualification = :q");
            p.put("q", check(filter.qualification(), Lead.QUALIFICATIONS, "qualification"));
        }
        if (filter.contactCardId() != null) {
            where.append(" AND contact_card_id = :card");
            p.put("card", filter.contactCardId());
        }
        String after = Page.decode(cursor);
        if (after != null) {
            String[] parts = after.split("\\|", 2);
            where.append(" AND (last_activity_at, id) < (CAST(:au AS timestamptz), CAST(:ai AS uuid))");
            p.put("au", parts[0]);
            p.put("ai", parts[1]);
        }
        List<Lead> rows = jdbc.sql("SELECT * FROM leads WHERE " + where + " ORDER BY last_activity_at DESC, id DESC LIMIT :limit")
                .params(p).query(LeadRows.INSTANCE).list();
        return Page.of(rows, limit, l -> l.lastActivityAt() + "|" + l.id());
    }

    @Transactional(readOnly = true)
    public Detail get(UUID id) {
        return new Detail(visible(id, false), LeadHistory.of(jdbc, tenant(), id));
    }

    @Transactional
    public Lead create(NewLead n) {
        CurrentUser user = CurrentUser.require();
        if (n.contactCardId() == null || cards.find(TenantContext.require(), n.contactCardId()).isEmpty()) {
            throw ProblemException.badRequest("invalid-contact", "contact_card_id must name a contact card of this tenant");
        }
        UUID card = cards.find(TenantContext.require(), n.contactCardId()).orElseThrow().id();
        String stage = n.stage() == null ? "new" : check(n.stage(), Lead.STAGES, "stage");
        String qualification = n.qualification() == null ? null : check(n.qualification(), Lead.QUALIFICATIONS, "qualification");
        boolean rep = user.role() == Role.AGENT && user.agentKind() == AgentKind.SALES_REP;
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO leads (id, tenant_id, contact_card_id, stage, qualification, qualification_set_by, source,
                                       csr_user_id, assigned_rep_user_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, tenant(), card, stage, qualification, qualification == null ? "analysis" : "person",
                            n.source() == null ? "manual" : n.source(),
                            user.role() == Role.AGENT && !rep ? user.userId() : null,
                            rep ? user.userId() : n.assignedRepUserId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("open-lead-exists", "Contact " + card + " already has an open lead");
        }
        LeadHistory.record(jdbc, tenant(), id, "stage", null, stage, "person", user.actorId(), null);
        LeadHistory.record(jdbc, tenant(), id, "qualification", null, qualification, "person", user.actorId(), null);
        return visible(id, false);
    }

    /** A person's change; a qualification they set stays theirs (the analysis no longer overwrites it). */
    @Transactional
    public Detail update(UUID id, Change c) {
        CurrentUser user = CurrentUser.require();
        Lead lead = visible(id, true);
        String stage = c.stage() == null ? lead.stage() : check(c.stage(), Lead.STAGES, "stage");
        String qualification = c.qualification() == null ? lead.qualification()
                : check(c.qualification(), Lead.QUALIFICATIONS, "qualification");
        UUID rep = c.assignedRepUserId() == null ? lead.assignedRepUserId() : c.assignedRepUserId();
        try {
            jdbc.sql("""
                    UPDATE leads SET stage = ?, qualification = ?, assigned_rep_user_id = ?,
                        qualification_set_by = CASE WHEN ? THEN 'person' ELSE qualification_set_by END,
                        last_activity_at = now(), updated_at = now()
                    WHERE tenant_id = ? AND id = ?""")
                    .params(stage, qualification, rep, c.qualification() != null, tenant(), id).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("open-lead-exists", "Contact " + lead.contactCardId() + " already has an open lead");
        }
        LeadHistory.record(jdbc, tenant(), id, "stage", lead.stage(), stage, "person", user.actorId(), c.reason());
        LeadHistory.record(jdbc, tenant(), id, "qualification", lead.qualification(), qualification, "person", user.actorId(),
                c.reason());
        LeadHistory.record(jdbc, tenant(), id, "assigned_rep", str(lead.assignedRepUserId()), str(rep), "person",
                user.actorId(), c.reason());
        return get(id);
    }

    private Lead visible(UUID id, boolean lock) {
        Scope scope = Scope.of(CurrentUser.require());
        Map<String, Object> p = new HashMap<>(Map.of("t", tenant(), "id", id));
        p.put("me", scope.me());
        return jdbc.sql("SELECT * FROM leads WHERE tenant_id = :t AND id = :id AND " + scope.sql() + (lock ? " FOR UPDATE" : ""))
                .params(p).query(LeadRows.INSTANCE).optional()
                .orElseThrow(() -> ProblemException.notFound("Lead " + id));
    }

    private static String check(String value, java.util.Set<String> allowed, String what) {
        if (!allowed.contains(value)) {
            throw ProblemException.badRequest("invalid-" + what, what + " must be one of " + new java.util.TreeSet<>(allowed));
        }
        return value;
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}

package io.verbatim.leads.internal;

import io.verbatim.contacts.ContactTimelineSource;
import io.verbatim.contacts.TimelineItem;
import io.verbatim.identity.CurrentUser;
import io.verbatim.leads.Lead;
import io.verbatim.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A card's leads on its timeline, in the caller's lead scope (a CSR the leads they spoke to, a rep theirs). */
@Component
class LeadTimeline implements ContactTimelineSource {

    private final JdbcClient jdbc;

    LeadTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineItem> timelineOf(UUID card) {
        LeadBook.Scope scope = LeadBook.Scope.of(CurrentUser.require());
        return jdbc.sql("SELECT * FROM leads WHERE tenant_id = :t AND contact_card_id = :card AND " + scope.sql()
                        + " ORDER BY created_at DESC LIMIT 50")
                .param("t", TenantContext.require().value()).param("card", card).param("me", scope.me())
                .query(LeadRows.INSTANCE).list().stream().map(LeadTimeline::item).toList();
    }

    private static TimelineItem item(Lead lead) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("stage", lead.stage());
        if (lead.qualification() != null) {
            detail.put("qualification", lead.qualification());
        }
        if (lead.source() != null) {
            detail.put("source", lead.source());
        }
        if (lead.lastActivityAt() != null) {
            detail.put("last_activity_at", lead.lastActivityAt());
        }
        String title = (lead.open() ? "Open lead" : "Lead") + " · " + lead.stage();
        return new TimelineItem("lead", lead.id(), lead.createdAt(), title, detail);
    }
}

package io.verbatim.contacts.internal;

import io.verbatim.contacts.ContactTimelineSource;
import io.verbatim.contacts.TimelineItem;
import io.verbatim.conversations.Visibility;
import io.verbatim.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything linked to a card, newest first. Conversations are limited to those the caller may see (an agent
 * sees only their own calls on a shared contact card), exactly as in the explorer; leads, appointments, recording
 * sessions and tasks come from their modules' {@link ContactTimelineSource}s, each with its own role scope.
 */
@Service
public class ContactTimeline {

    static final int LIMIT = 200;
    private final JdbcClient jdbc;
    private final List<ContactTimelineSource> sources;

    ContactTimeline(JdbcClient jdbc, List<ContactTimelineSource> sources) {
        this.jdbc = jdbc;
        this.sources = sources;
    }

    @Transactional(readOnly = true)
    public List<TimelineItem> of(UUID card) {
        Visibility visibility = Visibility.current();
        List<TimelineItem> items = new ArrayList<>(jdbc.sql("""
                SELECT c.id, coalesce(c.started_at, c.created_at) AS at, c.direction, c.channel, c.agent_name, c.status,
                       c.duration_seconds, a.summary, a.booking_status, a.qualification, a.call_reason
                FROM conversations c LEFT JOIN analyses a ON a.conversation_id = c.id AND a.tenant_id = c.tenant_id
                WHERE c.tenant_id = :tenant AND c.contact_card_id = :card""" + " AND " + visibility.sqlPredicate()
                + " ORDER BY coalesce(c.started_at, c.created_at) DESC LIMIT :limit")
                .param("tenant", TenantContext.require().value()).param("card", card)
                .param("visible_id", visibility.parameter()).param("limit", LIMIT)
                .query((rs, n) -> {
                    Map<String, Object> detail = new java.util.LinkedHashMap<>();
                    put(detail, "direction", rs.getString("direction"));
                    put(detail, "channel", rs.getString("channel"));
                    put(detail, "agent_name", rs.getString("agent_name"));
                    put(detail, "status", rs.getString("status"));
                    put(detail, "duration_seconds", rs.getObject("duration_seconds"));
                    put(detail, "summary", rs.getString("summary"));
                    put(detail, "booking_status", rs.getString("booking_status"));
                    put(detail, "qualification", rs.getString("qualification"));
                    put(detail, "call_reason", rs.getString("call_reason"));
                    return new TimelineItem("conversation", rs.getObject("id", UUID.class), instant(rs.getTimestamp("at")),
                            title(rs.getString("direction"), rs.getString("channel")), detail);
                })
                .list());
        for (ContactTimelineSource source : sources) {
            items.addAll(source.timelineOf(card));
        }
        items.sort(Comparator.comparing(TimelineItem::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return items.size() > LIMIT ? List.copyOf(items.subList(0, LIMIT)) : items;
    }

    private static String title(String direction, String channel) {
        String what = "field_visit".equals(channel) ? "Field visit" : "voice_agent".equals(channel) ? "AI agent call" : "Call";
        return switch (direction == null ? "" : direction) {
            case "inbound" -> "Inbound " + what.toLowerCase();
            case "outbound" -> "Outbound " + what.toLowerCase();
            default -> what;
        };
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

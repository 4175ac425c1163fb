package io.verbatim.leads.internal;

import io.verbatim.leads.Lead;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/** Maps a leads row. */
final class LeadRows implements RowMapper<Lead> {

    static final LeadRows INSTANCE = new LeadRows();

    @Override
    public Lead mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Lead(rs.getObject("id", UUID.class), rs.getObject("contact_card_id", UUID.class), rs.getString("stage"),
                rs.getString("qualification"), rs.getString("qualification_set_by"), rs.getString("source"),
                rs.getObject("source_conversation_id", UUID.class), rs.getObject("csr_user_id", UUID.class),
                rs.getObject("assigned_rep_user_id", UUID.class), instant(rs.getTimestamp("last_activity_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

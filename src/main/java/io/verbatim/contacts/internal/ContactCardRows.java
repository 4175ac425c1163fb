package io.verbatim.contacts.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.databind.json.JsonMapper;

/** Maps a contact_card row. */
public final class ContactCardRows implements RowMapper<ContactCard> {

    private final JsonMapper json;

    public ContactCardRows(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ContactCard mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new ContactCard(rs.getObject("id", UUID.class), rs.getString("primary_phone"), list(rs.getArray("secondary_phones")),
                rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("full_name"),
                new ContactCard.Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("city"),
                        rs.getString("state"), rs.getString("zip"), rs.getString("country")),
                ContactSource.fromWire(rs.getString("source")),
                PropertyJson.read(json, rs.getString("property")),
                new ContactCard.AiFields(rs.getString("last_call_summary"), rs.getString("primary_intent"),
                        list(rs.getArray("risks")), list(rs.getArray("tags"))),
                rs.getObject("merged_into", UUID.class), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

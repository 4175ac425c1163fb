package io.verbatim.contacts.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactCards;
import io.verbatim.contacts.ContactSource;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's contact cards for the API: search, create, change (merges live in {@link ContactMerges}). */
@Service
public class ContactDirectory {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ContactCards cards;
    private final ContactCardRows rows;

    ContactDirectory(JdbcClient jdbc, JsonMapper json, ContactCards cards) {
        this.jdbc = jdbc;
        this.json = json;
        this.cards = cards;
        this.rows = new ContactCardRows(json);
    }

    /**
     * Live cards, newest change first. {@code q}: a phone in any format (primary or secondary), an e-mail, or the
     * start of a name (full or last).
     */
    @Transactional(readOnly = true)
    public Page<ContactCard> search(String q, String cursor, int limit) {
        String tenant = TenantContext.require().value();
        StringBuilder where = new StringBuilder("tenant_id = :t AND merged_into IS NULL");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("t", tenant, "limit", limit + 1));
        String query = q == null ? "" : q.strip();
        if (!query.isEmpty()) {
            Optional<String> phone = query.contains("@") ? Optional.empty() : cards.normalisePhone(query);
            if (phone.isPresent() && query.chars().filter(Character::isDigit).count() >= 7) {
                where.append(" AND id IN (SELECT contact_card_id FROM contact_phones WHERE tenant_id = :t AND phone = :p)");
                params.put("p", phone.get());
            } else if (query.contains("@")) {
                where.append(" AND email = :e");
                params.put("e", query.toLowerCase(Locale.ROOT));
            } else {
                // a prefix as a range (leak-proof comparisons, so the index serves it under row-level security)
                String prefix = query.toLowerCase(Locale.ROOT);
                where.append(" AND ((search_name ~>=~ :n AND search_name ~<~ :nz) OR (search_last ~>=~ :n AND search_last ~<~ :nz))");
                params.put("n", prefix);
                params.put("nz", prefix + "\uDBFF\uDFFF");
            }
        }
        String after = Page.decode(cursor);
        if (after != null) {
            String[] parts = after.split("\\|", 2);
            where.append(" AND (updated_at, id) < (CAST(:au AS timestamptz), CAST(:ai AS uuid))");
            params.put("au", parts[0]);
            params.put("ai", parts[1]);
        }
        List<ContactCard> fetched = jdbc.sql("SELECT * FROM contact_card WHERE " + where + " ORDER BY updated_at DESC, id DESC LIMIT :limit")
                .params(params).query(rows).list();
        return Page.of(fetched, limit, c -> c.updatedAt() + "|" + c.id());
    }

    /** The card (following merges); another tenant's or an unknown id is "not found". */
    @Transactional(readOnly = true)
    public ContactCard get(UUID id) {
        return cards.find(TenantContext.require(), id).orElseThrow(() -> ProblemException.notFound("Contact " + id));
    }

    @Transactional
    public ContactCard create(ContactChange c) {
        String phone = phone(c.primaryPhone());
        String email = email(c.email());
        if (phone == null && email == null) {
            throw ProblemException.badRequest("contact-not-identifiable", "A contact needs a valid phone number or e-mail address");
        }
        existing(phone, email, null).ifPresent(id -> {
            throw conflict(id);
        });
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO contact_card (id, tenant_id, primary_phone, email, source) VALUES (?, ?, ?, ?, ?)")
                .params(id, TenantContext.require().value(), phone, email,
                        (c.source() == null ? ContactSource.MANUAL : c.source()).wire())
                .update();
        return write(id, c, true);
    }

    @Transactional
    public ContactCard update(UUID id, ContactChange c) {
        ContactCard card = get(id);
        return write(card.id(), c, false);
    }

    private ContactCard write(UUID id, ContactChange c, boolean creating) {
        ContactCard current = jdbc.sql("SELECT * FROM contact_card WHERE tenant_id = ? AND id = ? FOR UPDATE")
                .params(TenantContext.require().value(), id).query(rows).single();
        String phone = c.primaryPhone() == null ? current.primaryPhone() : phone(c.primaryPhone());
        String email = c.email() == null ? current.email() : email(c.email());
        if (phone == null && email == null) {
            throw ProblemException.badRequest("contact-not-identifiable", "A contact needs a valid phone number or e-mail address");
        }
        existing(phone, email, id).ifPresent(other -> {
            throw conflict(other);
        });
        List<String> secondary = c.secondaryPhones() == null ? current.secondaryPhones() : phones(c.secondaryPhones(), phone);
        String first = text(c.firstName(), current.firstName());
        String last = text(c.lastName(), current.lastName());
        String full = text(c.fullName(), current.fullName());
        if (c.fullName() == null && (c.firstName() != null || c.lastName() != null)) {
            full = String.join(" ", java.util.stream.Stream.of(first, last).filter(s -> s != null && !s.isBlank()).toList());
            full = full.isBlank() ? null : full;
        }
        ContactCard.Address a = current.address();
        ContactCard.Address n = c.address() == null ? new ContactCard.Address(null, null, null, null, null, null) : c.address();
        try {
            jdbc.sql("""
                    UPDATE contact_card SET primary_phone = ?, secondary_phones = ?, email = ?, first_name = ?, last_name = ?,
                        full_name = ?, address_line1 = ?, address_line2 = ?, city = ?, state = ?, zip = ?, country = ?,
                        source = ?, property = ?::jsonb, tags = ?, updated_at = now()
                    WHERE tenant_id = ? AND id = ?""")
                    .params(phone, secondary.toArray(String[]::new), email, first, last, full, text(n.line1(), a.line1()),
                            text(n.line2(), a.line2()), text(n.city(), a.city()), text(n.state(), a.state()),
                            text(n.zip(), a.zip()), text(n.country(), a.country()),
                            (c.source() == null ? current.source() : c.source()).wire(),
                            PropertyJson.write(json, c.property() == null ? current.property() : c.property()),
                            (c.tags() == null ? current.ai().tags() : c.tags()).toArray(String[]::new),
                            TenantContext.require().value(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            // a concurrent create took the number between our check and the write
            throw ProblemException.conflict("contact-exists", "Another contact card has this phone number or e-mail");
        }
        return get(id);
    }

    private Optional<UUID> existing(String phone, String email, UUID except) {
        return jdbc.sql("""
                SELECT id FROM contact_card WHERE tenant_id = :t AND merged_into IS NULL AND id IS DISTINCT FROM :x
                  AND ((CAST(:p AS text) IS NOT NULL AND primary_phone = :p) OR (CAST(:e AS text) IS NOT NULL AND email = :e))
                LIMIT 1""")
                .param("t", TenantContext.require().value()).param("x", except).param("p", phone).param("e", email)
                .query(UUID.class).optional();
    }

    private static ProblemException conflict(UUID existing) {
        return new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "contact-exists", "Contact exists",
                "Contact card " + existing + " already has this phone number or e-mail", Map.of("existing_id", existing.toString()));
    }

    private String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return cards.normalisePhone(raw).orElseThrow(() -> ProblemException.badRequest("invalid-phone",
                "'" + raw + "' is not a phone number (region " + cards.region() + " when it has no country code)"));
    }

    private List<String> phones(List<String> raw, String primary) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String r : raw) {
            String p = phone(r);
            if (p != null && !p.equals(primary)) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    private static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ProblemException.badRequest("invalid-email", "'" + raw + "' is not an e-mail address");
        }
        return email;
    }

    /** null keeps the current value, blank clears it. */
    private static String text(String given, String current) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : given.strip();
    }
}

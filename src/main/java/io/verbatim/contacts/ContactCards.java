package io.verbatim.contacts;

import io.verbatim.contacts.internal.ContactCardRows;
import io.verbatim.contacts.internal.PropertyJson;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.TenantSettings;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's contact cards, for other modules. Every method names its tenant and binds it itself; called
 * inside a transaction of the same tenant, it joins that transaction.
 */
@Service
public class ContactCards {

    /** Tenant setting naming the region of phone numbers written without a country code (ISO 3166-1, e.g. US). */
    public static final String REGION_SETTING = "phone_region";
    private final JdbcClient jdbc;
    private final TenantSettings settings;
    private final ContactsProperties properties;
    private final ContactCardRows rows;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public ContactCards(JdbcClient jdbc, TenantSettings settings, ContactsProperties properties, JsonMapper json,
                        PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.properties = properties;
        this.rows = new ContactCardRows(json);
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The card for this phone (else e-mail), created when there is none. Race-free: concurrent calls for the
     * same new number make exactly one card (a unique index decides; the losers read the winner's card).
     *
     * @throws ProblemException (400, contact-not-identifiable) when the hint has no usable phone or e-mail
     */
    public UUID findOrCreate(TenantId tenant, ContactHint hint) {
        return findOrCreateIfIdentifiable(tenant, hint).orElseThrow(() -> ProblemException.badRequest(
                "contact-not-identifiable", "A contact needs a valid phone number or e-mail address"));
    }

    /** As {@link #findOrCreate}, but empty when the hint names no phone or e-mail (a withheld number, say). */
    public Optional<UUID> findOrCreateIfIdentifiable(TenantId tenant, ContactHint hint) {
        return TenantContext.callAs(tenant, () -> transaction.execute(tx -> {
            String phone = normalisePhone(hint.phone()).orElse(null);
            String email = normaliseEmail(hint.email());
            if (phone == null && email == null) {
                return Optional.<UUID>empty();
            }
            return Optional.of(findOrInsert(tenant, phone, email, hint));
        }));
    }

    /** The card, following merges to the card that absorbed it; empty for another tenant's or an unknown id. */
    public Optional<ContactCard> find(TenantId tenant, UUID id) {
        return TenantContext.callAs(tenant, () -> transaction.execute(tx -> {
            UUID current = id;
            for (int hop = 0; hop < 16; hop++) {
                Optional<ContactCard> card = jdbc.sql("SELECT * FROM contact_card WHERE tenant_id = ? AND id = ?")
                        .params(tenant.value(), current).query(rows).optional();
                if (card.isEmpty() || card.get().mergedInto() == null) {
                    return card;
                }
                current = card.get().mergedInto();
            }
            return Optional.<ContactCard>empty();
        }));
    }

    /**
     * Gives a card its address and property details where it has none yet (an import, the demo); what a person has
     * entered is never overwritten.
     */
    public void describe(TenantId tenant, UUID id, ContactCard.Address address, PropertyDetails property) {
        TenantContext.runAs(tenant, () -> transaction.executeWithoutResult(tx -> jdbc.sql("""
                        UPDATE contact_card SET address_line1 = ?, address_line2 = ?, city = ?, state = ?, zip = ?, country = ?,
                            property = ?::jsonb, updated_at = now()
                        WHERE tenant_id = ? AND id = ? AND address_line1 IS NULL AND city IS NULL
                          AND (property IS NULL OR property = '{}'::jsonb)""")
                .params(address.line1(), address.line2(), address.city(), address.state(), address.zip(), address.country(),
                        PropertyJson.write(json, property), tenant.value(), id)
                .update()));
    }

    /** The card a conversation of the current tenant is linked to (the survivor, after a merge), if any. */
    public Optional<UUID> cardOfConversation(UUID conversationId) {
        TenantId tenant = TenantContext.require();
        return transaction.execute(tx -> jdbc.sql("SELECT contact_card_id FROM conversations WHERE tenant_id = ? AND id = ?")
                        .params(tenant.value(), conversationId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                        .optional().flatMap(o -> o))
                .flatMap(id -> find(tenant, id)).map(ContactCard::id);
    }

    /** The live card with this phone (any format) as its primary or a secondary number. */
    public Optional<ContactCard> findByPhone(TenantId tenant, String phone) {
        return TenantContext.callAs(tenant, () -> transaction.execute(tx -> normalisePhone(phone).flatMap(e164 ->
                jdbc.sql("""
                        SELECT c.* FROM contact_phones p JOIN contact_card c ON c.tenant_id = p.tenant_id AND c.id = p.contact_card_id
                        WHERE p.tenant_id = :t AND p.phone = :p ORDER BY p.is_primary DESC LIMIT 1""")
                        .param("t", tenant.value()).param("p", e164).query(rows).optional())));
    }

    /** {@code raw} in E.164, read in the current tenant's region when it has no country code. */
    public Optional<String> normalisePhone(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        // only a number without a country code needs the tenant's region (spares the accept path a read)
        String region = raw.strip().startsWith("+") ? properties.defaultRegion() : region();
        return PhoneNumbers.toE164(raw, region);
    }

    /** The current tenant's phone region. */
    public String region() {
        String region = settings.text(REGION_SETTING);
        return PhoneNumbers.knownRegion(region) ? region.toUpperCase(Locale.ROOT) : properties.defaultRegion();
    }

    static String normaliseEmail(String raw) {
        if (raw == null) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        return email.matches("[^@\\s]+@[^@\\s]+") ? email : null;
    }

    private UUID findOrInsert(TenantId tenant, String phone, String email, ContactHint hint) {
        Names names = Names.split(hint.name());
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<UUID> existing = lookup(tenant, phone, email);
            if (existing.isPresent()) {
                return existing.get();
            }
            UUID id = UUID.randomUUID();
            // ON CONFLICT without a target covers both unique indexes; a conflict waits for the other writer to
            // commit, so the next look-up (a new snapshot under READ COMMITTED) sees its card
            int inserted = jdbc.sql("""
                    INSERT INTO contact_card (id, tenant_id, primary_phone, email, first_name, last_name, full_name, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(id, tenant.value(), phone, email, names.first(), names.last(), names.full(), hint.source().wire())
                    .update();
            if (inserted == 1) {
                return id;
            }
        }
        throw new IllegalStateException("Contact card for " + (phone != null ? "a phone" : "an e-mail") + " kept conflicting");
    }

    private Optional<UUID> lookup(TenantId tenant, String phone, String email) {
        if (phone != null) {
            // contact_phones holds primary and secondary numbers (a merged-away number lives on as a secondary one)
            Optional<UUID> byPhone = jdbc.sql("""
                    SELECT contact_card_id FROM contact_phones WHERE tenant_id = ? AND phone = ?
                    ORDER BY is_primary DESC LIMIT 1""")
                    .params(tenant.value(), phone).query(UUID.class).optional();
            if (byPhone.isPresent()) {
                return byPhone;
            }
        }
        if (email != null) {
            return jdbc.sql("SELECT id FROM contact_card WHERE tenant_id = ? AND email = ? AND merged_into IS NULL")
                    .params(tenant.value(), email).query(UUID.class).optional();
        }
        return Optional.empty();
    }

    /** First and last name from a full name ("Ana María Pérez" -> "Ana María" / "Pérez"). */
    record Names(String first, String last, String full) {
        static Names split(String name) {
            if (name == null || name.isBlank()) {
                return new Names(null, null, null);
            }
            String full = name.strip().replaceAll("\\s+", " ");
            int space = full.lastIndexOf(' ');
            return space < 0 ? new Names(full, null, full) : new Names(full.substring(0, space), full.substring(space + 1), full);
        }
    }
}

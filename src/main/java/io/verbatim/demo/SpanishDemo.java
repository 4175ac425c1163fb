package io.verbatim.demo;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.ingest.ConversationIntake;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.campaigns.Zone;
import io.verbatim.surveys.SurveyScoring;
import io.verbatim.surveys.Surveys;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spanish mystery-shopping demo company {@code tiendas-caribe} (country DO): zones Santo Domingo and Santiago,
 * a survey, an active campaign, a manager, two shoppers and an executive. Its evaluations are built from the bundled
 * mystery-shop calls, sent as transcripts through the same intake and dual analysis as
 * {@code POST /api/v1/evaluations/{id}/transcript}. Rows are written directly because the seed runs without a
 * signed-in user; a restart adds nothing twice.
 */
@Component
public class SpanishDemo {

    static final TenantId CARIBE = new TenantId("tiendas-caribe");
    static final String SURVEY = "Visita a sucursal";
    public static final String CAMPAIGN = "Experiencia en tienda 2026";
    /** Bundled calls (src/main/resources/demo/calls), their zone and shopper, and the shopper's answers. */
    private static final List<Visit> VISITS = List.of(
            new Visit("ms_005", "Santo Domingo", "compradora1@caribe.local",
                    "{\"saludo\":true,\"amabilidad\":5,\"oferta\":\"si\",\"extras\":[\"folleto\"],\"cierre\":true}"),
            new Visit("ms_008", "Santiago", "comprador2@caribe.local",
                    "{\"saludo\":true,\"amabilidad\":3,\"oferta\":\"parcial\",\"extras\":[\"nada\"],\"cierre\":false}"),
            new Visit("ms_003", "Santiago", "compradora1@caribe.local",
                    "{\"saludo\":false,\"amabilidad\":2,\"por_que\":\"No me ofrecieron ayuda al entrar\",\"oferta\":\"no\",\"cierre\":false}"));
    private static final Logger log = LoggerFactory.getLogger(SpanishDemo.class);

    private record Visit(String call, String zone, String shopper, String answers) {
    }

    private final Tenants tenants;
    private final UserProvisioning provisioning;
    private final ConversationIntake intake;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Campaigns campaigns;
    private final Surveys surveys;

    SpanishDemo(Tenants tenants, UserProvisioning provisioning, ConversationIntake intake, JdbcClient jdbc, JsonMapper json,
                PlatformTransactionManager transactions, Campaigns campaigns, Surveys surveys) {
        this.campaigns = campaigns;
        this.surveys = surveys;
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.intake = intake;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The company, its people, zones, survey and campaign; returns the campaign's id. */
    public UUID company(String password) {
        if (tenants.find(CARIBE).isEmpty()) {
            tenants.create(CARIBE, "Tiendas Caribe", StorageMode.SHARED, null);
        }
        provisioning.ensureUser(CARIBE, "admin@caribe.local", "Ana Administradora", password, Role.ADMIN, null, null);
        provisioning.ensureUser(CARIBE, "ejecutiva@caribe.local", "Elena Ejecutiva", password, Role.EXECUTIVE, null, null);
        UUID manager = provisioning.ensureUser(CARIBE, "gerente@caribe.local", "Gabriel Gerente", password, Role.MANAGER, null, null);
        UUID shopper1 = provisioning.ensureUser(CARIBE, "compradora1@caribe.local", "Carla Compradora", password, Role.AGENT,
                AgentKind.SHOPPER, null);
        UUID shopper2 = provisioning.ensureUser(CARIBE, "comprador2@caribe.local", "Carlos Comprador", password, Role.AGENT,
                AgentKind.SHOPPER, null);
        return TenantContext.callAs(CARIBE, () -> transaction.execute(tx -> {
            jdbc.sql("""
                    INSERT INTO company_profiles (tenant_id, email, phone, address, state, country)
                    VALUES (?, 'contacto@caribe.local', '+1 809 555 0100', 'Av. Winston Churchill 25, Santo Domingo', 'DO-01', 'DO')
                    ON CONFLICT (tenant_id) DO NOTHING""").param(CARIBE.value()).update();
            UUID santoDomingo = zone("Santo Domingo", "DO-01", "Santo Domingo", List.of(shopper1, shopper2));
            UUID santiago = zone("Santiago", "DO-25", "Santiago de los Caballeros", List.of(shopper1, shopper2));
            UUID survey = survey();
            return campaign(survey, List.of(santoDomingo, santiago), manager, List.of(shopper1, shopper2));
        }));
    }

    /** The evaluations from the bundled calls, each analysed from its transcript; returns how many were new. */
    public int evaluations(UUID campaign) {
        int added = 0;
        for (Visit visit : VISITS) {
            try {
                added += evaluation(campaign, visit) ? 1 : 0;
            } catch (IOException | RuntimeException e) {
                log.warn("Demo evaluation from {} was not loaded: {}", visit.call(), e.getMessage());
            }
        }
        return added;
    }

    private boolean evaluation(UUID campaign, Visit visit) throws IOException {
        byte[] transcript = new ClassPathResource("demo/calls/" + visit.call() + ".json").getContentAsByteArray();
        JsonNode call = json.readTree(transcript);
        String language = call.path("language").asString("es").substring(0, 2);
        String externalId = "demo-evaluation-" + visit.call();
        UUID evaluation = TenantContext.callAs(CARIBE, () -> transaction.execute(tx -> {
            boolean exists = jdbc.sql("SELECT count(*) FROM evaluation_conversations ec JOIN conversations c ON c.id = ec.conversation_id "
                    + "WHERE c.external_id = ?").param(externalId).query(Integer.class).single() > 0;
            return exists ? null : insertEvaluation(campaign, visit, language);
        }));
        if (evaluation == null) {
            return false;
        }
        var accepted = TenantContext.callAs(CARIBE, () -> intake.accept(
                new IntakeInput.TranscriptFile(transcript, visit.call() + ".json", "verbatim"),
                new IngestMetadata(externalId, "mystery-shopping", "in_person", "field_visit", null, null, null, language, null, null,
                        Map.of("evaluation_id", evaluation.toString()), null, null), null));
        TenantContext.runAs(CARIBE, () -> transaction.executeWithoutResult(tx -> jdbc.sql("""
                INSERT INTO evaluation_conversations (tenant_id, conversation_id, evaluation_id, kind) VALUES (?, ?, ?, 'transcript')
                ON CONFLICT (conversation_id) DO NOTHING""").params(CARIBE.value(), accepted.conversation().id(), evaluation).update()));
        return !accepted.duplicate();
    }

    private UUID insertEvaluation(UUID campaign, Visit visit, String language) {
        UUID survey = jdbc.sql("SELECT survey_id FROM campaigns WHERE id = ?").param(campaign).query(UUID.class).single();
        String definition = jdbc.sql("SELECT definition::text FROM survey_versions WHERE survey_id = ? AND version = 1")
                .param(survey).query(String.class).single();
        JsonNode answers = json.readTree(visit.answers());
        SurveyScoring.Score score = SurveyScoring.score(json.readTree(definition), answers);
        BigDecimal target = jdbc.sql("SELECT target_score FROM campaigns WHERE id = ?").param(campaign).query(BigDecimal.class).single();
        boolean passed = !score.criticalFailed() && score.score() != null && score.score().compareTo(target) >= 0;
        UUID zone = jdbc.sql("SELECT id FROM zones WHERE name = ?").param(visit.zone()).query(UUID.class).single();
        UUID shopper = jdbc.sql("SELECT id FROM users WHERE lower(email) = ?").param(visit.shopper()).query(UUID.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO shopper_evaluations (id, tenant_id, campaign_id, zone_id, shopper_id, survey_id, survey_version, answers,
                    score, passed, critical_failed, status, status_reason, language, check_in_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?::jsonb, ?, ?, ?, 'analyzing', 'analysing the transcript', ?, ?)""")
                .params(id, CARIBE.value(), campaign, zone, shopper, survey, visit.answers(), score.score(), passed,
                        score.criticalFailed(), language, Timestamp.from(DemoConversations.recent(visit.call(), null)))
                .update();
        return id;
    }

    /** Through the campaigns module, as an admin would make it, with its people; an existing zone is kept as it is. */
    private UUID zone(String name, String state, String city, List<UUID> people) {
        return campaigns.zones().stream().filter(z -> z.name().equals(name)).findFirst().map(Zone::id).orElseGet(() -> {
            UUID id = campaigns.createZone(name, "DO", state, city).id();
            campaigns.assignToZone(id, people);
            return id;
        });
    }

    /** Through the surveys module (validated against the schema as any survey); an existing one of that name is kept. */
    private UUID survey() {
        return surveys.named(SURVEY).orElseGet(() -> {
            try {
                return surveys.create(SURVEY, json.readTree(new ClassPathResource("demo/shopping/visita-sucursal.survey.json")
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).surveyId();
    }

    private UUID campaign(UUID survey, List<UUID> zones, UUID manager, List<UUID> shoppers) {
        var existing = jdbc.sql("SELECT id FROM campaigns WHERE name = ?").param(CAMPAIGN).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        jdbc.sql("""
                INSERT INTO campaigns (id, tenant_id, name, description, status, survey_id, start_date, end_date, goal_total,
                    goal_per_zone, target_score) VALUES (?, ?, ?, ?, 'active', ?, ?, ?, 20, 10, 70)""")
                .params(id, CARIBE.value(), CAMPAIGN, "Visitas de cliente incógnito a las tiendas de Santo Domingo y Santiago",
                        survey, today.minus(30, ChronoUnit.DAYS), today.plus(60, ChronoUnit.DAYS)).update();
        for (UUID zone : zones) {
            jdbc.sql("INSERT INTO campaign_zones (tenant_id, campaign_id, zone_id) VALUES (?, ?, ?)").params(CARIBE.value(), id, zone).update();
        }
        jdbc.sql("INSERT INTO campaign_members (tenant_id, campaign_id, user_id, role) VALUES (?, ?, ?, 'manager')")
                .params(CARIBE.value(), id, manager).update();
        for (UUID shopper : shoppers) {
            jdbc.sql("INSERT INTO campaign_members (tenant_id, campaign_id, user_id, role) VALUES (?, ?, ?, 'shopper')")
                    .params(CARIBE.value(), id, shopper).update();
        }
        return id;
    }
}

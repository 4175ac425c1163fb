package io.verbatim.demo;

import io.verbatim.billing.CompanyProfile;
import io.verbatim.billing.CompanyProfiles;
import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.CampaignDraft;
import io.verbatim.campaigns.CampaignStatus;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.campaigns.Zone;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.identity.Users;
import io.verbatim.shopping.SeededVisit;
import io.verbatim.shopping.SystemEvaluations;
import io.verbatim.surveys.Surveys;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spanish mystery-shopping demo company {@code tiendas-caribe} (country DO): zones Santo Domingo and Santiago,
 * a survey, an active campaign, a manager, two shoppers and an executive. Its evaluations are built from the bundled
 * mystery-shop calls, sent as transcripts through the same intake and dual analysis as
 * {@code POST /api/v1/evaluations/{id}/transcript}. Everything goes through the modules' services (the system-level
 * ones, {@link CompanyProfiles}, {@link Campaigns#ensureCampaign}, {@link SystemEvaluations}, name the tenant: the seed
 * runs without a signed-in user), so it is checked, scored and audited as through the API; a restart adds nothing twice.
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
    private final Users users;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Campaigns campaigns;
    private final Surveys surveys;
    private final CompanyProfiles profiles;
    private final SystemEvaluations evaluations;

    SpanishDemo(Tenants tenants, UserProvisioning provisioning, Users users, JsonMapper json, PlatformTransactionManager transactions,
                Campaigns campaigns, Surveys surveys, CompanyProfiles profiles, SystemEvaluations evaluations) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.users = users;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.campaigns = campaigns;
        this.surveys = surveys;
        this.profiles = profiles;
        this.evaluations = evaluations;
    }

    /** The company, its people, zones, survey and campaign; returns the campaign's id. */
    public UUID company(String password) {
        if (tenants.find(CARIBE).isEmpty()) {
            tenants.create(CARIBE, "Tiendas Caribe", StorageMode.SHARED, null);
        }
        profiles.ensureProfile(CARIBE, new CompanyProfile("contacto@caribe.local", "+1 809 555 0100",
                "Av. Winston Churchill 25, Santo Domingo", "DO-01", "DO"));
        provisioning.ensureUser(CARIBE, "admin@caribe.local", "Ana Administradora", password, Role.ADMIN, null, null);
        provisioning.ensureUser(CARIBE, "ejecutiva@caribe.local", "Elena Ejecutiva", password, Role.EXECUTIVE, null, null);
        UUID manager = provisioning.ensureUser(CARIBE, "gerente@caribe.local", "Gabriel Gerente", password, Role.MANAGER, null, null);
        UUID shopper1 = provisioning.ensureUser(CARIBE, "compradora1@caribe.local", "Carla Compradora", password, Role.AGENT,
                AgentKind.SHOPPER, null);
        UUID shopper2 = provisioning.ensureUser(CARIBE, "comprador2@caribe.local", "Carlos Comprador", password, Role.AGENT,
                AgentKind.SHOPPER, null);
        List<UUID> shoppers = List.of(shopper1, shopper2);
        record Setup(List<UUID> zones, UUID survey) {
        }
        Setup setup = TenantContext.callAs(CARIBE, () -> transaction.execute(tx -> new Setup(
                List.of(zone("Santo Domingo", "DO-01", "Santo Domingo", shoppers),
                        zone("Santiago", "DO-25", "Santiago de los Caballeros", shoppers)), survey())));
        LocalDate today = LocalDate.now();
        return campaigns.ensureCampaign(CARIBE, new CampaignDraft(CAMPAIGN,
                "Visitas de cliente incógnito a las tiendas de Santo Domingo y Santiago", CampaignStatus.ACTIVE, setup.survey(),
                today.minusDays(30), today.plusDays(60), setup.zones(), shoppers, List.of(manager),
                new Campaign.Goals(20, 10, BigDecimal.valueOf(70)))).id();
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

    /** Through the shopping module, as the shopper's submission and transcript upload would make it. */
    private boolean evaluation(UUID campaign, Visit visit) throws IOException {
        byte[] transcript = new ClassPathResource("demo/calls/" + visit.call() + ".json").getContentAsByteArray();
        String language = json.readTree(transcript).path("language").asString("es").substring(0, 2);
        UUID zone = TenantContext.callAs(CARIBE, () -> campaigns.zones().stream().filter(z -> z.name().equals(visit.zone()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no zone " + visit.zone())).id());
        UUID shopper = TenantContext.callAs(CARIBE, () -> users.findByEmail(visit.shopper())
                .orElseThrow(() -> new IllegalStateException("no shopper " + visit.shopper())).id());
        return evaluations.recordWithTranscript(CARIBE, new SeededVisit("demo-evaluation-" + visit.call(), campaign, zone, shopper,
                json.readTree(visit.answers()), DemoConversations.recent(visit.call(), null), language, transcript,
                visit.call() + ".json")).isPresent();
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
}

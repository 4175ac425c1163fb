package io.verbatim.demo;

import io.verbatim.adaptation.SpeechVocabulary;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.IdentityProperties;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the embedded default the first start creates {@code demo-tenant} ("Demo Company") with one user
 * per role, a second tenant {@code acme}, and the platform admin, all with the demo password.
 * Runs at every start and changes nothing that already exists.
 */
@Component
@Order(10)
class DemoSeed implements ApplicationRunner {

    static final TenantId DEMO = new TenantId("demo-tenant");
    static final TenantId ACME = new TenantId("acme");
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final DemoProperties demo;
    private final PlatformProperties platform;
    private final IdentityProperties identity;
    private final Tenants tenants;
    private final UserProvisioning provisioning;
    private final DemoConversations conversations;
    private final SpanishDemo spanish;
    private final SpeechVocabulary vocabulary;
    /** What the businesses of the bundled recordings would enter: their names and their agents'. */
    static final List<SpeechVocabulary.Phrase> DEMO_VOCABULARY = List.of(
            new SpeechVocabulary.Phrase("ComfortPro Heating and Air", List.of("comfort pro heating and air")),
            new SpeechVocabulary.Phrase("Tyler Nguyen", List.of()),
            new SpeechVocabulary.Phrase("BrightPath Solar", List.of("bright path solar")),
            new SpeechVocabulary.Phrase("Kyle Brennan", List.of()),
            new SpeechVocabulary.Phrase("Harbor Federal Bank", List.of()),
            new SpeechVocabulary.Phrase("Priya Raman", List.of("pria raman")),
            new SpeechVocabulary.Phrase("Clearview Dermatology", List.of("clear view dermatology")),
            new SpeechVocabulary.Phrase("Clara", List.of()));

    DemoSeed(DemoProperties demo, PlatformProperties platform, IdentityProperties identity, Tenants tenants,
             UserProvisioning provisioning, DemoConversations conversations, SpanishDemo spanish, SpeechVocabulary vocabulary) {
        this.spanish = spanish;
        this.vocabulary = vocabulary;
        this.conversations = conversations;
        this.demo = demo;
        this.platform = platform;
        this.identity = identity;
        this.tenants = tenants;
        this.provisioning = provisioning;
    }

    boolean enabled() {
        return demo.enabled() != null ? demo.enabled() : platform.db().embedded();
    }

    /** A tenant an operator has since renamed is left as it is. */
    private void ensureTenant(TenantId id, String name) {
        if (tenants.find(id).isEmpty()) {
            tenants.create(id, name, StorageMode.SHARED, null);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        String password = demo.passwordOrDefault();
        TenantId operator = new TenantId(identity.operatorTenant());
        ensureTenant(operator, "Verbatim Operator");
        provisioning.ensureUser(operator, "root@verbatim.local", "Platform Admin", password, Role.PLATFORM_ADMIN, null, null);

        ensureTenant(DEMO, "Demo Company");
        UUID support = provisioning.ensureTeam(DEMO, "Customer Care");
        UUID sales = provisioning.ensureTeam(DEMO, "Field Sales");
        provisioning.ensureUser(DEMO, "admin@demo.local", "Dana Admin", password, Role.ADMIN, null, null);
        provisioning.ensureUser(DEMO, "manager@demo.local", "Morgan Manager", password, Role.MANAGER, null, support);
        provisioning.ensureUser(DEMO, "exec@demo.local", "Evelyn Exec", password, Role.EXECUTIVE, null, null);
        provisioning.ensureUser(DEMO, "csr1@demo.local", "Casey CSR", password, Role.AGENT, AgentKind.CSR, support);
        provisioning.ensureUser(DEMO, "csr2@demo.local", "Chris CSR", password, Role.AGENT, AgentKind.CSR, support);
        provisioning.ensureUser(DEMO, "rep1@demo.local", "Riley Rep", password, Role.AGENT, AgentKind.SALES_REP, sales);

        ensureTenant(ACME, "Acme Corp");
        provisioning.ensureUser(ACME, "admin@acme.local", "Alex Acme", password, Role.ADMIN, null, null);
        UUID caribe = spanish.company(password);
        if (demo.conversations()) {
            spanish.evaluations(caribe);
            // Transcripts first, so the vocabulary's language model learns from them before the recordings are decoded.
            int added = conversations.load(false);
            if (vocabulary.seed(DEMO, DEMO_VOCABULARY)) {
                log.info("Demo mode: demo-tenant's speech vocabulary set and its language model built");
            }
            added += conversations.loadRecordings();
            if (added > 0) {
                log.info("Demo mode: {} bundled conversations accepted; recordings are being transcribed in the background", added);
            }
        }
        log.info("Demo mode: tenants demo-tenant and acme are ready; sign in as admin@demo.local / {}",
                demo.password() == null ? "verbatim-demo" : "<configured password>");
    }
}

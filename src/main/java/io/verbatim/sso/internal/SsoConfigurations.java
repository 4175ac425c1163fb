package io.verbatim.sso.internal;

import io.verbatim.credentials.Credentials;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Admins set, replace and remove their tenant's identity provider. A configuration is only saved once the
 * issuer's discovery document says the provider can sign users in; the client secret is sealed at once.
 */
@Service
class SsoConfigurations {

    /** Binds the sealed secret to its purpose (and, through the credentials module, to the tenant). */
    static final String SECRET_CONTEXT = "sso:client-secret";
    private static final Pattern DOMAIN = Pattern.compile("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final int MAX_DOMAINS = 50;

    private final SsoSettingsStore store;
    private final Discovery discovery;
    private final Credentials credentials;
    private final AuditLog audit;

    SsoConfigurations(SsoSettingsStore store, Discovery discovery, Credentials credentials, AuditLog audit) {
        this.store = store;
        this.discovery = discovery;
        this.credentials = credentials;
        this.audit = audit;
    }

    /** What an admin sends; {@code clientSecret} may be left out to keep the stored one. */
    record Change(String preset, String issuer, String clientId, String clientSecret, Boolean allowUserCreation,
                  String defaultRole, String defaultAgentKind, List<String> emailDomains) {
    }

    record Saved(SsoSettings settings, boolean created) {
    }

    Optional<SsoSettings> find() {
        return store.find();
    }

    Saved put(Change change) {
        if (change == null) {
            throw ProblemException.badRequest("validation", "The body must be a JSON object");
        }
        SsoPreset preset = SsoPreset.fromWire(change.preset() == null ? "" : change.preset().strip());
        String issuer = preset.issuer(change.issuer());
        String clientId = require(change.clientId(), "client_id", 255);
        Role role = change.defaultRole() == null || change.defaultRole().isBlank() ? Role.AGENT : Role.fromWire(change.defaultRole());
        if (role.administers()) {
            throw ProblemException.badRequest("sso-invalid-role",
                    "Accounts created by single sign-on cannot be admins; use manager, executive or agent, and promote later");
        }
        AgentKind kind = role != Role.AGENT ? null
                : change.defaultAgentKind() == null || change.defaultAgentKind().isBlank() ? AgentKind.CSR
                : AgentKind.fromWire(change.defaultAgentKind());
        List<String> domains = domains(change.emailDomains());
        boolean allowCreation = Boolean.TRUE.equals(change.allowUserCreation());
        if (allowCreation && domains.isEmpty()) {
            // Google's issuer signs in every Google user: creation is only ever for the tenant's own domains.
            throw ProblemException.badRequest("sso-domains-required",
                    "allow_user_creation needs at least one e-mail domain: accounts are only created for those domains");
        }
        Optional<SsoSettings> current = store.find();
        String secret = change.clientSecret();
        String sealed;
        if (secret != null && !secret.isEmpty()) {
            if (secret.length() > 4096) {
                throw ProblemException.badRequest("validation", "client_secret is at most 4096 characters");
            }
            sealed = credentials.seal(SECRET_CONTEXT, secret.getBytes(StandardCharsets.UTF_8));
        } else if (current.isPresent()) {
            sealed = current.get().clientSecretSealed();
        } else {
            throw ProblemException.badRequest("validation", "client_secret is required");
        }
        Discovery.Endpoints endpoints = discovery.discover(issuer);
        SsoSettings settings = new SsoSettings(TenantContext.require(), preset, issuer, clientId, sealed, endpoints,
                allowCreation, role, kind, domains, null, null);
        boolean created;
        try {
            created = store.save(settings);
        } catch (DuplicateKeyException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "sso-domain-taken", "Domain taken",
                    "One of these e-mail domains already routes to another organisation's single sign-on");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("preset", preset.wire());
        detail.put("issuer", issuer);
        detail.put("client_id", clientId);
        detail.put("allow_user_creation", allowCreation);
        detail.put("default_role", role.wire());
        detail.put("email_domains", domains);
        detail.put("secret_changed", secret != null && !secret.isEmpty());
        audit.record(created ? "sso.configured" : "sso.updated", "sso", issuer, detail);
        return new Saved(store.find().orElseThrow(), created);
    }

    boolean delete() {
        Optional<SsoSettings> current = store.find();
        if (current.isEmpty() || !store.delete()) {
            return false;
        }
        audit.record("sso.deleted", "sso", current.get().issuer(), Map.of("client_id", current.get().clientId()));
        return true;
    }

    private static String require(String value, String field, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw ProblemException.badRequest("validation", field + " is required (at most " + max + " characters)");
        }
        return value.strip();
    }

    private static List<String> domains(List<String> given) {
        List<String> domains = new ArrayList<>();
        if (given == null) {
            return domains;
        }
        for (String raw : given) {
            String domain = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
            if (!DOMAIN.matcher(domain).matches()) {
                throw ProblemException.badRequest("validation", "'" + raw + "' is not an e-mail domain");
            }
            if (!domains.contains(domain)) {
                domains.add(domain);
            }
        }
        if (domains.size() > MAX_DOMAINS) {
            throw ProblemException.badRequest("validation", "At most " + MAX_DOMAINS + " e-mail domains");
        }
        return domains;
    }
}

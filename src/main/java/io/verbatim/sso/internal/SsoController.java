package io.verbatim.sso.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.sso.SsoProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The tenant's single sign-on configuration, for its admins; the client secret is write-only. */
@RestController
@RequestMapping("/api/v1/sso")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class SsoController {

    private final SsoConfigurations configurations;
    private final SsoProperties properties;

    SsoController(SsoConfigurations configurations, SsoProperties properties) {
        this.configurations = configurations;
        this.properties = properties;
    }

    /**
     * @param clientSecretSet always true: a secret is stored, and it is never shown
     * @param redirectUri     to register with the provider as the client's redirect URI
     * @param signInUrl       a link that starts this tenant's single sign-on directly
     */
    record SsoView(String preset, String issuer, String clientId, boolean clientSecretSet, boolean allowUserCreation,
                   Role defaultRole, AgentKind defaultAgentKind, List<String> emailDomains, String redirectUri,
                   String signInUrl, Discovery.Endpoints provider, Instant createdAt, Instant updatedAt) {
    }

    @GetMapping
    SsoView get() {
        return configurations.find().map(s -> view(s, properties))
                .orElseThrow(() -> ProblemException.notFound("Single sign-on configuration"));
    }

    /** Creates (201) or replaces (200) the configuration after checking the issuer's discovery document. */
    @PutMapping
    ResponseEntity<SsoView> put(@RequestBody SsoConfigurations.Change change) {
        SsoConfigurations.Saved saved = configurations.put(change);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(saved.settings(), properties));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete() {
        if (!configurations.delete()) {
            throw ProblemException.notFound("Single sign-on configuration");
        }
    }

    /** Where users reach Verbatim: the configured public address, else this request's. */
    static String base(SsoProperties properties) {
        return properties.publicBaseUrl() == null || properties.publicBaseUrl().isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : properties.redirectBase();
    }

    static SsoView view(SsoSettings s, SsoProperties properties) {
        String base = base(properties);
        return new SsoView(s.preset().wire(), s.issuer(), s.clientId(), true, s.allowUserCreation(), s.defaultRole(),
                s.defaultAgentKind(), s.emailDomains(), base + SsoSecurityConfiguration.CALLBACK + s.tenant().value(),
                base + SsoSecurityConfiguration.AUTHORIZE + s.tenant().value(), s.endpoints(), s.createdAt(), s.updatedAt());
    }
}

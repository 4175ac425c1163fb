package io.verbatim.identity.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.AuthMethod;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in for API clients: password, the TOTP second step, and refresh-token rotation. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final LoginService logins;
    private final SignIns signIns;

    AuthController(LoginService logins, SignIns signIns) {
        this.logins = logins;
        this.signIns = signIns;
    }

    record LoginRequest(@NotBlank String email, @NotBlank String password, String tenant) {
    }

    record MfaRequest(@NotBlank String challenge, @NotBlank String code) {
    }

    record RefreshRequest(@NotBlank String refreshToken) {
    }

    /**
     * Either tokens ({@code mfa_required: false}) or, for a user with an authenticator, {@code mfa_required: true}
     * and a challenge to complete at {@code POST /api/v1/auth/mfa}. {@code mfa_enrolment_required}: the tenant
     * requires a second factor this user has not set up; until they do, only enrolment is open to them.
     */
    record TokenResponse(String accessToken, String tokenType, Long expiresIn, String refreshToken, Long refreshExpiresIn,
                         UUID sessionId, boolean mfaRequired, String challenge, Long challengeExpiresIn,
                         Boolean mfaEnrolmentRequired) {

        static TokenResponse of(SignIns.Started s, Boolean enrolmentRequired) {
            return new TokenResponse(s.access().token(), "bearer", s.access().expiresIn(), s.refreshToken(),
                    s.refreshExpiresIn(), s.sessionId(), false, null, null, enrolmentRequired);
        }
    }

    record Me(UUID userId, UUID apiKeyId, String email, String name, Role role, AgentKind agentKind, UUID teamId,
              String tenantId, String tenantName, String homeTenantId, AuthMethod authMethod, UUID sessionId,
              List<String> factors) {
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        LoginService.Outcome outcome = logins.login(body.email(), body.password(), body.tenant(), userAgent(request),
                request.getRemoteAddr());
        return switch (outcome) {
            case LoginService.SignedIn s -> TokenResponse.of(s.session(), s.mfaEnrolmentRequired());
            case LoginService.SecondStep step -> new TokenResponse(null, null, null, null, null, null, true, step.challenge(),
                    step.expiresIn(), null);
        };
    }

    @PostMapping("/mfa")
    TokenResponse completeMfa(@Valid @RequestBody MfaRequest body, HttpServletRequest request) {
        LoginService.SignedIn s = logins.completeMfa(body.challenge(), body.code(), userAgent(request), request.getRemoteAddr());
        return TokenResponse.of(s.session(), null);
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        return TokenResponse.of(signIns.refresh(body.refreshToken(), request.getRemoteAddr()), null);
    }

    @GetMapping("/me")
    Me me() {
        CurrentUser u = CurrentUser.require();
        UUID session = null;
        List<String> factors = List.of();
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller) {
            session = caller.sessionId();
            factors = caller.getAuthorities().stream().map(a -> a.getAuthority())
                    .filter(a -> a.startsWith("FACTOR_")).toList();
        }
        return new Me(u.userId(), u.apiKeyId(), u.email(), u.name(), u.role(), u.agentKind(), u.teamId(),
                u.tenant().value(), u.tenantName(), u.homeTenant().value(), u.method(), session, factors);
    }

    static String userAgent(HttpServletRequest request) {
        return request.getHeader("User-Agent");
    }
}

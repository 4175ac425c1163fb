package io.verbatim.identity.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's authenticator (enrol, confirm, disable), the tenant's MFA policy, and an admin's reset. */
@RestController
class MfaController {

    private final TotpAuthenticators authenticators;
    private final MfaPolicy policy;
    private final Sessions sessions;
    private final SignIns signIns;
    private final SessionCookie cookies;

    MfaController(TotpAuthenticators authenticators, MfaPolicy policy, Sessions sessions, SignIns signIns,
                  SessionCookie cookies) {
        this.authenticators = authenticators;
        this.policy = policy;
        this.sessions = sessions;
        this.signIns = signIns;
        this.cookies = cookies;
    }

    record CodeRequest(@NotBlank String code) {
    }

    record PolicyBody(@NotNull MfaPolicy.Requirement required) {
    }

    /**
     * The recovery codes (shown only here) and, when the caller signed in with a session, fresh tokens for it
     * that carry the TOTP factor (a web session gets them as cookies).
     */
    record Confirmed(boolean enrolled, List<String> recoveryCodes, String accessToken, String tokenType, Long expiresIn,
                     String refreshToken, Long refreshExpiresIn) {
    }

    @GetMapping("/api/v1/auth/mfa/totp")
    TotpAuthenticators.Status status() {
        return authenticators.status(CurrentUser.require());
    }

    @PostMapping("/api/v1/auth/mfa/totp")
    TotpAuthenticators.Enrolment begin() {
        return authenticators.begin(CurrentUser.require());
    }

    @PostMapping("/api/v1/auth/mfa/totp/confirm")
    Confirmed confirm(@Valid @RequestBody CodeRequest body, HttpServletRequest request, HttpServletResponse response) {
        CurrentUser me = CurrentUser.require();
        List<String> codes = authenticators.confirm(me, body.code(), request.getRemoteAddr());
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller)
                || caller.sessionId() == null) {
            return new Confirmed(true, codes, null, null, null, null, null);
        }
        TenantContext.runAs(me.homeTenant(), () -> sessions.addFactor(caller.sessionId(), Factor.TOTP));
        SignIns.Started renewed = signIns.reissue(me.homeTenant(), caller.sessionId());
        if (CallerTokenResolver.fromCookie(request)) {
            cookies.set(response, renewed);
        }
        return new Confirmed(true, codes, renewed.access().token(), "bearer", renewed.access().expiresIn(),
                renewed.refreshToken(), renewed.refreshExpiresIn());
    }

    @PostMapping("/api/v1/auth/mfa/totp/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@Valid @RequestBody CodeRequest body, HttpServletRequest request) {
        authenticators.disable(CurrentUser.require(), body.code(), request.getRemoteAddr());
    }

    @GetMapping("/api/v1/auth/mfa/policy")
    PolicyBody policy() {
        return new PolicyBody(policy.current());
    }

    @PutMapping("/api/v1/auth/mfa/policy")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    PolicyBody changePolicy(@Valid @RequestBody PolicyBody body) {
        return new PolicyBody(policy.change(body.required()));
    }

    @DeleteMapping("/api/v1/users/{userId}/mfa")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    void reset(@PathVariable UUID userId) {
        authenticators.reset(userId);
    }
}

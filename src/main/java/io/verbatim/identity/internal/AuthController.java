package io.verbatim.identity.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.AuthMethod;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final LoginService logins;

    AuthController(LoginService logins) {
        this.logins = logins;
    }

    record LoginRequest(@NotBlank String email, @NotBlank String password, String tenant) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    record Me(UUID userId, UUID apiKeyId, String email, String name, Role role, AgentKind agentKind, UUID teamId,
              String tenantId, String tenantName, String homeTenantId, AuthMethod authMethod) {
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        LoginService.SignedIn signedIn = logins.login(body.email(), body.password(), body.tenant(), request.getRemoteAddr());
        return new TokenResponse(signedIn.token().token(), "bearer", signedIn.token().expiresIn());
    }

    @GetMapping("/me")
    Me me() {
        CurrentUser u = CurrentUser.require();
        return new Me(u.userId(), u.apiKeyId(), u.email(), u.name(), u.role(), u.agentKind(), u.teamId(),
                u.tenant().value(), u.tenantName(), u.homeTenant().value(), u.method());
    }
}

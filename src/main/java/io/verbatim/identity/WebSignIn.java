package io.verbatim.identity;

import io.verbatim.tenancy.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;

/**
 * Starts a web UI session for a user whom another module has already authenticated (single sign-on),
 * exactly as the password sign-in does. The caller has checked that the user and tenant are active.
 */
public interface WebSignIn {

    /**
     * Records the sign-in time, starts a session (device and address from {@code request}) and writes its
     * cookies onto {@code response}.
     */
    void signIn(TenantId tenant, UUID userId, AuthMethod method, HttpServletRequest request, HttpServletResponse response);
}

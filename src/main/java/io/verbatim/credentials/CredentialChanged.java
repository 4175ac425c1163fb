package io.verbatim.credentials;

import io.verbatim.tenancy.TenantId;

/**
 * A tenant's credential was created, replaced, patched or deleted, or all of them were re-encrypted
 * ({@code name} null). Published inside the changing transaction, so a listener that keeps decrypted
 * copies (the webhook verifiers' short-lived cache) drops them once the change is committed.
 */
public record CredentialChanged(TenantId tenantId, String name) {

    public boolean affects(String credentialName) {
        return name == null || name.equals(credentialName);
    }
}

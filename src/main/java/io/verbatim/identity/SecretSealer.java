package io.verbatim.identity;

/**
 * Encrypts identity's own recoverable secrets (TOTP seeds) under the current tenant's data key. The
 * credentials module implements it: it owns the key hierarchy, and depends on identity, not the reverse.
 */
public interface SecretSealer {

    /** Ciphertext bound to the current tenant and {@code context}; safe to store in a tenant row. */
    String seal(String context, byte[] plaintext);

    /** The plaintext of {@link #seal}; fails when the tenant or context differ. */
    byte[] open(String context, String sealed);
}

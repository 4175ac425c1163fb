package io.verbatim.credentials.internal;

import io.verbatim.credentials.Credentials;
import io.verbatim.identity.SecretSealer;
import org.springframework.stereotype.Component;

/** Lends identity the tenant's envelope encryption (one key store for every secret at rest). */
@Component
class IdentitySecretSealer implements SecretSealer {

    private final Credentials credentials;

    IdentitySecretSealer(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public String seal(String context, byte[] plaintext) {
        return credentials.seal(context, plaintext);
    }

    @Override
    public byte[] open(String context, String sealed) {
        return credentials.open(context, sealed);
    }
}

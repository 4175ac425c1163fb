package io.verbatim.credentials;

import java.time.Instant;
import java.util.Map;

/** A credential as the API shows it: its name and masked fields, never the values. */
public record CredentialView(String name, Map<String, String> fields, int keyVersion, Instant createdAt, Instant updatedAt) {
}

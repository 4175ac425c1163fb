package io.verbatim.credentials;

import io.verbatim.platform.ProblemException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;

/**
 * The decrypted fields of one credential. Its {@link #toString()} names the fields only, so logging one
 * by mistake leaks nothing.
 */
public final class CredentialFields {

    /** Fields that are configuration, not secrets: returned in full by the API. Everything else is masked. */
    private static final Set<String> PLAIN = Set.of("base_url", "token_path", "recordings_path", "recording_download_path",
            "auth", "grant_type", "client_auth", "scope", "webhook_url", "signature_header", "timestamp_header",
            "algorithm", "signature_encoding", "signature_prefix", "include_timestamp", "api_key_header", "recording_format",
            "left_channel", "account_sid");
    private static final String MASK = "****";

    private final String name;
    private final Map<String, String> fields;

    public CredentialFields(String name, Map<String, String> fields) {
        this.name = name;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String name() {
        return name;
    }

    public Optional<String> get(String field) {
        String value = fields.get(field);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String getOrDefault(String field, String fallback) {
        return get(field).orElse(fallback);
    }

    /** The field, or a problem naming the missing field (never a value). */
    public String require(String field) {
        return get(field).orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "credential-incomplete",
                "Credential incomplete", "Credential '" + name + "' has no field '" + field + "'"));
    }

    public Set<String> names() {
        return fields.keySet();
    }

    /** Every field, for re-encryption and merging (never send this to a client). */
    public Map<String, String> values() {
        return fields;
    }

    /** The fields as an API may show them: configuration in full, secrets as {@code ****} plus at most the last 4 characters. */
    public Map<String, String> masked() {
        Map<String, String> masked = new TreeMap<>();
        fields.forEach((k, v) -> masked.put(k, mask(k, v)));
        return masked;
    }

    static String mask(String field, String value) {
        if (PLAIN.contains(field) || field.endsWith("_path") || field.endsWith("_url")) {
            return value;
        }
        return value.length() >= 20 ? MASK + value.substring(value.length() - 4) : MASK;
    }

    @Override
    public String toString() {
        return "CredentialFields[" + name + ": " + fields.keySet() + "]";
    }
}

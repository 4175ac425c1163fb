package io.verbatim.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A tenant's slug id ({@code demo-tenant}): lower-case letters, digits and dashes, 3 to 63 characters. */
public record TenantId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]");

    public TenantId {
        if (value == null || !SLUG.matcher(value).matches() || value.contains("--")) {
            throw new InvalidTenantIdException(value);
        }
    }

    @JsonCreator
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    public static boolean isValid(String value) {
        return value != null && SLUG.matcher(value).matches() && !value.contains("--");
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

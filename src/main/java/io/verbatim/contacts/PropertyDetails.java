package io.verbatim.contacts;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The property a home-services contact owns (stored as the card's {@code property} jsonb). {@code extras}
 * holds anything else a tenant records (free-form).
 */
public record PropertyDetails(String propertyType, String roofType, Integer squareFeet, BigDecimal valuation, Boolean hoa,
                              Integer bedrooms, BigDecimal bathrooms, Integer yearBuilt, Map<String, Object> extras) {

    public static PropertyDetails empty() {
        return new PropertyDetails(null, null, null, null, null, null, null, null, Map.of());
    }
}

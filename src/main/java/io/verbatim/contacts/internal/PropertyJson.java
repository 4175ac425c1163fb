package io.verbatim.contacts.internal;

import io.verbatim.contacts.PropertyDetails;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The card's {@code property} jsonb: the known keys flat, anything else kept as a free-form extra. */
public final class PropertyJson {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final Set<String> KNOWN = Set.of("property_type", "roof_type", "square_feet", "valuation", "hoa",
            "bedrooms", "bathrooms", "year_built");

    private PropertyJson() {
    }

    public static PropertyDetails read(JsonMapper json, String text) {
        Map<String, Object> m = text == null ? Map.of() : json.readValue(text, MAP);
        Map<String, Object> extras = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!KNOWN.contains(k)) {
                extras.put(k, v);
            }
        });
        return new PropertyDetails(str(m.get("property_type")), str(m.get("roof_type")), integer(m.get("square_feet")),
                decimal(m.get("valuation")), m.get("hoa") instanceof Boolean b ? b : null, integer(m.get("bedrooms")),
                decimal(m.get("bathrooms")), integer(m.get("year_built")), extras);
    }

    public static String write(JsonMapper json, PropertyDetails p) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (p != null) {
            if (p.extras() != null) {
                p.extras().forEach((k, v) -> {
                    if (!KNOWN.contains(k) && v != null) {
                        m.put(k, v);
                    }
                });
            }
            put(m, "property_type", p.propertyType());
            put(m, "roof_type", p.roofType());
            put(m, "square_feet", p.squareFeet());
            put(m, "valuation", p.valuation());
            put(m, "hoa", p.hoa());
            put(m, "bedrooms", p.bedrooms());
            put(m, "bathrooms", p.bathrooms());
            put(m, "year_built", p.yearBuilt());
        }
        return json.writeValueAsString(m);
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String str(Object v) {
        return v == null ? null : v.toString();
    }

    private static Integer integer(Object v) {
        return v instanceof Number n ? n.intValue() : null;
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}

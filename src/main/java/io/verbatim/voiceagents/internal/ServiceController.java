package io.verbatim.voiceagents.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's services catalogue. Everyone in the tenant reads it (agents book from it); admins add,
 * change and retire services (retired = {@code active: false}: kept for the bookings that name them).
 */
@RestController
@RequestMapping("/api/v1/services")
class ServiceController {

    private final ServiceCatalogue catalogue;
    private final AuditLog audit;

    ServiceController(ServiceCatalogue catalogue, AuditLog audit) {
        this.catalogue = catalogue;
        this.audit = audit;
    }

    @GetMapping
    Page<Service> list(@RequestParam(name = "active", required = false) Boolean activeOnly) {
        return new Page<>(catalogue.list(Boolean.TRUE.equals(activeOnly)), null);
    }

    @GetMapping("/{id}")
    Service get(@PathVariable UUID id) {
        return catalogue.find(id).orElseThrow(() -> ProblemException.notFound("Service " + id));
    }

    /** {@code {"name", "duration_minutes", "price", "currency"?, "active"?, "synonyms"?}}; Idempotency-Key makes a retry return the first. */
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    ResponseEntity<Service> create(@RequestBody JsonNode body,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String name = name(body, true);
        Integer minutes = minutes(body, true);
        BigDecimal price = price(body, true);
        String currency = currency(body);
        Boolean active = bool(body, "active");
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 255) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be at most 255 characters");
        }
        ServiceCatalogue.Created created = catalogue.create(name, minutes, price, currency == null ? "USD" : currency,
                active == null || active, synonyms(body), key);
        if (created.created()) {
            audit.record("service.created", "service", created.service().id().toString(), Map.of("name", name));
        }
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK).body(created.service());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Service update(@PathVariable UUID id, @RequestBody JsonNode body) {
        Service s = catalogue.update(id, name(body, false), minutes(body, false), price(body, false), currency(body),
                bool(body, "active"), synonyms(body)).orElseThrow(() -> ProblemException.notFound("Service " + id));
        List<String> fields = new ArrayList<>();
        body.propertyNames().forEach(fields::add);
        audit.record("service.updated", "service", id.toString(), Map.of("fields", fields));
        return s;
    }

    private static String name(JsonNode body, boolean required) {
        JsonNode v = body.get("name");
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid("name is required");
            }
            return null;
        }
        if (!v.isString() || v.asString().isBlank() || v.asString().strip().length() > 200) {
            throw invalid("name must be a non-blank string of at most 200 characters");
        }
        return v.asString().strip();
    }

    private static Integer minutes(JsonNode body, boolean required) {
        JsonNode v = body.get("duration_minutes");
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid("duration_minutes is required");
            }
            return null;
        }
        if (!v.isIntegralNumber() || v.asInt() < 5 || v.asInt() > 1440) {
            throw invalid("duration_minutes must be a whole number from 5 to 1440");
        }
        return v.asInt();
    }

    private static BigDecimal price(JsonNode body, boolean required) {
        JsonNode v = body.get("price");
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid("price is required");
            }
            return null;
        }
        if (!v.isNumber() || v.decimalValue().signum() < 0 || v.decimalValue().scale() > 2
                || v.decimalValue().compareTo(new BigDecimal("9999999999")) > 0) {
            throw invalid("price must be a number from 0 with at most two decimals");
        }
        return v.decimalValue();
    }

    private static String currency(JsonNode body) {
        JsonNode v = body.get("currency");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() || !v.asString().strip().toUpperCase(Locale.ROOT).matches("[A-Z]{3}")) {
            throw invalid("currency must be a three-letter ISO 4217 code");
        }
        return v.asString().strip().toUpperCase(Locale.ROOT);
    }

    /** Up to 20 other names, each a non-blank string of at most 100 characters. */
    private static List<String> synonyms(JsonNode body) {
        JsonNode v = body.get("synonyms");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray() || v.size() > 20) {
            throw invalid("synonyms must be a list of at most 20 names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isString() || n.asString().isBlank() || n.asString().strip().length() > 100) {
                throw invalid("each synonym must be a non-blank string of at most 100 characters");
            }
            names.add(n.asString().strip());
        }
        return names;
    }

    private static Boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw invalid(field + " must be true or false");
        }
        return v.asBoolean();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-service", detail);
    }
}

package io.verbatim.voiceagents.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's voice-agent assistants with their figures. Tenant-wide analytics, so the roles that see the
 * whole tenant read them (admin, manager, executive); an agent does not. Admins rename an assistant and
 * say what it is for.
 */
@RestController
@RequestMapping("/api/v1/assistants")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE')")
class AssistantController {

    static final int FAILURES_SHOWN = 50;

    private final VoiceCalls calls;
    private final AuditLog audit;

    AssistantController(VoiceCalls calls, AuditLog audit) {
        this.calls = calls;
        this.audit = audit;
    }

    record AssistantView(UUID id, String name, String provider, String providerAssistantId, String purpose, Instant createdAt,
                         AssistantMetrics metrics) {
        static AssistantView of(Assistant a, AssistantMetrics m) {
            return new AssistantView(a.id(), a.name(), a.provider(), a.providerAssistantId(), a.purpose(), a.createdAt(),
                    m == null ? VoiceCalls.empty() : m);
        }
    }

    record AssistantDetail(UUID id, String name, String provider, String providerAssistantId, String purpose, Instant createdAt,
                           AssistantMetrics metrics, List<AssistantMetrics.FailedCall> failedCalls) {
    }

    @GetMapping
    Page<AssistantView> list() {
        Map<UUID, AssistantMetrics> metrics = calls.metrics();
        return new Page<>(calls.assistants().stream().map(a -> AssistantView.of(a, metrics.get(a.id()))).toList(), null);
    }

    @GetMapping("/{id}")
    AssistantDetail get(@PathVariable UUID id) {
        Assistant a = calls.find(id).orElseThrow(() -> ProblemException.notFound("Assistant " + id));
        AssistantMetrics m = calls.metrics().getOrDefault(id, VoiceCalls.empty());
        return new AssistantDetail(a.id(), a.name(), a.provider(), a.providerAssistantId(), a.purpose(), a.createdAt(), m,
                calls.failures(id, FAILURES_SHOWN));
    }

    /** {@code {"name"?, "purpose"?}}; a null purpose clears it. */
    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    AssistantDetail update(@PathVariable UUID id, @RequestBody JsonNode body) {
        String name = text(body, "name", 200);
        if (body.has("name") && name == null) {
            throw ProblemException.badRequest("invalid-assistant", "name must be a non-blank string");
        }
        boolean clearPurpose = body.has("purpose") && body.get("purpose").isNull();
        String purpose = text(body, "purpose", 2000);
        calls.update(id, name, purpose, clearPurpose).orElseThrow(() -> ProblemException.notFound("Assistant " + id));
        List<String> fields = new java.util.ArrayList<>();
        body.propertyNames().forEach(fields::add);
        audit.record("assistant.updated", "assistant", id.toString(), Map.of("fields", fields));
        return get(id);
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.asString().isBlank() || value.asString().length() > max) {
            throw ProblemException.badRequest("invalid-assistant", field + " must be a non-blank string of at most " + max + " characters");
        }
        return value.asString().strip();
    }
}

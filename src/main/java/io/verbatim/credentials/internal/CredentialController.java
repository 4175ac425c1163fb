package io.verbatim.credentials.internal;

import io.verbatim.credentials.CredentialView;
import io.verbatim.credentials.Credentials;
import io.verbatim.identity.AuditLog;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Admins store, list (masked), change and delete the tenant's credentials; values never come back. */
@RestController
@RequestMapping("/api/v1/credentials")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class CredentialController {

    private final Credentials credentials;
    private final AuditLog audit;

    CredentialController(Credentials credentials, AuditLog audit) {
        this.credentials = credentials;
        this.audit = audit;
    }

    @GetMapping
    Page<CredentialView> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return credentials.list(cursor, Page.limit(limit));
    }

    @GetMapping("/{name}")
    CredentialView get(@PathVariable String name) {
        return credentials.view(name).orElseThrow(() -> ProblemException.notFound("Credential '" + name + "'"));
    }

    /** Creates (201) or replaces (200) the credential with the fields of the JSON object. */
    @PutMapping("/{name}")
    ResponseEntity<CredentialView> put(@PathVariable String name, @RequestBody JsonNode body) {
        Credentials.Saved saved = credentials.put(name, fields(body, false));
        audit.record(saved.created() ? "credential.created" : "credential.replaced", "credential", name,
                Map.of("fields", saved.credential().fields().keySet()));
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.credential());
    }

    /** Sets some fields (a null removes one) and keeps the others: how one secret is rotated. */
    @PatchMapping("/{name}")
    CredentialView patch(@PathVariable String name, @RequestBody JsonNode body) {
        Map<String, String> changes = fields(body, true);
        CredentialView view = credentials.patch(name, changes);
        audit.record("credential.updated", "credential", name, Map.of("fields", changes.keySet()));
        return view;
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        if (!credentials.delete(name)) {
            throw ProblemException.notFound("Credential '" + name + "'");
        }
        audit.record("credential.deleted", "credential", name, Map.of());
    }

    /** A new data key for the tenant; every credential is re-encrypted under it. */
    @PostMapping("/rotate-key")
    Credentials.Rotation rotateKey() {
        Credentials.Rotation rotation = credentials.rotateDataKey();
        audit.record("credential.key_rotated", "data_key", String.valueOf(rotation.keyVersion()),
                Map.of("reencrypted", rotation.reencrypted()));
        return rotation;
    }

    /** A flat JSON object of strings (numbers and booleans are kept as their text). */
    static Map<String, String> fields(JsonNode body, boolean nullsAllowed) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("invalid-credential", "The body must be a JSON object of fields");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull() && nullsAllowed) {
                fields.put(e.getKey(), null);
            } else if (v.isString() || v.isNumber() || v.isBoolean()) {
                fields.put(e.getKey(), v.asString());
            } else {
                throw ProblemException.badRequest("invalid-credential", "Field '" + e.getKey() + "' must be a string");
            }
        }
        return fields;
    }
}

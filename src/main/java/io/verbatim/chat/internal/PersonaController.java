package io.verbatim.chat.internal;

import io.verbatim.platform.Page;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Personas: admins write them; everyone may pick one to chat with. */
@RestController
@RequestMapping("/api/v1/personas")
class PersonaController {

    private final PersonaStore personas;

    PersonaController(PersonaStore personas) {
        this.personas = personas;
    }

    @GetMapping
    Page<Persona> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return personas.list(cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    Persona get(@PathVariable UUID id) {
        return personas.get(id);
    }

    @GetMapping("/{id}/versions")
    List<Persona> versions(@PathVariable UUID id) {
        return personas.versions(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Persona create(@RequestBody PersonaStore.PersonaBody body) {
        return personas.create(body);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Persona update(@PathVariable UUID id, @RequestBody PersonaStore.PersonaBody body) {
        return personas.update(id, body);
    }
}

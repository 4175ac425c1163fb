package io.verbatim.preferences.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.preferences.Preferences;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own preferences; there is no way to read or change another user's. */
@RestController
@RequestMapping("/api/v1/me/preferences")
class PreferenceController {

    private final PreferenceStore store;

    PreferenceController(PreferenceStore store) {
        this.store = store;
    }

    @GetMapping
    Preferences get() {
        return store.of(me());
    }

    @PutMapping
    Preferences put(@RequestBody Preferences body) {
        return store.save(me(), body);
    }

    static UUID me() {
        UUID id = CurrentUser.require().userId();
        if (id == null) {
            throw ProblemException.forbidden("Preferences belong to users, not API keys");
        }
        return id;
    }
}

package io.verbatim.preferences;

import java.util.UUID;

/** Users' preferences in the current tenant, for other modules (the pages' language, notification e-mail). */
public interface UserPreferences {

    /** The user's preferences, or {@link Preferences#DEFAULTS} when they never saved any. */
    Preferences of(UUID userId);
}

package io.verbatim.preferences;

import java.util.List;

/**
 * One user's preferences.
 *
 * @param language           {@code es} or {@code en}, or null to follow the browser and the company
 * @param emailNotifications notification kinds ({@link #EMAIL_KINDS}) that are also sent by e-mail
 */
public record Preferences(String language, List<String> emailNotifications) {

    public static final List<String> LANGUAGES = List.of("es", "en");
    public static final List<String> EMAIL_KINDS = List.of("campaign.assigned", "evaluation.completed", "evaluation.failed");
    public static final Preferences DEFAULTS = new Preferences(null, List.of());
}

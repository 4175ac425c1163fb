/**
 * Per-user preferences: the language of the pages (Spanish or English) and which notifications also go out by
 * e-mail. Each user reads and changes only their own; other modules read them through {@link UserPreferences}.
 */
package io.verbatim.preferences;

package io.verbatim.ask;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * Narrows a question to some conversations; every field is optional and they combine with AND
 * (values inside one list with OR). They narrow the caller's scope, never widen it.
 *
 * @param agent      the agent: a user id or e-mail
 * @param team       a team id
 * @param from       start of the period: an ISO date ({@code 2026-10-01}, inclusive) or instant
 * @param to         end of the period: an ISO date (inclusive, the whole day) or instant (exclusive)
 * @param channel    {@code phone}, {@code field_visit}, ...
 * @param direction  {@code inbound}, {@code outbound}, ...
 * @param categories call reasons / categories from the analysis
 * @param objections objection categories from the analysis ({@code price}, {@code competitor}, ...)
 * @param tags       conversation tags
 */
public record AskFilters(String agent, String team, String from, String to,
                         @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> channel,
                         @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> direction,
                         @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> categories,
                         @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> objections,
                         @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> tags) {

    public AskFilters {
        channel = channel == null ? List.of() : List.copyOf(channel);
        direction = direction == null ? List.of() : List.copyOf(direction);
        categories = categories == null ? List.of() : List.copyOf(categories);
        objections = objections == null ? List.of() : List.copyOf(objections);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static AskFilters none() {
        return new AskFilters(null, null, null, null, null, null, null, null, null);
    }
}

package io.verbatim.messages.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.verbatim.messages.Message;
import java.util.List;

/**
 * A message a person sent (or sent again), as logged, plus what they should know: {@code quiet-hours} when it left in
 * the tenant's quiet hours (allowed for a person, held for an automatic text).
 */
record SentMessage(@JsonUnwrapped Message message, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    static final String QUIET_HOURS = "quiet-hours";
}

package io.verbatim.analysis.internal.acts;

import io.verbatim.speech.Speaker;
import java.util.Locale;

/** What a sentence does in the conversation, for the judgments that follow the dialogue's course. */
public enum DialogueAct {
    BOOKING_CONFIRMED(Speaker.AGENT), BOOKING_FAILED(Speaker.AGENT), BOOKING_OFFER(Speaker.AGENT),
    CONFIRM_REQUEST(Speaker.AGENT), NOT_OFFERED(Speaker.AGENT), CALLBACK(Speaker.AGENT),
    ACCEPT(Speaker.CUSTOMER), DECLINE(Speaker.CUSTOMER);

    private final Speaker speaker;

    DialogueAct(Speaker speaker) {
        this.speaker = speaker;
    }

    public Speaker speaker() {
        return speaker;
    }

    static DialogueAct of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}

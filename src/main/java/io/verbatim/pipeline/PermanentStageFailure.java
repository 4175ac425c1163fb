package io.verbatim.pipeline;

/** A failure no retry can fix (corrupt media, an unsupported format): the conversation fails at once, with this reason. */
public class PermanentStageFailure extends RuntimeException {

    private final String type;

    public PermanentStageFailure(String type, String message) {
        super(message);
        this.type = type;
    }

    public PermanentStageFailure(String type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    /** A stable slug, like the API's problem types ({@code corrupt-media}). */
    public String type() {
        return type;
    }
}

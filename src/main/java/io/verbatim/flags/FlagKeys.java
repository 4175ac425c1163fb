package io.verbatim.flags;

/**
 * The flags that gate this version's features; each is defined, with its default, in
 * {@code resources/flags/flags.json} (seeded on start) and described in docs/flags.md.
 */
public final class FlagKeys {

    /** Ask answers through the configured LLM (off: extractive answers with citations only). */
    public static final String ASK_LLM_ANSWERS = "ask-llm-answers";
    /** Ask itself: the page and {@code POST /api/v1/ask}. */
    public static final String ASK = "ask";
    /** The LLM judge and summaries in analysis, for tenants with an LLM configured (off: built-in analysis only). */
    public static final String LLM_JUDGE = "llm-judge";
    /** A tenant's own call-reason taxonomy (off: the built-in call reasons). */
    public static final String CALL_REASON_TAXONOMY = "call-reason-taxonomy";
    /** The silenced playback copy of recordings when the tenant redacts PII (off: no redacted audio is made). */
    public static final String AUDIO_REDACTION = "audio-redaction";
    /** Settings, Evaluation and {@code /api/v1/analyst-evaluations}. */
    public static final String EVALUATION = "evaluation";
    /** "Test on this call" in the scorecard editor ({@code POST /api/v1/analysis/qa-config/preview}). */
    public static final String QA_CONFIG_PREVIEW = "qa-config-preview";
    /** Outbound webhook deliveries of conversation events (off: none are queued). */
    public static final String OUTBOUND_WEBHOOKS = "outbound-webhooks";
    /** The Calls Explorer's CSV export. */
    public static final String CALLS_CSV_EXPORT = "calls-csv-export";
    /** The explorer's "needs review" filters ({@code needs_review}, {@code review_field}). */
    public static final String NEEDS_REVIEW_FILTER = "needs-review-filter";

    private FlagKeys() {
    }
}

package io.verbatim.messages;

/** What Verbatim answers (TwiML) to an inbound STOP, START or HELP; a tenant may word them its own way. */
public record KeywordReplies(String stop, String start, String help) {

    public static final KeywordReplies DEFAULTS = new KeywordReplies(
            "You are unsubscribed and will get no more texts from us. Reply START to subscribe again.",
            "You are subscribed again. Reply STOP to unsubscribe, HELP for help.",
            "Reply STOP to unsubscribe, START to subscribe again. Msg & data rates may apply.");

    /** These replies with each blank one replaced by the default. */
    public KeywordReplies orDefaults() {
        return new KeywordReplies(blank(stop) ? DEFAULTS.stop : stop, blank(start) ? DEFAULTS.start : start,
                blank(help) ? DEFAULTS.help : help);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

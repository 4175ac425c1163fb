package io.verbatim.enrichment.pii;

import io.verbatim.enrichment.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses that lost their "@" and dots, as chat logs and some transcripts store them
 * ("bala 2018 gmailcom", "ajithgmailcom"): a word ending in a mail provider fused with its top-level domain,
 * with up to two user-name words or numbers before it. Providers are matched loosely ("gmai", "gaiml")
 * because these addresses are typed in a hurry.
 */
final class ChatEmailFinder {

    private static final Pattern FUSED = Pattern.compile(
            "(?i)^([a-z0-9._-]*?)(g?mail|gmai|gmial|gaiml|yahoo|yaho|hotmail|outlook|rediffmail|aol|icloud|live|protonmail)(com|net|org|in|coin|couk)$");

    private ChatEmailFinder() {
    }

    static List<Candidate> find(List<Tok> ts) {
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < ts.size(); k++) {
            Matcher m = FUSED.matcher(ts.get(k).text());
            if (!m.matches() || ts.get(k).text().contains("@")) {
                continue;
            }
            int first = k;
            StringBuilder user = new StringBuilder(m.group(1));
            while (first > 0 && k - first < 2 && userPart(ts.get(first - 1))) {
                first--;
                user.insert(0, ts.get(first).lower());
            }
            if (user.isEmpty()) {
                continue;
            }
            String normalized = user + "@" + m.group(2).toLowerCase() + "." + m.group(3).toLowerCase();
            out.add(new Candidate(PiiType.EMAIL, ts.get(first).start(), ts.get(k).end(), "chat-email", normalized));
        }
        return out;
    }

    /** A word of the user name: a short number, or a word that is not an ordinary English word. */
    private static boolean userPart(Tok t) {
        String s = t.folded();
        if (s.chars().allMatch(Character::isDigit)) {
            return s.length() <= 6;
        }
        return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '_') && !NameLists.ordinary(s);
    }
}

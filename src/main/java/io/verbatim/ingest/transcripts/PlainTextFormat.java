package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text, one turn per {@code Speaker: text} line, optionally with a time stamp
 * ({@code [00:01:02] Agent: ...}, {@code 01:02 Agent: ...}, {@code Agent (01:02): ...}). Lines without
 * a speaker continue the previous turn; blank lines are skipped.
 *
 * <p>Roles: role words ("Agent", "Customer", "Rep", "Caller", "AI", "User"...) or the
 * {@link ChannelRoles} speaker mapping give a confident role; other names ("John", "Speaker 1") keep
 * their label and are guessed, the first to speak the agent, the rest customers
 * ({@code rolesConfident = false}).
 *
 * <p>Timings: a text transcript has no word timings. A line's time stamp is its start; a line without
 * one starts {@value TranscriptDraft#SYNTHETIC_GAP_SECONDS} s after the previous turn ends. A turn's
 * end is <em>synthesised</em> from its word count at {@value TranscriptDraft#WORDS_PER_SECOND} words per
 * second (a typical conversational rate), cut at the next stamped turn's start. These times are
 * estimates: talk-time and interruption metrics on them are approximate.
 */
final class PlainTextFormat implements TranscriptFormat {

    static final String NAME = "text";

    private static final String TIME = "(\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?)";
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:[\\[(]?" + TIME + "[\\])]?\\s*(?:[-\u2013\u2014|]\\s*)?)?"
                    + "(\\p{L}[\\p{L}\\p{N} ._'\u2019-]{0,39}?)\\s*(?:[\\[(]" + TIME + "[\\])])?\\s*:(?!//)\\s*(.*)$");
    private static final int MAX_LABEL_WORDS = 4;

    private record Entry(Double stamp, String label, StringBuilder text, int line) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean json() {
        return false;
    }

    @Override
    public boolean detects(Content content) {
        if (content.json() != null) {
            return false;
        }
        for (String line : content.text().split("\\R", 200)) {
            if (!line.isBlank()) {
                return speakerLine(line) != null;
            }
        }
        return false;
    }

    private static Matcher speakerLine(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String label = m.group(2).strip();
        return label.split("\\s+").length <= MAX_LABEL_WORDS ? m : null;
    }

    @Override
    public Transcript read(Content content, ChannelRoles roles) {
        return read(content.text(), NAME, roles);
    }

    /** Reads speaker-prefixed text; {@code format} names the result's source (Vapi reuses this for its text transcript). */
    static Transcript read(String text, String format, ChannelRoles roles) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Matcher m = speakerLine(line);
            if (m != null) {
                String stamp = m.group(1) != null ? m.group(1) : m.group(3);
                entries.add(new Entry(stamp == null ? null : seconds(stamp), m.group(2).strip(),
                        new StringBuilder(m.group(4).strip()), i + 1));
            } else if (entries.isEmpty()) {
                throw TranscriptImportException.invalid(format, "line " + (i + 1) + " does not start with 'Speaker:'");
            } else {
                StringBuilder current = entries.getLast().text();
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(line.strip());
            }
        }
        TranscriptDraft draft = new TranscriptDraft(format, roles);
        double previousEnd = -1;
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            String turnText = e.text().toString();
            double start = e.stamp() != null ? e.stamp() : previousEnd < 0 ? 0 : previousEnd + TranscriptDraft.SYNTHETIC_GAP_SECONDS;
            double end = start + TranscriptDraft.spokenSeconds(turnText);
            Double nextStamp = k + 1 < entries.size() ? entries.get(k + 1).stamp() : null;
            if (nextStamp != null && nextStamp > start) {
                end = Math.min(end, nextStamp);
            }
            draft.add(null, e.label(), null, start, end, turnText, List.of(), null, "line " + e.line());
            if (!turnText.isBlank()) {
                previousEnd = Math.max(previousEnd, end);
            }
        }
        return draft.build();
    }

    /** "01:02" = 62 s, "1:02:03.5" = 3723.5 s. */
    static double seconds(String stamp) {
        String[] parts = stamp.replace(',', '.').split(":");
        double total = 0;
        for (String part : parts) {
            total = total * 60 + Double.parseDouble(part);
        }
        return total;
    }
}

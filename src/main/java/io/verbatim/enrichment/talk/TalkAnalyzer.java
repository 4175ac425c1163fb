package io.verbatim.enrichment.talk;

import io.verbatim.enrichment.TalkMetrics;
import io.verbatim.enrichment.TalkMetrics.Monologue;
import io.verbatim.enrichment.TalkMetrics.Overlap;
import io.verbatim.enrichment.TalkMetrics.Silence;
import io.verbatim.enrichment.TalkMetrics.SpeakerTalk;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talk metrics from turn timings. Talk time is the union of a speaker's turns (their own overlapping
 * turns count once); non-talk time is the duration minus the union of everyone's turns. An overlap is a
 * turn that starts before the other speaker's latest turn has ended: the later speaker interrupted.
 */
public final class TalkAnalyzer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");
    private static final Pattern QUESTION_START = Pattern.compile("^(?:what|when|where|who|why|how|which|can|could|would|will|do|does|did"
            + "|is|are|was|were|have|has|should|may|qu[eé]|cu[aá]ndo|d[oó]nde|qui[eé]n|por qu[eé]|c[oó]mo|cu[aá]l|cu[aá]nto)\\b");

    private final double silenceThreshold;

    public TalkAnalyzer(double silenceThresholdSeconds) {
        this.silenceThreshold = silenceThresholdSeconds;
    }

    public TalkMetrics analyze(List<Turn> turns, double durationSeconds) {
        double duration = Math.max(durationSeconds, turns.stream().mapToDouble(Turn::end).max().orElse(0));
        double talk = union(turns, null);
        List<Silence> silences = silences(turns, duration);
        List<Overlap> overlaps = overlaps(turns);

        double agent = union(turns, Speaker.AGENT);
        double customer = union(turns, Speaker.CUSTOMER);
        Double agentRatio = agent + customer > 0 && agent > 0 && customer > 0 ? round(agent / (agent + customer)) : null;
        double allSpeakers = 0;
        for (Speaker s : Speaker.values()) {
            allSpeakers += union(turns, s);
        }
        List<SpeakerTalk> speakers = new ArrayList<>();
        for (Speaker s : Speaker.values()) {
            List<Turn> own = turns.stream().filter(t -> t.speaker() == s).toList();
            if (own.isEmpty()) {
                continue;
            }
            double seconds = union(turns, s);
            int words = own.stream().mapToInt(t -> words(t.text())).sum();
            int questions = own.stream().mapToInt(t -> questions(t.text())).sum();
            int interruptions = (int) overlaps.stream().filter(o -> o.by() == s).count();
            speakers.add(new SpeakerTalk(s, round(seconds), allSpeakers > 0 ? round(seconds / allSpeakers) : 0, own.size(), words,
                    seconds > 0 ? round(words / (seconds / 60)) : null, questions, interruptions, longestMonologue(turns, s)));
        }
        return new TalkMetrics(round(duration), round(talk), agentRatio, round(Math.max(0, duration - talk)), silenceThreshold,
                silences, overlaps, speakers);
    }

    /** Total length of the union of the turns (of one speaker, or of all when null). */
    static double union(List<Turn> turns, Speaker speaker) {
        double total = 0;
        double coveredTo = Double.NEGATIVE_INFINITY;
        List<Turn> sorted = turns.stream().filter(t -> speaker == null || t.speaker() == speaker)
                .sorted((a, b) -> Double.compare(a.start(), b.start())).toList();
        for (Turn t : sorted) {
            double from = Math.max(t.start(), coveredTo);
            if (t.end() > from) {
                total += t.end() - from;
            }
            coveredTo = Math.max(coveredTo, t.end());
        }
        return total;
    }

    private List<Silence> silences(List<Turn> turns, double duration) {
        List<Silence> out = new ArrayList<>();
        double coveredTo = 0;
        int lastTurn = -1;
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            if (t.start() - coveredTo >= silenceThreshold) {
                out.add(new Silence(lastTurn, round(coveredTo), round(t.start()), round(t.start() - coveredTo)));
            }
            if (t.end() > coveredTo) {
                coveredTo = t.end();
                lastTurn = i;
            }
        }
        if (duration - coveredTo >= silenceThreshold) {
            out.add(new Silence(lastTurn, round(coveredTo), round(duration), round(duration - coveredTo)));
        }
        return out;
    }

    private static List<Overlap> overlaps(List<Turn> turns) {
        List<Overlap> out = new ArrayList<>();
        for (int i = 1; i < turns.size(); i++) {
            Turn t = turns.get(i);
            // the other speaker's most recent turn before this one
            for (int j = i - 1; j >= 0; j--) {
                Turn prev = turns.get(j);
                if (prev.speaker() == t.speaker()) {
                    continue;
                }
                if (t.start() < prev.end() && t.start() >= prev.start()) {
                    out.add(new Overlap(i, t.speaker(), j, prev.speaker(), round(t.start()), round(Math.min(prev.end(), t.end()) - t.start())));
                }
                break;
            }
        }
        return out;
    }

    private Monologue longestMonologue(List<Turn> turns, Speaker speaker) {
        Monologue best = null;
        int first = -1;
        int last = -1;
        for (int i = 0; i <= turns.size(); i++) {
            Turn t = i < turns.size() ? turns.get(i) : null;
            boolean continues = t != null && t.speaker() == speaker && last >= 0 && t.start() - turns.get(last).end() < silenceThreshold;
            if (t != null && t.speaker() == speaker && (first < 0 || continues)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                continue;
            }
            if (first >= 0) {
                double start = turns.get(first).start();
                double end = turns.get(last).end();
                if (best == null || end - start > best.seconds()) {
                    best = new Monologue(first, last, round(start), round(end), round(end - start));
                }
                first = -1;
                last = -1;
            }
            if (t != null && t.speaker() == speaker) {
                first = i;
                last = i;
            }
        }
        return best;
    }

    static int words(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Question marks; for unpunctuated text (some engines), sentences opening with a question word. */
    static int questions(String text) {
        int marks = (int) text.chars().filter(c -> c == '?').count();
        if (marks > 0 || text.chars().anyMatch(c -> c == '.' || c == '!')) {
            return marks;
        }
        return QUESTION_START.matcher(text.strip().toLowerCase(Locale.ROOT)).find() ? 1 : 0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

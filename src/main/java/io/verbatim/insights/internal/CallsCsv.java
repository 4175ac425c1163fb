package io.verbatim.insights.internal;

import io.verbatim.insights.CallRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The explorer's rows as RFC 4180 CSV; cells that a spreadsheet would run as formulas are neutralised. */
final class CallsCsv {

    static final List<String> COLUMNS = List.of("conversation_id", "occurred_at", "agent", "team", "direction", "channel",
            "source", "language", "duration_seconds", "status", "failure", "customer_sentiment", "qa_score", "auto_failed",
            "scorecard", "call_reason", "objections", "trackers", "resolution", "booking_status", "outcome", "summary",
            "needs_review");

    static void header(PrintWriter out) {
        out.print(String.join(",", COLUMNS));
        out.print("\r\n");
    }

    static void write(PrintWriter out, CallRow r) {
        List<Object> cells = new ArrayList<>(List.of(r.id(), r.occurredAt() == null ? "" : r.occurredAt()));
        cells.add(n(r.agentName()));
        cells.add(n(r.teamName()));
        cells.add(r.direction());
        cells.add(r.channel());
        cells.add(r.source());
        cells.add(n(r.language()));
        cells.add(r.durationSeconds() == null ? "" : Math.round(r.durationSeconds() * 10) / 10.0);
        cells.add(r.status());
        cells.add(r.lastError() == null ? "" : n(r.lastErrorType()) + ": " + r.lastError());
        cells.add(n(r.customerSentiment()));
        cells.add(r.qaScore() == null ? "" : Math.round(r.qaScore() * 10) / 10.0);
        cells.add(r.autoFailed());
        cells.add(n(r.scorecard()));
        cells.add(n(r.callReason()));
        cells.add(String.join(";", r.objections()));
        cells.add(String.join(";", r.trackers()));
        cells.add(n(r.resolution()));
        cells.add(n(r.bookingStatus()));
        cells.add(n(r.outcome()));
        cells.add(n(r.summary()));
        cells.add(String.join(";", r.needsReview()));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(String.valueOf(cells.get(i))));
        }
        out.print(line);
        out.print("\r\n");
    }

    static String cell(String value) {
        return io.verbatim.platform.Csv.cell(value);
    }

    private static String n(String value) {
        return value == null ? "" : value;
    }

    private CallsCsv() {
    }
}

package io.verbatim.csr.internal;

import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/missed-calls/queue}: the open missed-call queue and its recovery numbers. */
@RestController
@RequestMapping("/api/v1/missed-calls/queue")
class MissedCallController {

    static final String READ = "hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE', 'AGENT')";
    private final MissedCalls missed;

    MissedCallController(MissedCalls missed) {
        this.missed = missed;
    }

    record Queue(List<MissedCalls.MissedCall> items, String from, String to) {
    }

    @GetMapping
    @PreAuthorize(READ)
    Queue queue(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer days, @RequestParam(required = false) Integer limit) {
        CsrScope.current();
        Window w = Window.parse(from, to, days);
        int n = limit == null ? 100 : Math.max(1, Math.min(limit, 500));
        return new Queue(missed.open(w, null, n), w.from().toString(), w.to().toString());
    }

    @GetMapping("/metrics")
    @PreAuthorize(READ)
    Map<String, Object> metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) Integer days) {
        CsrScope.current();
        Window w = Window.parse(from, to, days);
        List<MissedCalls.MissedCall> all = missed.all(w, null);
        long auto = all.stream().filter(m -> m.rescuedBy() != null && m.rescuedBy().startsWith("ai_")).count();
        long human = all.stream().filter(m -> "human".equals(m.rescuedBy())).count();
        return Map.of("from", w.from().toString(), "to", w.to().toString(), "missed_calls_total", all.size(),
                "calls_rescued_by_auto", auto, "calls_rescued_by_humans", human,
                "calls_rescued_by_ai_sms", all.stream().filter(m -> "ai_sms".equals(m.rescuedBy())).count(),
                "calls_rescued_by_ai_voice", all.stream().filter(m -> "ai_voice".equals(m.rescuedBy())).count(),
                "open_queue", all.size() - auto - human);
    }
}

package io.verbatim.web.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Number and time formats for templates ({@code ${@fmt.percent(x)}}); missing figures show as a dash. */
@Component("fmt")
public class Formats {

    private static final String NONE = "—";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public String percent(Double share) {
        return share == null ? NONE : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    public String number(Double value, int decimals) {
        return value == null ? NONE : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    public String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Seconds as m:ss (or h:mm:ss). */
    public String duration(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Net sentiment -1..1 as a signed score. */
    public String signed(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%+.2f", value);
    }

    public String when(Instant instant) {
        return instant == null ? NONE : WHEN.format(instant);
    }

    public String label(String key) {
        return key == null ? NONE : Charts.label(key);
    }
}

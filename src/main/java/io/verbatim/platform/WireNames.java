package io.verbatim.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums travel as lower-case names ({@code in_person}); an unknown one is a 400 with a stable type. */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String problemType, String field) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (of(constant).equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        throw ProblemException.badRequest(problemType, field + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "))
                + (value == null ? "" : ", not '" + value + "'"));
    }
}

package io.verbatim.analysis.eval;

import io.verbatim.analysis.CallReasonDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * A labelled folder for the call-reason evaluation: its calls and a taxonomy made of its own gold
 * {@code call_reason} keys, keys only (each reason described by its key's words).
 */
record ReasonSet(String name, List<EvalCall> calls, List<CallReasonDefinition> taxonomy) {

    static ReasonSet load(Path folder) {
        List<EvalCall> calls = EvalCall.load(folder).stream().filter(c -> !gold(c).isEmpty()).toList();
        List<CallReasonDefinition> taxonomy = new TreeSet<>(calls.stream().map(ReasonSet::gold).toList()).stream()
                .map(k -> new CallReasonDefinition(k, null, List.of())).toList();
        return new ReasonSet(folder.getFileName().toString(), calls, taxonomy);
    }

    static String gold(EvalCall call) {
        return call.labels().path("call_reason").asString("");
    }

    /** Held out from tuning: the id's SHA-1 starts with 0-3 (a quarter of every set, never looked at while tuning). */
    static boolean heldOut(String id) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
            return "0123".indexOf(HexFormat.of().formatHex(sha).charAt(0)) >= 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean hasKey(String key) {
        return taxonomy.stream().anyMatch(r -> r.key().equals(key));
    }
}

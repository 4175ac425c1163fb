package io.verbatim.adaptation.lm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Letter-to-sound through Debian's {@code espeak-ng} (rule-based, offline): one process per batch, one word per line
 * in, its IPA per line out ({@code -q --ipa -v en-us}), mapped by {@link IpaToArpabet}. Words go in on standard input,
 * never as arguments. Without the program every word stays unpronounceable, as before.
 */
public final class EspeakNg implements LetterToSound {

    /** Words per process: a tenant's unknown words are dozens, a bound keeps one call short. */
    static final int BATCH = 500;
    private static final long TIMEOUT_SECONDS = 20;
    private final Path program;
    private final String version;

    private EspeakNg(Path program, String version) {
        this.program = program;
        this.version = version;
    }

    /** The program at {@code program} when it runs, else {@link LetterToSound#NONE} (described as missing). */
    public static LetterToSound find(Path program) {
        if (program == null || !Files.isExecutable(program)) {
            return missing(program + " is not installed");
        }
        try {
            List<String> out = run(List.of(program.toString(), "--version"), "");
            String line = out.isEmpty() ? "" : out.getFirst();
            int at = line.indexOf(": ");
            String v = at < 0 ? line : line.substring(at + 2).split("\\s+")[0];
            return new EspeakNg(program, "espeak-ng " + v);
        } catch (IOException e) {
            return missing(program + " does not run: " + e.getMessage());
        }
    }

    private static LetterToSound missing(String why) {
        return new LetterToSound() {
            @Override
            public Map<String, String> pronounce(Collection<String> words) {
                return Map.of();
            }

            @Override
            public String describe() {
                return "unavailable (" + why + ")";
            }
        };
    }

    @Override
    public String describe() {
        return version;
    }

    @Override
    public Map<String, String> pronounce(Collection<String> words) {
        List<String> clean = words.stream().filter(w -> w.matches("[a-z][a-z']*")).distinct().toList();
        Map<String, String> out = new LinkedHashMap<>();
        for (int from = 0; from < clean.size(); from += BATCH) {
            List<String> batch = clean.subList(from, Math.min(clean.size(), from + BATCH));
            try {
                List<String> ipa = run(List.of(program.toString(), "-q", "--ipa", "-v", "en-us"), String.join("\n", batch) + "\n");
                if (ipa.size() != batch.size()) {
                    // lines no longer line up with words (espeak joined or split one): one word at a time instead
                    if (batch.size() > 1) {
                        batch.forEach(word -> out.putAll(pronounce(List.of(word))));
                    }
                    continue;
                }
                for (int i = 0; i < batch.size(); i++) {
                    String word = batch.get(i);
                    IpaToArpabet.map(ipa.get(i)).ifPresent(phones -> out.put(word, phones));
                }
            } catch (IOException e) {
                // the words of this batch stay unpronounceable
            }
        }
        return out;
    }

    private static List<String> run(List<String> command, String input) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            byte[] bytes;
            try (InputStream in = process.getInputStream()) {
                bytes = in.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("espeak-ng failed or timed out");
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }
}

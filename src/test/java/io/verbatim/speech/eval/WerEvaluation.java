package io.verbatim.speech.eval;

import io.verbatim.adaptation.lm.EspeakNg;
import io.verbatim.adaptation.lm.LetterToSound;
import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.TestAudio;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import io.verbatim.speech.internal.EnergyVad;
import io.verbatim.speech.internal.Pcm16k;
import io.verbatim.speech.internal.SplicedAudio;
import io.verbatim.speech.pocketsphinx.PocketSphinxEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Word error rate of the embedded engine on the shared test data, per file and per set
 * (testdata/speech: JFK + LibriVox; the rendered calls as stereo, mono and 8 kHz mu-law), with the
 * speaker-role accuracy on the calls, and a throughput comparison with Debian's
 * {@code pocketsphinx_continuous} CLI on the same audio in the same run (wall-clock and CPU
 * real-time factors, and their ratios). Not a unit test: it takes minutes of CPU.
 *
 * <pre>
 * ./mvnw -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="--enable-native-access=ALL-UNNAMED -cp %classpath io.verbatim.speech.eval.WerEvaluation"
 * </pre>
 * Arguments: {@code --no-cli} skips the CLI; {@code --threads N} sets the engine's decoders (default 2);
 * {@code --no-adapt} skips the tenant-adapted pass; {@code --weights a,b} the domain model's interpolation weights
 * (default 0.5; with several, every call is decoded at each and the weight is chosen leave-one-out: the weight that
 * decodes call X is the one with the fewest errors on the set's other calls); {@code --warm} decodes each call once
 * more with the last weight, its model already loaded (a tenant's second call); {@code --sets a,b} only those sets (speech, calls-stereo, calls-mono, calls-8k_ulaw);
 * {@code --files a,b} only those files (csr_002, ...); {@code --letter-to-sound none} leaves out espeak-ng's
 * pronunciations for words outside the dictionary (used when installed); {@code --decoder-options "-lw 8"} decodes with
 * further pocketsphinx settings (the engine's and the CLI's); {@code --no-scripted} leaves the shipped scorecards' phrases
 * out of the tenant models.
 */
public final class WerEvaluation {

    private static final Path CLI = Path.of("/usr/bin/pocketsphinx_continuous");
    private static final Path TIME = Path.of("/usr/bin/time");
    private static SpeechProperties.Pocketsphinx MODEL = new SpeechProperties.Pocketsphinx("libpocketsphinx.so.3",
            "libsphinxbase.so.3", Path.of("/usr/share/pocketsphinx/model/en-us/en-us"),
            Path.of("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"),
            Path.of("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"), "en", "");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Item(String set, String name, Path wav, Path ref, Path rendered) {
    }

    /** Wall and CPU seconds. */
    record Cost(double wall, double cpu) {
        Cost plus(Cost o) {
            return new Cost(wall + o.wall, cpu + o.cpu);
        }
    }

    record Result(Item item, double duration, Wer.Score score, Double roleAccuracy, Cost cost, Wer.Score cliScore, Cost cliCost,
                  List<Adapted> adapted, Cost warmCost, int[] names) {

        /** The decode at {@code weight}; null without one. */
        Adapted at(double weight) {
            return adapted == null ? null : adapted.stream().filter(x -> x.weight() == weight).findFirst().orElse(null);
        }
    }

    /** One tenant-adapted decode of a call. */
    record Adapted(double weight, Wer.Score score, Cost cost, int[] names) {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        boolean cli = !a.contains("--no-cli") && Files.isExecutable(CLI) && Files.isExecutable(TIME);
        int threads = a.contains("--threads") ? Integer.parseInt(a.get(a.indexOf("--threads") + 1)) : 2;
        String w = a.contains("--weights") ? a.get(a.indexOf("--weights") + 1)
                : a.contains("--weight") ? a.get(a.indexOf("--weight") + 1) : "0.5";
        weights = java.util.Arrays.stream(w.split(",")).map(Double::parseDouble).toList();
        warm = a.contains("--warm");
        if (a.contains("--decoder-options")) {
            MODEL = new SpeechProperties.Pocketsphinx(MODEL.library(), MODEL.baseLibrary(), MODEL.hmm(), MODEL.languageModel(),
                    MODEL.dictionary(), MODEL.language(), a.get(a.indexOf("--decoder-options") + 1));
            System.out.println("decoder options: " + MODEL.decoderOptions());
        }
        Path data = TestAudio.testdata();
        // --letter-to-sound none: words outside the dictionary without a compound split stay unpronounceable (as before)
        LetterToSound letterToSound = a.contains("--letter-to-sound") && "none".equals(a.get(a.indexOf("--letter-to-sound") + 1))
                ? LetterToSound.NONE : EspeakNg.find(Path.of("/usr/bin/espeak-ng"));
        System.out.println("letter-to-sound: " + letterToSound.describe());
        adaptations = a.contains("--no-adapt") ? null
                : new TenantAdaptations(data.resolve("calls"), MODEL.dictionary(), letterToSound, !a.contains("--no-scripted"),
                        a.contains("--fresh"));
        List<Item> items = items(data);
        if (a.contains("--sets")) {
            List<String> sets = List.of(a.get(a.indexOf("--sets") + 1).split(","));
            items = items.stream().filter(i -> sets.contains(i.set())).toList();
        }
        if (a.contains("--files")) {
            List<String> files = List.of(a.get(a.indexOf("--files") + 1).split(","));
            items = items.stream().filter(i -> files.contains(i.name())).toList();
        }
        System.out.printf(Locale.ROOT, "testdata %s, %d files, engine pocketsphinx with %d decoder threads, CLI %s, %d cores%n",
                data, items.size(), threads, cli ? CLI : "skipped", Runtime.getRuntime().availableProcessors());

        try (PocketSphinxEngine engine = new PocketSphinxEngine(MODEL, threads, new EnergyVad())) {
            Cost startup = measure(() -> engine.transcribe(TestAudio.wav(data.resolve("calls/va_008.stereo.wav"), 12),
                    SpeechRequest.defaults()));
            Cost cliStartup = cli ? cliStartup() : null;
            System.out.printf(Locale.ROOT, "engine warm-up (decoders load the model): %.2f s wall%s%n%n", startup.wall(),
                    cli ? String.format(Locale.ROOT, "; CLI start-up on 0.5 s of silence: %.2f s wall, %.2f s CPU (included in its figures)",
                            cliStartup.wall(), cliStartup.cpu()) : "");
            System.out.printf(Locale.ROOT, "%-13s %-9s %7s %5s %6s %6s %7s %6s %6s | %6s %7s %6s %6s %6s | %6s %7s %5s %5s%n", "set", "file",
                    "dur s", "words", "WER", "roles", "wall s", "RTF", "cpuRTF", "cliWER", "wall s", "RTF", "cpuRTF", "speed", "adWER",
                    "wall s", "names", "adNam");
            List<Result> results = new ArrayList<>();
            for (Item item : items) {
                Result r = run(engine, item, cli);
                results.add(r);
                print(r);
            }
            summary(results, cli);
        }
    }

    private static List<Item> items(Path data) throws IOException {
        List<Item> items = new ArrayList<>();
        items.add(new Item("speech", "jfk", data.resolve("speech/jfk.wav"), data.resolve("speech/jfk.ref.txt"), null));
        try (Stream<Path> lv = Files.list(data.resolve("speech/librivox"))) {
            lv.filter(p -> p.toString().endsWith(".wav")).sorted().forEach(p -> items.add(new Item("speech",
                    p.getFileName().toString().replace(".wav", ""), p, Path.of(p.toString().replace(".wav", ".ref.txt")), null)));
        }
        List<String> calls;
        try (Stream<Path> c = Files.list(data.resolve("calls"))) {
            calls = c.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".stereo.wav"))
                    .map(n -> n.replace(".stereo.wav", "")).sorted().toList();
        }
        for (String variant : List.of("stereo", "mono", "8k_ulaw")) {
            for (String id : calls) {
                items.add(new Item("calls-" + variant, id, data.resolve("calls/" + id + "." + variant + ".wav"),
                        data.resolve("calls/" + id + ".ref.txt"), data.resolve("calls/" + id + ".rendered.json")));
            }
        }
        return items;
    }

    /** Leave-one-out tenant models for the calls; null with --no-adapt. */
    private static TenantAdaptations adaptations;
    private static List<Double> weights;
    private static boolean warm;

    private static Result run(PocketSphinxEngine engine, Item item, boolean cli) throws Exception {
        DecodedAudio audio = TestAudio.wav(item.wav(), Double.MAX_VALUE);
        String ref = Files.readString(item.ref());
        Transcript[] out = new Transcript[1];
        Cost cost = measure(() -> out[0] = engine.transcribe(audio, SpeechRequest.language("en-US")));
        cache(item, null, out[0]);
        List<Word> words = out[0].turns().stream().flatMap(t -> t.words().stream()).toList();
        Wer.Score score = Wer.score(ref, String.join(" ", words.stream().map(Word::text).toList()));
        Double roles = item.rendered() == null ? null : roleAccuracy(out[0], item.rendered());
        String hyp = String.join(" ", words.stream().map(Word::text).toList());
        int[] names = TenantAdaptations.nameMentions(item.name(), ref, hyp);
        List<Adapted> adapted = null;
        Cost warmCost = null;
        if (adaptations != null && item.rendered() != null) {
            adapted = new ArrayList<>();
            for (double weight : weights) {
                SpeechRequest request = SpeechRequest.language("en-US").withAdaptation(adaptations.forCall(item.name(), weight));
                Cost c = measure(() -> out[0] = engine.transcribe(audio, request));
                cache(item, weight, out[0]);
                String adaptedHyp = String.join(" ", out[0].turns().stream().flatMap(t -> t.words().stream()).map(Word::text).toList());
                adapted.add(new Adapted(weight, Wer.score(ref, adaptedHyp), c, TenantAdaptations.nameMentions(item.name(), ref, adaptedHyp)));
            }
            if (warm) {
                SpeechRequest again = SpeechRequest.language("en-US").withAdaptation(adaptations.forCall(item.name(), weights.getLast()));
                warmCost = measure(() -> engine.transcribe(audio, again));
            }
        }
        Wer.Score cliScore = null;
        Cost cliCost = null;
        if (cli) {
            List<Word> cliWords = new ArrayList<>();
            cliCost = new Cost(0, 0);
            for (int c = 0; c < audio.channels(); c++) {
                Path wav = monoWav16k(audio, c);
                try {
                    cliCost = cliCost.plus(runCli(wav, cliWords));
                } finally {
                    Files.deleteIfExists(wav);
                }
            }
            cliWords.sort(Comparator.comparingDouble(Word::start));
            cliScore = Wer.score(ref, String.join(" ", cliWords.stream().map(Word::text).toList()));
        }
        audio.delete();
        return new Result(item, audio.durationSeconds(), score, roles, cost, cliScore, cliCost, adapted, warmCost, names);
    }

    /**
     * Keeps a call's transcript where {@code scripts/bench.sh recordings} looks for it ({@code target/recognised/<id><suffix>.json},
     * adapted ones with {@code .w<weight>}), so the analysis of these decodes needs no second decode.
     */
    private static void cache(Item item, Double weight, Transcript t) {
        if (item.rendered() == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target/recognised"));
            String suffix = item.set().replace("calls-", ".") + ".wav" + (weight == null ? "" : ".w" + weight);
            JSON.writeValue(dir.resolve(item.name() + suffix + ".json").toFile(), t);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Share of recognised words said during a reference turn whose speaker matches that turn's. */
    private static Double roleAccuracy(Transcript t, Path rendered) throws IOException {
        JsonNode turns = JSON.readTree(Files.readString(rendered)).path("turns");
        int right = 0;
        int counted = 0;
        for (Turn turn : t.turns()) {
            for (Word w : turn.words()) {
                double mid = (w.start() + w.end()) / 2;
                Speaker truth = null;
                for (JsonNode r : turns.values()) {
                    if (r.path("start").asDouble() <= mid && mid <= r.path("end").asDouble()) {
                        Speaker s = Speaker.fromWire(r.path("speaker").asString());
                        truth = truth == null || truth == s ? s : Speaker.UNKNOWN; // overlap: ambiguous
                    }
                }
                if (truth != null && truth != Speaker.UNKNOWN) {
                    counted++;
                    right += truth == turn.speaker() ? 1 : 0;
                }
            }
        }
        return counted == 0 ? null : right / (double) counted;
    }

    /** One channel as a 16 kHz 16-bit mono WAV: what the CLI reads (it takes neither stereo nor mu-law). */
    private static Path monoWav16k(DecodedAudio audio, int channel) throws IOException {
        short[] pcm = Pcm16k.resample(audio.readChannel(channel), audio.sampleRate(), Pcm16k.RATE);
        Path wav = Files.createTempFile("wer-cli-", ".wav");
        ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) {
            b.putShort(s);
        }
        try (OutputStream out = Files.newOutputStream(wav)) {
            out.write(SplicedAudio.wavHeader(Pcm16k.RATE, pcm.length));
            out.write(b.array());
        }
        return wav;
    }

    /** Runs the CLI under /usr/bin/time; adds its timed words to {@code words}. */
    private static Cost runCli(Path wav, List<Word> words) throws IOException, InterruptedException {
        Path out = Files.createTempFile("wer-cli-", ".txt");
        Path err = Files.createTempFile("wer-cli-", ".err");
        try {
            List<String> command = new ArrayList<>(List.of(TIME.toString(), "-f", "TIME %e %U %S", CLI.toString(), "-infile", wav.toString(),
                    "-hmm", MODEL.hmm().toString(), "-lm", MODEL.languageModel().toString(), "-dict", MODEL.dictionary().toString(),
                    "-logfn", "/dev/null", "-time", "yes"));
            command.addAll(MODEL.decoderArguments());
            Process p = new ProcessBuilder(command)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pocketsphinx_continuous failed: " + Files.readString(err));
            }
            for (String line : Files.readAllLines(out)) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 4 && f[1].matches("[0-9.]+") && f[2].matches("[0-9.]+")) {
                    String w = f[0].replaceAll("\\(\\d+\\)$", "");
                    if (!(w.startsWith("<") || w.startsWith("[") || w.startsWith("+"))) {
                        words.add(new Word(w, Double.parseDouble(f[1]), Double.parseDouble(f[2]), null));
                    }
                }
            }
            String time = Files.readAllLines(err).stream().filter(l -> l.startsWith("TIME ")).reduce((x, y) -> y).orElseThrow();
            String[] t = time.split(" ");
            return new Cost(Double.parseDouble(t[1]), Double.parseDouble(t[2]) + Double.parseDouble(t[3]));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Cost cliStartup() throws IOException, InterruptedException {
        DecodedAudio silence = TestAudio.silence(0.5, 1);
        Path wav = monoWav16k(silence, 0);
        try {
            return runCli(wav, new ArrayList<>());
        } finally {
            Files.deleteIfExists(wav);
            silence.delete();
        }
    }

    private static Cost measure(Runnable r) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long t = System.nanoTime();
        r.run();
        return new Cost((System.nanoTime() - t) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "%-13s %-9s %7.1f %5d %5.1f%% %6s %7.2f %6.3f %6.3f | %6s %7s %6s %6s %6s%n",
                r.item().set(), r.item().name(), r.duration(), r.score().refWords(), 100 * r.score().wer(),
                r.roleAccuracy() == null ? "-" : String.format(Locale.ROOT, "%5.1f%%", 100 * r.roleAccuracy()),
                r.cost().wall(), r.cost().wall() / r.duration(), r.cost().cpu() / r.duration(),
                r.cliScore() == null ? "-" : String.format(Locale.ROOT, "%5.1f%%", 100 * r.cliScore().wer()),
                r.cliCost() == null ? "-" : String.format(Locale.ROOT, "%7.2f", r.cliCost().wall()),
                r.cliCost() == null ? "-" : String.format(Locale.ROOT, "%6.3f", r.cliCost().wall() / r.duration()),
                r.cliCost() == null ? "-" : String.format(Locale.ROOT, "%6.3f", r.cliCost().cpu() / r.duration()),
                r.cliCost() == null ? "-" : String.format(Locale.ROOT, "%5.2fx", r.cliCost().wall() / r.cost().wall()));
        if (r.adapted() != null) {
            for (Adapted x : r.adapted()) {
                System.out.printf(Locale.ROOT, "%-13s %-9s %65s | %5.1f%% %7.2f %5s %5s%n", "", "w=" + x.weight(), "",
                        100 * x.score().wer(), x.cost().wall(), r.names()[1] + "/" + r.names()[0], x.names()[1] + "/" + x.names()[0]);
            }
            if (r.warmCost() != null) {
                System.out.printf(Locale.ROOT, "%-13s %-9s warm (model loaded): %.2f s wall, %.2f s CPU%n", "", "w=" + weights.getLast(),
                        r.warmCost().wall(), r.warmCost().cpu());
            }
        }
        System.out.flush();
    }

    private static void summary(List<Result> results, boolean cli) {
        Map<String, List<Result>> sets = new LinkedHashMap<>();
        results.forEach(r -> sets.computeIfAbsent(r.item().set(), k -> new ArrayList<>()).add(r));
        sets.put("ALL", results);
        System.out.printf(Locale.ROOT, "%n%-13s %7s %6s %6s %6s %6s %6s | %6s %6s %6s %11s %10s%n", "set", "audio s", "WER",
                "roles", "RTF", "cpuRTF", "words", "cliWER", "RTF", "cpuRTF", "wall ratio", "cpu ratio");
        for (Map.Entry<String, List<Result>> e : sets.entrySet()) {
            double duration = 0;
            Wer.Score score = new Wer.Score(0, 0, 0);
            Wer.Score cliScore = new Wer.Score(0, 0, 0);
            Cost cost = new Cost(0, 0);
            Cost cliCost = new Cost(0, 0);
            double roleSum = 0;
            int roleN = 0;
            for (Result r : e.getValue()) {
                duration += r.duration();
                score = score.plus(r.score());
                cost = cost.plus(r.cost());
                if (r.roleAccuracy() != null) {
                    roleSum += r.roleAccuracy();
                    roleN++;
                }
                if (cli) {
                    cliScore = cliScore.plus(r.cliScore());
                    cliCost = cliCost.plus(r.cliCost());
                }
            }
            System.out.printf(Locale.ROOT, "%-13s %7.1f %5.1f%% %6s %6.3f %6.3f %6d | %6s %6s %6s %11s %10s%n", e.getKey(), duration,
                    100 * score.wer(), roleN == 0 ? "-" : String.format(Locale.ROOT, "%5.1f%%", 100 * roleSum / roleN),
                    cost.wall() / duration, cost.cpu() / duration, score.refWords(),
                    cli ? String.format(Locale.ROOT, "%5.1f%%", 100 * cliScore.wer()) : "-",
                    cli ? String.format(Locale.ROOT, "%6.3f", cliCost.wall() / duration) : "-",
                    cli ? String.format(Locale.ROOT, "%6.3f", cliCost.cpu() / duration) : "-",
                    cli ? String.format(Locale.ROOT, "%10.2fx", cliCost.wall() / cost.wall()) : "-",
                    cli ? String.format(Locale.ROOT, "%9.2fx", cliCost.cpu() / cost.cpu()) : "-");
        }
        adaptedSummary(sets, cli);
        System.out.println("""

                WER: (substitutions + deletions + insertions) / reference words, README normalisation, fillers stripped.
                roles: share of recognised words whose speaker matches the rendered.json turn at that time (mono: guessed).
                RTF: seconds of processing per second of audio (wall clock; cpuRTF: CPU time of all threads).
                speed / wall ratio: CLI wall time / engine wall time (>1 = engine faster); cpu ratio likewise for CPU time.
                The CLI gets each channel as its own 16 kHz mono WAV, and loads the model on every run.""");
        System.out.println(peakMemory());
    }

    /**
     * Base vs tenant-adapted figures per call set: each weight over all the set's calls (tuned on them), and the
     * leave-one-out choice: call X is scored at the weight with the fewest errors on the set's other calls (ties: the
     * lower weight), so no call's own errors pick the weight it is judged at.
     */
    private static void adaptedSummary(Map<String, List<Result>> sets, boolean cli) {
        if (adaptations == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "%nTenant-adapted (leave-one-out domain model: base text + the other calls' transcripts + "
                + "vocabulary of company and agent names)%n");
        System.out.printf(Locale.ROOT, "%-13s %-9s %7s %9s %8s %8s %11s %11s%n", "set", "weight", "WER", "names", "RTF",
                "cpuRTF", "CLI/this", "CLI cpu/this");
        for (Map.Entry<String, List<Result>> e : sets.entrySet()) {
            List<Result> rs = e.getValue().stream().filter(r -> r.adapted() != null).toList();
            if (rs.isEmpty() || e.getKey().equals("ALL")) {
                continue;
            }
            double duration = rs.stream().mapToDouble(Result::duration).sum();
            Cost cliCost = cli ? rs.stream().map(Result::cliCost).reduce(new Cost(0, 0), Cost::plus) : null;
            Wer.Score base = rs.stream().map(Result::score).reduce(new Wer.Score(0, 0, 0), Wer.Score::plus);
            int mentions = rs.stream().mapToInt(r -> r.names()[0]).sum();
            line(e.getKey(), "general", base, rs.stream().mapToInt(r -> r.names()[1]).sum(), mentions,
                    rs.stream().map(Result::cost).reduce(new Cost(0, 0), Cost::plus), duration, cliCost);
            for (double weight : weights) {
                line(e.getKey(), String.valueOf(weight), rs.stream().map(r -> r.at(weight).score()).reduce(new Wer.Score(0, 0, 0),
                        Wer.Score::plus), rs.stream().mapToInt(r -> r.at(weight).names()[1]).sum(), mentions,
                        rs.stream().map(r -> r.at(weight).cost()).reduce(new Cost(0, 0), Cost::plus), duration, cliCost);
            }
            if (warm) {
                line(e.getKey(), "warm " + weights.getLast(), rs.stream().map(r -> r.at(weights.getLast()).score())
                        .reduce(new Wer.Score(0, 0, 0), Wer.Score::plus), rs.stream().mapToInt(r -> r.at(weights.getLast()).names()[1]).sum(),
                        mentions, rs.stream().map(Result::warmCost).reduce(new Cost(0, 0), Cost::plus), duration, cliCost);
            }
            if (weights.size() > 1 && rs.size() > 1) {
                Wer.Score loo = new Wer.Score(0, 0, 0);
                int found = 0;
                Cost cost = new Cost(0, 0);
                StringBuilder chosen = new StringBuilder();
                for (Result held : rs) {
                    double best = weights.getFirst();
                    int bestErrors = Integer.MAX_VALUE;
                    for (double weight : weights) {
                        int errors = rs.stream().filter(r -> r != held).mapToInt(r -> r.at(weight).score().errors()).sum();
                        if (errors < bestErrors) {
                            bestErrors = errors;
                            best = weight;
                        }
                    }
                    Adapted x = held.at(best);
                    loo = loo.plus(x.score());
                    found += x.names()[1];
                    cost = cost.plus(x.cost());
                    chosen.append(' ').append(held.item().name()).append('=').append(best);
                }
                line(e.getKey(), "LOO", loo, found, mentions, cost, duration, cliCost);
                System.out.printf(Locale.ROOT, "%-13s weight chosen on the other calls:%s%n", "", chosen);
            }
        }
        System.out.println("Domain model builds (base text + the other calls' transcripts + vocabulary):");
        for (String id : TenantAdaptations.TENANTS.keySet().stream().sorted().toList()) {
            var b = adaptations.stats(id);
            if (b != null) {
                System.out.printf(Locale.ROOT, "  %-8s %6d words %5d vocabulary %6d bigrams %6d trigrams %5d ms, %d pronunciations guessed, "
                        + "%d words without one%n", id, b.words(), b.vocabulary(), b.bigrams(), b.trigrams(), b.millis(),
                        b.pronunciations().size(), b.unpronounceable().size());
            }
        }
        System.out.println("names: mentions of the business's company and agent-name words recognised (clipped counts).");
        System.out.println("RTF of an adapted weight includes loading its model (a first call of the tenant); warm: loaded already.");
    }

    private static void line(String set, String label, Wer.Score score, int found, int mentions, Cost cost, double duration, Cost cliCost) {
        System.out.printf(Locale.ROOT, "%-13s %-9s %6.1f%% %4d/%-4d %8.3f %8.3f %11s %11s%n", set, label, 100 * score.wer(), found,
                mentions, cost.wall() / duration, cost.cpu() / duration,
                cliCost == null ? "-" : String.format(Locale.ROOT, "%10.2fx", cliCost.wall() / cost.wall()),
                cliCost == null ? "-" : String.format(Locale.ROOT, "%10.2fx", cliCost.cpu() / cost.cpu()));
    }

    /** The process's peak resident memory (engine, JVM and native decoders together), from /proc. */
    private static String peakMemory() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return "Peak resident memory of this process (JVM + native decoders): " + line.substring(6).strip();
                }
            }
        } catch (java.io.IOException ignored) {
            // not Linux
        }
        return "Peak resident memory: not available on this OS";
    }
}

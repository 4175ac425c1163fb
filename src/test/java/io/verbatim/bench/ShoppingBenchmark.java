package io.verbatim.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.CampaignDraft;
import io.verbatim.campaigns.CampaignStatus;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.platform.database.DatabaseRole;
import io.verbatim.support.ApiClient;
import io.verbatim.surveys.Surveys;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mystery shopping under load; never part of the test suite. The platform runs in this JVM (its heap is the one
 * measured; the client streams from disk in 64 KiB pieces, so it adds garbage, not retained memory).
 *
 * <ul>
 * <li>{@code tus [--size-mb 1024] [--chunk-mb 64] [--checksum false] [--jdk-client false] [--resume false]}: a shopper uploads
 *     a file of that size with tus in chunks, each with its {@code Upload-Checksum} sha1 (as static/js/tus.js does where
 *     the browser can compute one; the client's digests are computed before the clock starts), timed against a plain copy of the same file on the same disk in the same run, streamed in
 *     the same chunks with an fsync per chunk as tus must (before and after the uploads), then through the JDK's
 *     HttpClient to show the client's own cost ({@code --jdk-client false} skips it). Every PATCH is timed alike; the
 *     completion's part of the last one comes from the server's timer, and the server's CPU per GiB is printed
 *     ({@link UploadMeter}); the
 *     heap is sampled every 10 ms (peak used, garbage included) and, at each quarter of the upload, after a full GC
 *     (what is retained: a server that buffered the file would hold it here). A second upload of the same file drops
 *     its connection at 40% and resumes from HEAD's offset; the sha256 the server records must equal the file's
 *     ({@code --resume false} skips it).</li>
 * <li>{@code dashboard [--evaluations 100000] [--requests 300]}: bulk-generates analysed evaluations in one company
 *     (SQL, once per data directory), then times {@code GET /api/v1/dashboard} as the company's admin and as a
 *     manager of one campaign: p50/p95/p99.</li>
 * </ul>
 * {@code --data-dir} (default a fresh temporary directory; for the dashboard /work/bench-shopping, kept between runs).
 */
public final class ShoppingBenchmark {

    static final TenantId TENANT = new TenantId("bench-shopping");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ShoppingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "tus";
        Map<String, String> o = InsightsDataGenerator.options(args);
        Path dataDir = o.containsKey("data-dir") ? Path.of(o.get("data-dir"))
                : mode.equals("dashboard") ? Path.of("/work/bench-shopping") : Files.createTempDirectory("verbatim-bench-tus-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ConfigurableApplicationContext context = InsightsDataGenerator.startPlatform(dataDir, port)) {
            Setup setup = setup(context);
            ApiClient api = new ApiClient(port);
            if (mode.equals("dashboard")) {
                dashboard(context, api, setup, Integer.parseInt(o.getOrDefault("evaluations", "100000")),
                        Integer.parseInt(o.getOrDefault("requests", "300")));
            } else {
                tus(context, api, setup, dataDir, Long.parseLong(o.getOrDefault("size-mb", "1024")) << 20,
                        Integer.parseInt(o.getOrDefault("chunk-mb", "64")) << 20, !"false".equals(o.get("checksum")),
                        !"false".equals(o.get("jdk-client")), !"false".equals(o.get("resume")));
            }
        }
        if (!o.containsKey("data-dir") && !mode.equals("dashboard")) {
            // A run leaves about 3 GiB (three uploads in the blob store and the intake's copies): not in /tmp for good.
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.exit(0);
    }

    record Setup(UUID campaign, UUID otherCampaign, List<UUID> zones, UUID survey, UUID shopper, String shopperEmail,
                 String adminEmail, String managerEmail) {
    }

    /** The bench company through the modules' services: people, two zones, the survey and two active campaigns. */
    static Setup setup(ConfigurableApplicationContext context) throws IOException {
        Tenants tenants = context.getBean(Tenants.class);
        if (tenants.find(TENANT).isEmpty()) {
            tenants.create(TENANT, "Shopping benchmark", StorageMode.SHARED, null);
        }
        UserProvisioning users = context.getBean(UserProvisioning.class);
        String pw = ApiClient.DEMO_PASSWORD;
        users.ensureUser(TENANT, "admin@bench-shopping.local", "Admin", pw, Role.ADMIN, null, null);
        UUID manager = users.ensureUser(TENANT, "manager@bench-shopping.local", "Manager", pw, Role.MANAGER, null, null);
        UUID shopper = users.ensureUser(TENANT, "shopper@bench-shopping.local", "Shopper", pw, Role.AGENT, AgentKind.SHOPPER, null);
        Campaigns campaigns = context.getBean(Campaigns.class);
        Surveys surveys = context.getBean(Surveys.class);
        String definition = Files.readString(Path.of("src/test/resources/shopping/visita-sucursal.survey.json"));
        JsonMapper json = JsonMapper.builder().build();
        List<UUID> zones = TenantContext.callAs(TENANT, () -> List.of("Santo Domingo", "Santiago", "La Romana").stream()
                .map(name -> campaigns.zones().stream().filter(z -> z.name().equals(name)).findFirst()
                        .orElseGet(() -> campaigns.createZone(name, "DO", null, name)).id()).toList());
        UUID survey = TenantContext.callAs(TENANT, () -> surveys.named("Visita").orElseGet(() -> surveys.create("Visita",
                json.readTree(definition))).surveyId());
        LocalDate today = LocalDate.now();
        Campaign.Goals goals = new Campaign.Goals(100_000, 40_000, java.math.BigDecimal.valueOf(70));
        UUID campaign = campaigns.ensureCampaign(TENANT, new CampaignDraft("Bench 2026", null, CampaignStatus.ACTIVE, survey,
                today.minusDays(200), today.plusDays(30), zones, List.of(shopper), List.of(), goals)).id();
        UUID other = campaigns.ensureCampaign(TENANT, new CampaignDraft("Bench managed", null, CampaignStatus.ACTIVE, survey,
                today.minusDays(200), today.plusDays(30), zones, List.of(shopper), List.of(manager), goals)).id();
        return new Setup(campaign, other, zones, survey, shopper, "shopper@bench-shopping.local", "admin@bench-shopping.local",
                "manager@bench-shopping.local");
    }

    // ---------------------------------------------------------------- tus

    private static void tus(ConfigurableApplicationContext context, ApiClient api, Setup setup, Path dataDir, long size, int chunk,
                            boolean checksum, boolean jdkClient, boolean resume) throws Exception {
        System.out.printf("tus upload: %,d MiB in %d MiB PATCHes %s, %d cores, max heap %d MiB, data dir %s%n", size >> 20, chunk >> 20,
                checksum ? "each with an Upload-Checksum (sha1)" : "without checksums",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, dataDir);
        Path source = dataDir.resolve("bench-source.bin");
        String sha256 = write(source, size);
        List<String> checksums = checksum ? chunkChecksums(source, size, chunk) : null;
        // Two baselines on the same disk in the same run. "copy" is the fair one: the file streamed in the same chunks
        // as the PATCHes with one fsync per chunk, because tus must make every acknowledged offset durable (a PATCH
        // answers only after its bytes are forced). "page cache" is transferTo + one force at the end, the earlier
        // baseline: the kernel copies inside the page cache and writes back once, which no acknowledged-chunk
        // protocol can match, so it is printed for reference only.
        double copySeconds = chunkedCopy(source, dataDir.resolve("bench-copy.bin"), size, chunk);
        double cacheSeconds = pageCacheCopy(source, dataDir.resolve("bench-copy.bin"), size);
        String token = api.token(setup.shopperEmail());
        MeterRegistry meters = context.getBean(MeterRegistry.class);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long[] retained = {0};
        String location = create(api, token, setup, size);
        RawClient raw = new RawClient(URI.create(api.base()).getPort());
        // The sendfile client runs on this thread: its CPU is this thread's.
        UploadMeter meter = new UploadMeter(meters, dataDir, name -> false);
        int quarter = 1;
        for (long offset = 0; offset < size; ) {
            int n = (int) Math.min(chunk, size - offset);
            long from = offset;
            String sum = checksums == null ? null : checksums.get((int) (from / chunk));
            offset = meter.patch(() -> raw.patch(location, token, source, from, n, sum));
            // A full GC at each quarter shows what is retained; it runs between PATCHes, outside their time and CPU.
            while (offset >= quarter * size / 4 && quarter < 4) {
                meter.outside(() -> {
                    System.gc();
                    retained[0] = Math.max(retained[0], memory.getHeapMemoryUsage().getUsed() - baseline);
                });
                quarter++;
            }
        }
        UploadMeter.Result sendfile = meter.stop();
        sampling.set(false);
        sampler.join();
        double mib = size / 1048576.0;
        raw.close();
        // The same upload through the JDK's HttpClient (an InputStream body publisher, the earlier client), to show
        // what the client itself costs on these shared cores; its threads' CPU is the client's.
        UploadMeter.Result jdk = null;
        if (jdkClient) {
            String jdkLocation = create(api, token, setup, size);
            UploadMeter jdkMeter = new UploadMeter(meters, dataDir, name -> name.startsWith("HttpClient-"));
            for (long offset = 0; offset < size; ) {
                int n = (int) Math.min(chunk, size - offset);
                long from = offset;
                offset = jdkMeter.patch(() -> patch(api, jdkLocation, token, source, from, n, -1));
            }
            jdk = jdkMeter.stop();
        }
        double copyAfter = chunkedCopy(source, dataDir.resolve("bench-copy.bin"), size, chunk);
        System.out.printf("load average %.2f (1 min, at the end)%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("plain copy (page cache: transferTo, one force at the end, reference only): %.2f s  %.0f MiB/s%n",
                cacheSeconds, mib / cacheSeconds);
        System.out.printf("plain copy (streamed, %d MiB chunks, fsync per chunk), before / after the upload: %.2f s %.0f MiB/s / %.2f s %.0f MiB/s%n",
                chunk >> 20, copySeconds, mib / copySeconds, copyAfter, mib / copyAfter);
        copySeconds = (copySeconds + copyAfter) / 2;
        System.out.printf("plain copy:        %.2f s  %.0f MiB/s (the mean of the two streamed copies)%n", copySeconds, mib / copySeconds);
        report("sendfile client", sendfile, copySeconds, size);
        if (jdk != null) {
            report("JDK HttpClient", jdk, copySeconds, size);
        }
        System.out.printf("heap: baseline %d MiB, peak used %d MiB (+%d MiB, garbage included), retained after GC +%d MiB at most%n",
                baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20, Math.max(0, retained[0]) >> 20);
        System.out.printf("sha256 recorded = file's: %s%n", sha256.equals(recorded(api, token, location)));

        if (!resume) {
            Files.delete(source);
            return;
        }
        // Resumed: the connection drops 40% in, the client asks HEAD and goes on from there.
        String resumed = create(api, token, setup, size);
        long dropAt = size * 2 / 5;
        long offset = 0;
        boolean dropped = false;
        while (offset < size) {
            int n = (int) Math.min(chunk, size - offset);
            if (!dropped && offset + n > dropAt) {
                dropped = true;
                try {
                    patch(api, resumed, token, source, offset, n, dropAt - offset);
                } catch (IOException expected) {
                    // the dropped connection
                }
                offset = settledHead(api, resumed, token);
                System.out.printf("dropped at %,d bytes; HEAD says %,d%n", dropAt, offset);
                continue;
            }
            try {
                offset = patch(api, resumed, token, source, offset, n, -1);
            } catch (IOException stale) {
                // A pooled connection the server closed after the drop: as tus.js does, ask HEAD and go on from there.
                offset = head(api, resumed, token);
            }
        }
        System.out.printf("resumed upload's sha256 = file's: %s%n", sha256.equals(recorded(api, token, resumed)));
        Files.delete(source);
    }

    /** Every PATCH timed alike; the completion (server timer) apart and together; the server's CPU per GiB. */
    private static void report(String client, UploadMeter.Result r, double copySeconds, long size) {
        double mib = size / 1048576.0;
        double gib = size / 1073741824.0;
        System.out.printf("tus PATCHes (%s): %.2f s  %.0f MiB/s  (%.0f%% of the copy) to the spool; %d PATCHes, %.1f ms each%n", client,
                r.streamSeconds(), mib / r.streamSeconds(), 100 * copySeconds / r.streamSeconds(), r.patches(),
                1000 * r.streamSeconds() / r.patches());
        System.out.printf("  completion (inside the last PATCH, server's timer): %.2f s; tus with completion %.2f s  %.0f MiB/s (%.0f%% of the copy)%n",
                r.completionSeconds(), r.patchSeconds(), mib / r.patchSeconds(), 100 * copySeconds / r.patchSeconds());
        System.out.printf("  server CPU per GiB: JVM %.2f s (process CPU minus the client's threads and the benchmark's GCs), PostgreSQL %.2f s%n",
                r.serverCpuSeconds() / gib, r.databaseCpuSeconds() / gib);
        StringBuilder top = new StringBuilder();
        r.threadCpuSeconds().forEach((name, cpu) -> top.append(String.format("%s %.2f s, ", name, cpu)));
        System.out.printf("  the JVM's threads by CPU (live ones, whole upload): %s%n", top);
    }

    /** Each chunk's SHA-1 (Base64), as the client sends it in {@code Upload-Checksum}. */
    private static List<String> chunkChecksums(Path source, long size, int chunk) throws Exception {
        List<String> sums = new ArrayList<>();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(source)) {
            for (long offset = 0; offset < size; offset += chunk) {
                MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
                for (long left = Math.min(chunk, size - offset); left > 0; ) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    sha1.update(buffer, 0, n);
                    left -= n;
                }
                sums.add(Base64.getEncoder().encodeToString(sha1.digest()));
            }
        }
        return sums;
    }

    /** The file streamed to {@code target} in {@code chunk}-sized pieces through a 1 MiB buffer, forced after each piece. */
    private static double chunkedCopy(Path source, Path target, long size, int chunk) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(1 << 20);
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (FileChannel in = FileChannel.open(source); FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long done = 0; done < size; ) {
                long end = Math.min(size, done + chunk);
                while (done < end) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), end - done));
                    int n = in.read(buffer, done);
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    done += n;
                }
                out.force(false);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("streamed copy: %.2f s, CPU %.2f s per GiB (its thread: reads, writes, fsyncs)%n", seconds,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9 / (size / 1073741824.0));
        Files.delete(target);
        return seconds;
    }

    private static double pageCacheCopy(Path source, Path target, long size) throws IOException {
        long t0 = System.nanoTime();
        try (FileChannel in = FileChannel.open(source); FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long done = 0; done < size; ) {
                done += in.transferTo(done, size - done, out);
            }
            out.force(false);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.delete(target);
        return seconds;
    }

    private static String write(Path file, long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(15);
        byte[] block = new byte[8 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; ) {
                for (int i = 0; i < block.length; i += 8) {
                    long v = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (v >>> (8 * b));
                    }
                }
                int n = (int) Math.min(block.length, size - done);
                out.write(block, 0, n);
                sha.update(block, 0, n);
                done += n;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String create(ApiClient api, String token, Setup setup, long size) {
        ApiClient.Response e = api.post("/api/v1/evaluations", token, """
                {"campaign_id": "%s", "zone_id": "%s", "check_in_at": "2026-12-05T14:30:00Z",
                 "answers": {"saludo": true, "amabilidad": 4, "oferta": "si", "extras": ["cafe"], "cierre": true}}"""
                .formatted(setup.campaign(), setup.zones().getFirst()));
        if (e.status() != 201) {
            throw new IllegalStateException(e.raw());
        }
        ApiClient.Response r = api.send("POST", "/api/v1/evaluations/" + e.body().get("id").asString() + "/uploads", token,
                Map.of("Tus-Resumable", "1.0.0", "Upload-Length", Long.toString(size), "Upload-Metadata",
                        "filename " + java.util.Base64.getEncoder().encodeToString("visita.mp4".getBytes())), null);
        if (r.status() != 201) {
            throw new IllegalStateException(r.raw());
        }
        return r.header("Location");
    }

    /** PATCHes {@code n} bytes from {@code offset}; {@code dropAfter} >= 0 breaks the body after that many bytes. */
    private static long patch(ApiClient api, String location, String token, Path source, long offset, int n, long dropAfter)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + location))
                .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> range(source, offset, n, dropAfter)), n))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", Long.toString(offset)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 204) {
            throw new IllegalStateException("PATCH " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /**
     * The client of the timed upload: HTTP/1.1 on one kept-alive connection, each PATCH's body sent from the file with
     * {@code transferTo} (sendfile), as a browser sends a Blob slice from native code. The JDK's HttpClient with an
     * InputStream publisher spent more CPU than the server's PATCH path on these shared cores (JFR), which measured
     * the client rather than the server.
     */
    static final class RawClient implements AutoCloseable {

        private final int port;
        private java.nio.channels.SocketChannel channel;
        private final java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(64 * 1024);

        RawClient(int port) {
            this.port = port;
        }

        long patch(String location, String token, Path source, long offset, int n, String checksum) throws IOException {
            if (channel == null || !channel.isOpen()) {
                channel = java.nio.channels.SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", port));
                in.clear().flip();
            }
            String head = "PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: " + offset
                    + (checksum == null ? "" : "\r\nUpload-Checksum: sha1 " + checksum) + "\r\nContent-Length: " + n + "\r\n\r\n";
            java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            while (h.hasRemaining()) {
                channel.write(h);
            }
            try (FileChannel file = FileChannel.open(source)) {
                for (long sent = 0; sent < n; ) {
                    sent += file.transferTo(offset + sent, n - sent, channel);
                }
            }
            StringBuilder response = new StringBuilder();
            while (response.indexOf("\r\n\r\n") < 0) {
                if (!in.hasRemaining()) {
                    in.clear();
                    if (channel.read(in) < 0) {
                        throw new IOException("connection closed");
                    }
                    in.flip();
                }
                response.append((char) in.get());
            }
            String[] lines = response.toString().split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            long length = 0;
            String uploadOffset = null;
            boolean close = false;
            for (String line : lines) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).strip());
                } else if (lower.startsWith("upload-offset:")) {
                    uploadOffset = line.substring(14).strip();
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            for (long skipped = 0; skipped < length; skipped++) {
                if (!in.hasRemaining()) {
                    in.clear();
                    channel.read(in);
                    in.flip();
                }
                in.get();
            }
            if (close) {
                // Tomcat ends a kept-alive connection after maxKeepAliveRequests (100) and says so.
                channel.close();
            }
            if (status != 204) {
                throw new IllegalStateException("PATCH " + status + " " + response);
            }
            return Long.parseLong(uploadOffset);
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private static InputStream range(Path source, long offset, int n, long dropAfter) {
        try {
            InputStream in = Channels.newInputStream(FileChannel.open(source).position(offset));
            return new InputStream() {
                long left = n;
                long sent;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (dropAfter >= 0 && sent >= dropAfter) {
                        throw new IOException("connection dropped (simulated)");
                    }
                    if (left == 0) {
                        return -1;
                    }
                    int max = (int) Math.min(len, Math.min(left, dropAfter >= 0 ? dropAfter - sent : Long.MAX_VALUE));
                    int r = in.read(b, off, Math.max(1, max));
                    if (r > 0) {
                        left -= r;
                        sent += r;
                    }
                    return r;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * HEAD once the server noticed the drop: until then the dropped PATCH still holds the upload and HEAD gives the
     * offset before it (a tus client retries on the 409 that follows; this one waits for two equal answers).
     */
    private static long settledHead(ApiClient api, String location, String token) throws InterruptedException {
        long last = head(api, location, token);
        for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            long now = head(api, location, token);
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static long head(ApiClient api, String location, String token) {
        return Long.parseLong(api.send("HEAD", location, token, Map.of("Tus-Resumable", "1.0.0"), null).header("Upload-Offset"));
    }

    private static String recorded(ApiClient api, String token, String location) {
        String evaluation = location.split("/")[4];
        String upload = location.substring(location.lastIndexOf('/') + 1);
        for (JsonNode u : api.get("/api/v1/evaluations/" + evaluation, token).body().get("uploads")) {
            if (u.get("id").asString().equals(upload)) {
                return u.path("sha256").asString("");
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- dashboard

    private static void dashboard(ConfigurableApplicationContext context, ApiClient api, Setup setup, int evaluations, int requests)
            throws Exception {
        DataSource owner = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), DataSource.class, DatabaseRole.OWNER);
        long have;
        try (Connection c = owner.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM shopper_evaluations WHERE tenant_id = '" + TENANT.value() + "'")) {
            rs.next();
            have = rs.getLong(1);
        }
        if (have < evaluations) {
            long t0 = System.nanoTime();
            try (Connection c = owner.getConnection(); var st = c.createStatement()) {
                String zones = "ARRAY['" + String.join("','", setup.zones().stream().map(UUID::toString).toList()) + "']::uuid[]";
                // Two campaigns (the manager has the second), three zones, 180 days, four of five analysed.
                st.execute("""
                        INSERT INTO shopper_evaluations (id, tenant_id, campaign_id, zone_id, shopper_id, survey_id, survey_version,
                            answers, score, passed, critical_failed, status, language, check_in_at, created_at, updated_at)
                        SELECT gen_random_uuid(), '%1$s', CASE WHEN i %% 4 = 0 THEN '%3$s'::uuid ELSE '%2$s'::uuid END,
                               (%4$s)[1 + i %% 3], '%5$s', '%6$s', 1, '{}'::jsonb, s, s >= 70, i %% 37 = 0,
                               CASE WHEN i %% 5 = 0 THEN 'pending' ELSE 'completed' END, 'es', t, t, t
                        FROM (SELECT i, round((40 + random() * 60)::numeric, 2) AS s,
                                     now() - random() * interval '180 days' AS t FROM generate_series(%7$d, %8$d) i) g"""
                        .formatted(TENANT.value(), setup.campaign(), setup.otherCampaign(), zones, setup.shopper(), setup.survey(),
                                have, evaluations - 1));
                st.execute("""
                        INSERT INTO evaluation_analyses (tenant_id, evaluation_id, conversation_id, language, executive, operative)
                        SELECT e.tenant_id, e.id, gen_random_uuid(), 'es',
                               jsonb_build_object('language', 'es', 'rating', 3, 'nps', (random() * 10)::int, 'markdown', '# Visita'),
                               jsonb_build_object('ioc', (random() * 100)::int, 'ird', (random() * 100)::int, 'ces', (random() * 100)::int,
                                 'checks', jsonb_build_object('greeting', jsonb_build_object('passed', random() > 0.2),
                                   'identification', jsonb_build_object('passed', random() > 0.4),
                                   'offer', jsonb_build_object('passed', random() > 0.5),
                                   'closure', jsonb_build_object('passed', random() > 0.3),
                                   'value_added', jsonb_build_object('passed', random() > 0.6)))
                        FROM shopper_evaluations e LEFT JOIN evaluation_analyses a ON a.evaluation_id = e.id
                        WHERE e.tenant_id = '%s' AND e.status = 'completed' AND a.evaluation_id IS NULL""".formatted(TENANT.value()));
                st.execute("ANALYZE shopper_evaluations");
                st.execute("ANALYZE evaluation_analyses");
            }
            System.out.printf("Generated %,d evaluations (with analyses) in %.1f s%n", evaluations - have, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("GET /api/v1/dashboard, %,d evaluations in one company, %d requests each, %d cores%n", Math.max(have, evaluations),
                requests, Runtime.getRuntime().availableProcessors());
        for (String who : List.of(setup.adminEmail(), setup.managerEmail())) {
            String token = api.token(who);
            for (int i = 0; i < 10; i++) {
                check(api.get("/api/v1/dashboard", token));
            }
            double[] ms = new double[requests];
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                check(api.get("/api/v1/dashboard", token));
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("  %-30s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", who, ms[requests / 2],
                    ms[(int) Math.ceil(requests * 0.95) - 1], ms[(int) Math.ceil(requests * 0.99) - 1], ms[requests - 1]);
        }
    }

    private static void check(ApiClient.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("dashboard " + r.status() + " " + r.raw());
        }
    }
}

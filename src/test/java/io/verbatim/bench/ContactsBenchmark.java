package io.verbatim.bench;

import io.verbatim.contacts.ContactCards;
import io.verbatim.contacts.ContactHint;
import io.verbatim.platform.database.DatabaseRole;
import io.verbatim.support.ApiClient;
import io.verbatim.support.ServerProcess;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Contact cards under load; never part of the test suite.
 *
 * <ul>
 * <li>{@code intake [uploads] [clients]}: accept latency of uploads that name a customer phone (a third new numbers,
 *     the rest repeats), on two quiet servers started side by side, one linking conversations to cards and one
 *     with {@code verbatim.contacts.link-on-intake=false}; rounds alternate between them so both see the same
 *     machine. Prints p50/p95/p99 of each and the p99 ratio (the issue allows 1.10).</li>
 * <li>{@code lookup [contacts] [lookups]}: loads N cards (default 1,000,000) into one tenant, then times
 *     {@link ContactCards#findByPhone} with numbers in national format (normalisation, transaction, query) and
 *     {@link ContactCards#findOrCreate} of existing numbers. Data stays in {@code --data-dir}
 *     (default /work/bench-contacts) so a second run skips loading.</li>
 * </ul>
 */
public final class ContactsBenchmark {

    private ContactsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "intake";
        if (mode.equals("lookup")) {
            lookup(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000, args.length > 2 ? Integer.parseInt(args[2]) : 5000,
                    Path.of(System.getProperty("bench.data-dir", "/work/bench-contacts")));
        } else {
            intake(args.length > 1 ? Integer.parseInt(args[1]) : 600, args.length > 2 ? Integer.parseInt(args[2]) : 8);
        }
        System.exit(0);
    }

    private static void intake(int uploads, int clients) throws Exception {
        byte[] small = TestAudio.clip(TestData.call("va_008.mono.wav"), 5, 2);
        List<String> quiet = List.of("verbatim.pipeline.enabled=false", "verbatim.ingest.drop-folder-enabled=false",
                "logging.level.root=warn");
        ServerProcess linking = new ServerProcess(Files.createTempDirectory("verbatim-bench-link-"), quiet);
        ServerProcess baseline = new ServerProcess(Files.createTempDirectory("verbatim-bench-nolink-"),
                concat(quiet, "verbatim.contacts.link-on-intake=false"));
        System.out.printf("Contact linking on intake: %d uploads x 3 rounds per server from %d clients, %d cores%n", uploads,
                clients, Runtime.getRuntime().availableProcessors());
        try {
            linking.start();
            baseline.start();
            Map<String, Target> targets = Map.of("linking", new Target(linking), "baseline", new Target(baseline));
            for (Target t : targets.values()) {
                t.run(small, 100, clients, 0); // warm-up
            }
            Stats link = new Stats();
            Stats base = new Stats();
            for (int round = 1; round <= 3; round++) {
                base.add(targets.get("baseline").run(small, uploads, clients, round));
                link.add(targets.get("linking").run(small, uploads, clients, round));
            }
            double[] b = base.sorted();
            double[] l = link.sorted();
            System.out.printf("baseline (no linking)  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  (n=%d)%n", Load.percentile(b, 50),
                    Load.percentile(b, 95), Load.percentile(b, 99), b.length);
            System.out.printf("with contact linking   p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  (n=%d)%n", Load.percentile(l, 50),
                    Load.percentile(l, 95), Load.percentile(l, 99), l.length);
            double ratio = Load.percentile(l, 99) / Load.percentile(b, 99);
            System.out.printf("p99 ratio linking/baseline: %.2fx (target <= 1.10: %s)%n", ratio, ratio <= 1.10 ? "MET" : "NOT MET");
        } finally {
            linking.stop();
            baseline.stop();
        }
    }

    private static final class Target {
        final Uploads client;
        final String token;

        Target(ServerProcess server) {
            ApiClient api = new ApiClient(server.port());
            this.client = new Uploads(api);
            this.token = api.token("admin@demo.local");
        }

        double[] run(byte[] wav, int count, int clients, int round) throws Exception {
            Load.Run run = Load.concurrently(count, clients, i -> {
                // a third are new callers, the rest call again (the same numbers on both servers)
                String phone = i % 3 == 0 ? "+1512" + (3000000 + round * 100000 + i) : "+1512" + (2000000 + i % 50);
                String meta = "{\"external_id\":\"r" + round + "-" + i + "\",\"customer\":{\"phone\":\"" + phone + "\"}}";
                return client.upload(token, new Part("media", "small.wav", "audio/wav", wav), Part.json("metadata", meta))
                        .status() == 202;
            });
            if (run.failures() > 0) {
                System.out.println("  failures: " + run.failures());
            }
            return run.latencies();
        }
    }

    private static final class Stats {
        private double[] all = new double[0];

        void add(double[] more) {
            double[] joined = java.util.Arrays.copyOf(all, all.length + more.length);
            System.arraycopy(more, 0, joined, all.length, more.length);
            all = joined;
        }

        double[] sorted() {
            double[] copy = all.clone();
            java.util.Arrays.sort(copy);
            return copy;
        }
    }

    private static List<String> concat(List<String> a, String b) {
        return java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(b)).toList();
    }

    private static void lookup(int contacts, int lookups, Path dataDir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ConfigurableApplicationContext context = InsightsDataGenerator.startPlatform(dataDir, port)) {
            TenantId tenant = new TenantId("bench-contacts");
            Tenants tenants = context.getBean(Tenants.class);
            if (tenants.find(tenant).isEmpty()) {
                tenants.create(tenant, "Contacts benchmark", StorageMode.SHARED, null);
            }
            DataSource owner = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), DataSource.class,
                    DatabaseRole.OWNER);
            long have;
            try (Connection c = owner.getConnection(); var st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM contact_card WHERE tenant_id = 'bench-contacts'")) {
                rs.next();
                have = rs.getLong(1);
            }
            if (have < contacts) {
                long t0 = System.nanoTime();
                try (Connection c = owner.getConnection(); var st = c.createStatement()) {
                    // +1 512 2xx xxxx..: numbers i, e-mails for every tenth, a name each
                    st.execute("""
                            INSERT INTO contact_card (id, tenant_id, primary_phone, email, first_name, last_name, full_name, source)
                            SELECT gen_random_uuid(), 'bench-contacts', '+1512' || (2000000 + i)::text,
                                   CASE WHEN i %% 10 = 0 THEN 'c' || i || '@example.com' END, 'First' || i, 'Last' || (i %% 5000),
                                   'First' || i || ' Last' || (i %% 5000), 'import'
                            FROM generate_series(%d, %d) i""".formatted(have, contacts - 1));
                    st.execute("ANALYZE contact_card");
                }
                System.out.printf("Loaded %,d contact cards in %.1f s%n", contacts - have, (System.nanoTime() - t0) / 1e9);
            }
            ContactCards cards = context.getBean(ContactCards.class);
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 500; i++) { // warm-up
                cards.findByPhone(tenant, national(random.nextInt(contacts)));
            }
            double[] find = new double[lookups];
            int misses = 0;
            for (int i = 0; i < lookups; i++) {
                String phone = national(random.nextInt(contacts));
                long t0 = System.nanoTime();
                misses += cards.findByPhone(tenant, phone).isEmpty() ? 1 : 0;
                find[i] = (System.nanoTime() - t0) / 1e6;
            }
            double[] foc = new double[lookups];
            for (int i = 0; i < lookups; i++) {
                String phone = national(random.nextInt(contacts));
                long t0 = System.nanoTime();
                cards.findOrCreate(tenant, ContactHint.phone(phone));
                foc[i] = (System.nanoTime() - t0) / 1e6;
            }
            java.util.Arrays.sort(find);
            java.util.Arrays.sort(foc);
            System.out.printf("Contact lookup by phone at %,d contacts (%d lookups, national format, one thread):%n", contacts, lookups);
            System.out.printf("  findByPhone            p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  misses %d (target p95 <= 10 ms: %s)%n",
                    Load.percentile(find, 50), Load.percentile(find, 95), Load.percentile(find, 99), misses,
                    Load.percentile(find, 95) <= 10 ? "MET" : "NOT MET");
            System.out.printf("  findOrCreate (exists)  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n",
                    Load.percentile(foc, 50), Load.percentile(foc, 95), Load.percentile(foc, 99));
        }
    }

    private static String national(int i) {
        String digits = Integer.toString(2000000 + i);
        return "(512) " + digits.substring(0, 3) + "-" + digits.substring(3);
    }
}

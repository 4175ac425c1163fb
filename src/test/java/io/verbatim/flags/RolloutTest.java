package io.verbatim.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

/** Rollout buckets are Unleash's: murmur3 x86 32-bit, seed 0, read unsigned, mod 100, plus 1. */
class RolloutTest {

    private static long murmur(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, 0));
    }

    @Test
    void theHashIsMurmur3OnPublishedVectors() {
        assertThat(murmur("")).isZero();
        assertThat(murmur("hello")).isEqualTo(0x248bfa47L);
        assertThat(murmur("Hello world")).isEqualTo(2911983372L);
        assertThat(murmur("The quick brown fox jumps over the lazy dog")).isEqualTo(0x2e4ff723L);
    }

    @Test
    void bucketsMatchUnleashClientsNormalisedValues() {
        // unleash-client-node: normalizedValue('123', 'gr1') == 73 and ('999', 'groupX') == 25, "the same across node,
        // java and go clients"; the group id comes first, as our flag key does.
        assertThat(Rollout.bucket("gr1", "123")).isEqualTo(73);
        assertThat(Rollout.bucket("groupX", "999")).isEqualTo(25);
    }

    @Test
    void aTenantInsideStaysInsideAsThePercentageGrows() {
        Set<String> previous = new HashSet<>();
        for (int percent = 0; percent <= 100; percent += 5) {
            Set<String> inside = new HashSet<>();
            for (int i = 0; i < 2000; i++) {
                String tenant = "tenant-" + i;
                if (Rollout.inside("new-dashboard", tenant, percent)) {
                    inside.add(tenant);
                }
            }
            assertThat(inside).as("at %d%%", percent).containsAll(previous);
            previous = inside;
        }
        assertThat(previous).hasSize(2000);
    }

    @Test
    void bucketsSpreadEvenlyAndDifferByFlag() {
        int inside = 0;
        int both = 0;
        for (int i = 0; i < 10_000; i++) {
            boolean a = Rollout.inside("flag-a", "tenant-" + i, 25);
            boolean b = Rollout.inside("flag-b", "tenant-" + i, 25);
            inside += a ? 1 : 0;
            both += a && b ? 1 : 0;
            assertThat(Rollout.bucket("flag-a", "tenant-" + i)).isBetween(1, 100);
        }
        assertThat(inside).isBetween(2300, 2700);
        // Independent per flag: about a quarter of a quarter, not the same tenants every time.
        assertThat(both).isBetween(450, 800);
    }
}

package io.verbatim.flags;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Percentage rollout buckets as Unleash computes them: {@code murmur3_32("<flag>:<tenant>", seed 0) % 100 + 1},
 * the hash read as unsigned. A tenant's bucket never changes, so raising the percentage only adds tenants.
 */
public final class Rollout {

    private Rollout() {
    }

    /** The tenant's bucket for this flag, 1-100. */
    public static int bucket(String flagKey, String tenantId) {
        byte[] bytes = (flagKey + ":" + tenantId).getBytes(StandardCharsets.UTF_8);
        return (int) (Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, 0)) % 100) + 1;
    }

    public static boolean inside(String flagKey, String tenantId, int percent) {
        return bucket(flagKey, tenantId) <= percent;
    }
}

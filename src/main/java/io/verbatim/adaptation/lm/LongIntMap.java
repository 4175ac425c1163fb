package io.verbatim.adaptation.lm;

import java.util.Arrays;

/**
 * Open-addressing map from non-zero {@code long} keys (packed n-grams) to {@code int} values. Boxed
 * maps would cost ~60 bytes an entry and most of the build time for millions of trigrams.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** Adds {@code delta} to the key's value (0 when absent); returns the new value. */
    int add(long key, int delta) {
        int i = slot(key);
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
            values[i] = delta;
            if (size * 2 > keys.length) {
                grow();
            }
            return delta;
        }
        return values[i] += delta;
    }

    void put(long key, int value) {
        int i = slot(key);
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
            values[i] = value;
            if (size * 2 > keys.length) {
                grow();
            }
        } else {
            values[i] = value;
        }
    }

    /** The value, or {@code missing}. */
    int get(long key, int missing) {
        int i = slot(key);
        return keys[i] == 0 ? missing : values[i];
    }

    /** The keys in ascending order. */
    long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != 0) {
                out[n++] = k;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private int slot(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        int i = (int) (mix(key) & mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}

package io.verbatim.analysis.internal.learned;

import java.util.Arrays;

/**
 * The {@code k} largest values offered and their rows, largest first; an equal value does not displace an earlier
 * row (so the nearest-neighbour votes stay the same whatever the bank's order of ties). Insertion into a sorted array:
 * k is small (a few dozen), where this beats a heap.
 */
final class TopK {

    private final double[] values;
    private final int[] rows;
    private int size;

    TopK(int k) {
        values = new double[k];
        rows = new int[k];
        Arrays.fill(values, Double.NEGATIVE_INFINITY);
    }

    /** Whether {@code value} would be kept: the cheap test a caller can make before computing anything more. */
    boolean admits(double value) {
        return size < values.length || size > 0 && value > values[values.length - 1];
    }

    void offer(double value, int row) {
        if (!admits(value)) {
            return;
        }
        int at = Math.min(size, values.length - 1);
        while (at > 0 && values[at - 1] < value) {
            values[at] = values[at - 1];
            rows[at] = rows[at - 1];
            at--;
        }
        values[at] = value;
        rows[at] = row;
        size = Math.min(values.length, size + 1);
    }

    int size() {
        return size;
    }

    /** The i-th largest value (0 = largest); negative infinity while fewer than i + 1 were offered. */
    double value(int i) {
        return values[i];
    }

    int[] rows() {
        return Arrays.copyOf(rows, size);
    }

    double[] values() {
        return Arrays.copyOf(values, size);
    }
}

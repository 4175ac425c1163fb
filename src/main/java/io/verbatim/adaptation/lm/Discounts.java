package io.verbatim.adaptation.lm;

/**
 * Modified Kneser-Ney discounts of one order (Chen and Goodman 1998): D1, D2 and D3+ for n-grams
 * seen once, twice and three or more times, from the counts of counts n1..n4. Small or odd texts
 * can give discounts outside (0, c); those fall back to one absolute discount Y = n1 / (n1 + 2 n2).
 */
public record Discounts(double d1, double d2, double d3) {

    static Discounts of(long n1, long n2, long n3, long n4) {
        if (n1 > 0 && n2 > 0 && n3 > 0 && n4 > 0) {
            double y = n1 / (double) (n1 + 2 * n2);
            double d1 = 1 - 2 * y * n2 / n1;
            double d2 = 2 - 3 * y * n3 / n2;
            double d3 = 3 - 4 * y * n4 / n3;
            if (d1 > 0 && d1 < 1 && d2 > 0 && d2 < 2 && d3 > 0 && d3 < 3) {
                return new Discounts(d1, d2, d3);
            }
        }
        double y = n1 > 0 && n2 > 0 ? n1 / (double) (n1 + 2 * n2) : 0.5;
        y = Math.clamp(y, 0.05, 0.95);
        return new Discounts(y, y, y);
    }

    /** Counts of counts 1..4 of {@code counts}. */
    static Discounts from(int[] counts, int from, int to) {
        long[] n = new long[5];
        for (int i = from; i < to; i++) {
            if (counts[i] >= 1 && counts[i] <= 4) {
                n[counts[i]]++;
            }
        }
        return of(n[1], n[2], n[3], n[4]);
    }

    double of(int count) {
        return count <= 0 ? 0 : count == 1 ? d1 : count == 2 ? d2 : d3;
    }
}

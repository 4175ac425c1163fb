package io.verbatim.analysis.internal.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void keepsTheLargestFirstAndTheEarlierRowOfATie() {
        TopK top = new TopK(3);
        double[] values = {0.2, 0.9, 0.5, 0.9, 0.1, 0.7};
        for (int i = 0; i < values.length; i++) {
            top.offer(values[i], i);
        }
        assertThat(top.rows()).containsExactly(1, 3, 5);
        assertThat(top.values()).containsExactly(0.9, 0.9, 0.7);
        assertThat(top.admits(0.7)).isFalse();
        assertThat(top.admits(0.71)).isTrue();
    }

    @Test
    void holdsFewerThanKWhenFewerWereOffered() {
        TopK top = new TopK(5);
        top.offer(-0.3, 7);
        top.offer(0.4, 2);
        assertThat(top.size()).isEqualTo(2);
        assertThat(top.rows()).containsExactly(2, 7);
        assertThat(top.value(4)).isEqualTo(Double.NEGATIVE_INFINITY);
        TopK none = new TopK(0);
        none.offer(1.0, 0);
        assertThat(none.rows()).isEmpty();
    }

    @Test
    void agreesWithASortOnRandomValues() {
        Random random = new Random(7);
        double[] values = random.doubles(500).map(v -> Math.round(v * 50) / 50.0).toArray(); // many ties
        TopK top = new TopK(20);
        for (int i = 0; i < values.length; i++) {
            top.offer(values[i], i);
        }
        int[] expected = IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b))
                .limit(20).mapToInt(Integer::intValue).toArray();
        assertThat(top.rows()).containsExactly(expected);
    }
}

package io.verbatim.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void parsesSingleHttpRanges() {
        assertThat(ByteRange.parseHttp("bytes=0-99")).contains(ByteRange.of(0, 100));
        assertThat(ByteRange.parseHttp("bytes=100-")).contains(ByteRange.from(100));
        assertThat(ByteRange.parseHttp("bytes=-500")).contains(ByteRange.last(500));
        assertThat(ByteRange.parseHttp(" bytes=5-5 ")).contains(ByteRange.of(5, 1));
    }

    @Test
    void ignoresWhatHttpSaysToIgnore() {
        for (String header : new String[] {null, "", "bytes=", "bytes=-", "bytes=-0", "bytes=9-3", "items=0-1", "bytes=0-1,5-9",
                "bytes=99999999999999999999-"}) {
            assertThat(ByteRange.parseHttp(header)).as(String.valueOf(header)).isEmpty();
        }
    }

    @Test
    void resolvesAgainstTheObjectSize() {
        assertThat(ByteRange.of(990, 100).resolve(1000)).contains(new ByteRange.Span(990, 10));
        assertThat(ByteRange.of(1000, 1).resolve(1000)).isEmpty();
        assertThat(ByteRange.from(0).resolve(0)).isEmpty();
        assertThat(ByteRange.last(5000).resolve(1000)).contains(new ByteRange.Span(0, 1000));
        assertThat(ByteRange.last(1).resolve(0)).isEmpty();
        assertThat(ByteRange.of(0, Long.MAX_VALUE).httpValue()).isEqualTo("bytes=0-" + (Long.MAX_VALUE - 1));
        assertThat(ByteRange.of(5, Long.MAX_VALUE).httpValue()).isEqualTo("bytes=5-" + Long.MAX_VALUE);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> ByteRange.of(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteRange.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteRange.from(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteRange.last(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.verbatim.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlobKeyTest {

    @Test
    void acceptsLayoutKeys() {
        for (String key : List.of("input/acme/audio/0b6f6a8e-2d1c-4a55-9b7e-3f1d2c4b5a69.mp3", "results/acme/final/v2.0-flat/qa/c_1.json",
                "config/acme/ai-config.json", "a", "A-b_c.9")) {
            assertThat(new BlobKey(key).value()).isEqualTo(key);
        }
        assertThat(BlobKey.of("a", "b", "c.json").value()).isEqualTo("a/b/c.json");
        assertThat(BlobKey.of("a", "b", "c.json").name()).isEqualTo("c.json");
    }

    @Test
    void rejectsTraversalEmptySegmentsHiddenNamesAndControlCharacters() {
        for (String key : List.of("..", "../x", "a/../b", "a/..", "a/./b", ".", "./a", "/a", "a/", "a//b", "", ".x", "a/.x",
                "a\\b", "a b", "a\tb", "a\nb", "a\u0000b", "a\u007fb", "ä", "a:b", "a..b", "x".repeat(256))) {
            assertThatThrownBy(() -> new BlobKey(key)).as(key).isInstanceOf(InvalidBlobKeyException.class);
        }
        assertThatThrownBy(() -> new BlobKey(null)).isInstanceOf(InvalidBlobKeyException.class);
        assertThatThrownBy(() -> new BlobKey(("abcdefgh/").repeat(114) + "x")).isInstanceOf(InvalidBlobKeyException.class);
    }

    @Test
    void errorMessagesDoNotCarryControlCharacters() {
        assertThatThrownBy(() -> new BlobKey("a\nforged log line"))
                .hasMessageContaining("\\u000a").hasMessageNotContaining("\n");
    }

    @Test
    void prefixesMayEndWithASlashOrPartOfASegment() {
        for (String prefix : List.of("", "input/", "input/acme/audio/c-1.", "input/ac", "results/acme/final/v1.0/")) {
            assertThat(BlobKey.requireValidPrefix(prefix)).isEqualTo(prefix);
        }
        for (String prefix : List.of("/", "../", "input/../", "input//", "input/.", "input/./x", "a\u0000")) {
            assertThatThrownBy(() -> BlobKey.requireValidPrefix(prefix)).as(prefix).isInstanceOf(InvalidBlobKeyException.class);
        }
        assertThatThrownBy(() -> BlobKey.requireValidPrefix(null)).isInstanceOf(InvalidBlobKeyException.class);
    }

    @Test
    void bucketNamesArePortable() {
        assertThat(BucketName.of("verbatim-acme").value()).isEqualTo("verbatim-acme");
        for (String bad : List.of("ab", "Verbatim", "a.b", "-ab", "ab-", "a--b", "a_b", "a".repeat(64))) {
            assertThatThrownBy(() -> BucketName.of(bad)).as(bad).isInstanceOf(InvalidBlobKeyException.class);
        }
    }
}

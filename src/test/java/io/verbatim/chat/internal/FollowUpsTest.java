package io.verbatim.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpsTest {

    @Test
    void a_question_that_refers_back_searches_with_the_previous_one() {
        List<String> earlier = List.of("What does the Pro plan cost?");
        assertThat(FollowUps.resolve("and for teams?", earlier)).isEqualTo("What does the Pro plan cost? and for teams?");
        assertThat(FollowUps.resolve("Is it billed monthly or yearly in advance?", earlier)).startsWith("What does the Pro plan cost?");
    }

    @Test
    void a_new_question_stands_alone() {
        assertThat(FollowUps.resolve("How long does shipping to Canada take?", List.of("What does the Pro plan cost?")))
                .isEqualTo("How long does shipping to Canada take?");
        assertThat(FollowUps.resolve("and for teams?", List.of())).isEqualTo("and for teams?");
    }
}

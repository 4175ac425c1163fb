package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.speech.Speaker;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelRolesTest {

    @Test
    void defaults() {
        ChannelRoles roles = ChannelRoles.defaults();
        assertThat(roles.roleOfChannel(0)).isEqualTo(Speaker.AGENT);
        assertThat(roles.roleOfChannel(1)).isEqualTo(Speaker.CUSTOMER);
        assertThat(roles.roleOfChannel(2)).isEqualTo(Speaker.UNKNOWN);
        assertThat(roles.roleOfSpeaker("spk_0")).isEmpty();
        assertThat(ChannelRoles.parse(null)).isEqualTo(roles);
        assertThat(ChannelRoles.parse("  ")).isEqualTo(roles);
    }

    @Test
    void parse() {
        ChannelRoles swapped = ChannelRoles.parse("ch_0=customer");
        assertThat(swapped.channels()).isEqualTo(Map.of(0, Speaker.CUSTOMER, 1, Speaker.AGENT));
        assertThat(swapped).isEqualTo(ChannelRoles.agentOnChannel(1));

        ChannelRoles mixed = ChannelRoles.parse("channel_1 = agent; 0=customer, SPK_1=Agent, Dana Smith=rep");
        assertThat(mixed.channels()).isEqualTo(Map.of(0, Speaker.CUSTOMER, 1, Speaker.AGENT));
        assertThat(mixed.roleOfSpeaker("spk_1")).contains(Speaker.AGENT);
        assertThat(mixed.roleOfSpeaker("dana smith")).contains(Speaker.AGENT);

        ChannelRoles speakersOnly = ChannelRoles.parse("A=customer");
        assertThat(speakersOnly.channels()).isEqualTo(ChannelRoles.defaults().channels());
        assertThat(speakersOnly.roleOfSpeaker("a")).contains(Speaker.CUSTOMER);

        assertThat(ChannelRoles.defaults().withSpeaker("B", Speaker.AGENT).withChannel(2, Speaker.CUSTOMER))
                .satisfies(r -> {
                    assertThat(r.roleOfSpeaker("b")).contains(Speaker.AGENT);
                    assertThat(r.roleOfChannel(2)).isEqualTo(Speaker.CUSTOMER);
                });
    }

    @Test
    void parseRejectsNonsense() {
        for (String spec : new String[] {"ch_0", "ch_0=boss", "=agent", "ch_0="}) {
            assertThatThrownBy(() -> ChannelRoles.parse(spec))
                    .isInstanceOfSatisfying(TranscriptImportException.class, e -> {
                        assertThat(e.type()).isEqualTo("invalid-channel-roles");
                        assertThat(e.status().value()).isEqualTo(400);
                    });
        }
        assertThatThrownBy(() -> ChannelRoles.agentOnChannel(3)).isInstanceOf(IllegalArgumentException.class);
    }
}

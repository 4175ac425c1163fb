package io.verbatim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InboundPressureTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private InboundPressure pressure(boolean on) {
        return new InboundPressure(new AcknowledgementProperties(on, 5, Duration.ofMillis(500), Duration.ofMillis(200)), now::get);
    }

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void aFewDeliveriesAreNoBurst() {
        InboundPressure p = pressure(true);
        for (int i = 0; i < 4; i++) {
            p.arrived();
        }
        assertThat(p.underPressure()).isFalse();
        assertThat(p.yieldToBurst()).isZero();
    }

    @Test
    void aBurstHoldsBackgroundWorkUntilQuietAfterHasPassed() {
        InboundPressure p = pressure(true);
        for (int i = 0; i < 5; i++) {
            p.arrived();
        }
        assertThat(p.underPressure()).isTrue();
        advance(499);
        assertThat(p.underPressure()).isTrue();
        advance(2);
        assertThat(p.underPressure()).isFalse();
    }

    @Test
    void theCountStartsAgainEachSecondSoASteadyTrickleIsNoBurst() {
        InboundPressure p = pressure(true);
        for (int i = 0; i < 20; i++) {
            p.arrived();
            advance(300); // about three a second, under the five a second that make a burst
        }
        assertThat(p.underPressure()).isFalse();
    }

    @Test
    void noPieceOfWorkWaitsLongerThanMaxWaitWhileTheBurstGoesOn() {
        InboundPressure p = new InboundPressure(new AcknowledgementProperties(true, 1, Duration.ofHours(1), Duration.ofMillis(120)),
                System::nanoTime);
        p.arrived();
        long start = System.nanoTime();
        Duration waited = p.yieldToBurst();
        long elapsed = System.nanoTime() - start;
        assertThat(waited).isBetween(Duration.ofMillis(120), Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(elapsed)).isLessThan(Duration.ofSeconds(5));
        assertThat(p.yielded()).isEqualTo(waited);
    }

    @Test
    void switchedOffItNeverHoldsAnythingBack() {
        InboundPressure p = pressure(false);
        for (int i = 0; i < 50; i++) {
            p.arrived();
        }
        assertThat(p.underPressure()).isFalse();
        assertThat(p.yieldToBurst()).isZero();
    }
}

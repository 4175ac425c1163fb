package io.verbatim.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tells background work when deliveries are arriving in a burst, so it can step aside while their acknowledgements
 * are pending (acknowledging is the product's priority; processing is asynchronous anyway). Request paths call
 * {@link #arrived()} (a few atomic operations); background workers call {@link #yieldToBurst()} before they start
 * a piece of work. Per node: each node protects its own request threads.
 */
@Component
public class InboundPressure {

    private static final long WINDOW = Duration.ofSeconds(1).toNanos();
    private final AcknowledgementProperties properties;
    private final LongSupplier clock;
    private final AtomicLong windowStart;
    private final AtomicLong inWindow = new AtomicLong();
    private final AtomicLong lastBurst;
    private final AtomicLong yieldedNanos = new AtomicLong();

    @Autowired
    public InboundPressure(AcknowledgementProperties properties) {
        this(properties, System::nanoTime);
    }

    InboundPressure(AcknowledgementProperties properties, LongSupplier clock) {
        this.properties = properties;
        this.clock = clock;
        long now = clock.getAsLong();
        this.windowStart = new AtomicLong(now);
        this.lastBurst = new AtomicLong(now - properties.quietAfter().toNanos() - 1);
    }

    /** A delivery arrived (call once per request that waits for its acknowledgement). */
    public void arrived() {
        long now = clock.getAsLong();
        long start = windowStart.get();
        if (now - start >= WINDOW && windowStart.compareAndSet(start, now)) {
            inWindow.set(0);
        }
        if (inWindow.incrementAndGet() >= properties.burstPerSecond()) {
            lastBurst.set(now);
        }
    }

    /** Whether a burst is under way or ended less than {@code quietAfter} ago. */
    public boolean underPressure() {
        return properties.yieldToBursts() && clock.getAsLong() - lastBurst.get() < properties.quietAfter().toNanos();
    }

    /**
     * Waits while {@link #underPressure()}, at most {@code maxWait}; returns how long it waited. Call it before
     * starting a piece of background work, never while holding a lock or a transaction.
     */
    public Duration yieldToBurst() {
        if (!underPressure()) {
            return Duration.ZERO;
        }
        long start = clock.getAsLong();
        long deadline = start + properties.maxWait().toNanos();
        try {
            while (underPressure() && clock.getAsLong() < deadline) {
                Thread.sleep(Math.max(1, Math.min(50, (deadline - clock.getAsLong()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long waited = clock.getAsLong() - start;
        yieldedNanos.addAndGet(waited);
        return Duration.ofNanos(waited);
    }

    /** Total time background work has spent yielding on this node since it started. */
    public Duration yielded() {
        return Duration.ofNanos(yieldedNanos.get());
    }
}

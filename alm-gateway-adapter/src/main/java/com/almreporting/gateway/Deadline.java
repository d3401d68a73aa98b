package com.almreporting.gateway;

import java.time.Duration;

/** A point on the monotonic clock by which a wait must end. Immutable and thread-safe. */
record Deadline(long nanos) {

    static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    /** The earlier of this and {@code duration} from now. */
    Deadline atMost(Duration duration) {
        long other = System.nanoTime() + duration.toNanos();
        return other - nanos < 0 ? new Deadline(other) : this;
    }

    /** Whole milliseconds left, rounded up; 0 once passed. */
    long remainingMillis() {
        long left = nanos - System.nanoTime();
        return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
    }

    boolean passed() {
        return nanos - System.nanoTime() <= 0;
    }
}

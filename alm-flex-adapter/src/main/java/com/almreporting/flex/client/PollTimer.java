package com.almreporting.flex.client;

import java.time.Duration;

/** The client's clock and its way of waiting; tests substitute one that does not really wait. */
public interface PollTimer {

    PollTimer SYSTEM = new PollTimer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }
    };

    /** A monotonic reading in nanoseconds (only differences mean anything). */
    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;
}

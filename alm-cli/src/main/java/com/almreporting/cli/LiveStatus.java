package com.almreporting.cli;

import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccount;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The live row of the dashboard: one gateway session at a time, and its outcome reused for a short while, so that
 * the index and {@code /live.json}, or several open tabs, neither open sessions side by side (they would share the
 * client id, error 326) nor wait on each other much longer than one session. Every session is bounded by the
 * gateway timeout. Thread-safe.
 */
final class LiveStatus {

    /** What the last session gave. */
    sealed interface Reading permits Taken, Unavailable {
    }

    record Taken(LiveSnapshot snapshot) implements Reading {
    }

    /** {@code reason}: the {@link LiveAccountUnavailableException.Reason} name; {@code advice}: what to check. */
    record Unavailable(String reason, String detail, String advice) implements Reading {
    }

    private final LiveAccount account;
    private final String address;
    private final Duration timeout;
    private final Duration reuse;
    private final Clock clock;
    private Reading last;
    private Instant lastAt;

    /**
     * @param address where the gateway is, for the page ({@code host:port})
     * @param reuse   how long an outcome answers later requests
     */
    LiveStatus(LiveAccount account, String address, Duration timeout, Duration reuse, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.address = Objects.requireNonNull(address, "address");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.reuse = Objects.requireNonNull(reuse, "reuse");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    String address() {
        return address;
    }

    synchronized Reading read() {
        if (last != null && clock.instant().isBefore(lastAt.plus(reuse))) {
            return last;
        }
        try {
            last = new Taken(account.snapshot(timeout));
        } catch (LiveAccountUnavailableException e) {
            String message = e.getMessage();
            int check = message.indexOf(". Check ");
            last = new Unavailable(e.reason().name(), e.detail(), check < 0 ? "" : message.substring(check + 2));
        } catch (RuntimeException e) {
            last = new Unavailable("ERROR", DatabaseSession.rootMessage(e), "");
        }
        lastAt = clock.instant();
        return last;
    }
}

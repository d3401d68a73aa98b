package com.almreporting.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the owner of a data directory wrote in its owner lock file ({@link ProcessLock#describe(String)}) about the
 * server it starts: {@code server starting at 1752700000} just before the start (epoch seconds), then, once the
 * server runs, {@code server pid 1234 started at 1752700000}, the pid and start time of its {@code postmaster.pid}
 * (lines 1 and 3). {@link LeftBehindServer} stops only a server so recorded: one an operator started by hand on the
 * directory is not alm's to stop.
 *
 * @param pid       the server's pid; empty while it is starting
 * @param startedAt the server's start time from its pid file, or, while starting, when the owner began to start it
 */
record ServerRecord(OptionalLong pid, long startedAt) {

    private static final Pattern STARTED = Pattern.compile("server pid (\\d+) started at (\\d+)");
    private static final Pattern STARTING = Pattern.compile("server starting at (\\d+)");

    static ServerRecord starting(long epochSecond) {
        return new ServerRecord(OptionalLong.empty(), epochSecond);
    }

    static ServerRecord started(long pid, long startedAt) {
        return new ServerRecord(OptionalLong.of(pid), startedAt);
    }

    /** The record a note holds; empty for no note, or one of another form. */
    static Optional<ServerRecord> parse(String note) {
        try {
            Matcher started = STARTED.matcher(note.strip());
            if (started.matches()) {
                return Optional.of(started(Long.parseLong(started.group(1)), Long.parseLong(started.group(2))));
            }
            Matcher starting = STARTING.matcher(note.strip());
            if (starting.matches()) {
                return Optional.of(starting(Long.parseLong(starting.group(1))));
            }
        } catch (NumberFormatException e) {
            // digits beyond a long: not a record of ours
        }
        return Optional.empty();
    }

    /** For messages: "pid 1234, started 2025-07-17T09:00:00Z", or "one it began to start at 2025-07-17T09:00:00Z". */
    String describe() {
        return pid.isPresent() ? "pid " + pid.getAsLong() + ", started " + Instant.ofEpochSecond(startedAt)
                : "one it began to start at " + Instant.ofEpochSecond(startedAt);
    }

    String text() {
        return pid.isPresent() ? "server pid " + pid.getAsLong() + " started at " + startedAt
                : "server starting at " + startedAt;
    }
}

package com.almreporting.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that an alm process, killed before it could stop it (SIGKILL, the OOM killer), left running on
 * its data directory. Looked for only by the holder of the directory's owner lock
 * ({@link EmbeddedDatabase#ownerLockFile(Path)}): no live process then owns a server there, so a live PostgreSQL
 * that {@code postmaster.pid} names, and that serves this directory, is such an orphan, unless the library's own lock
 * on the directory is held (an alm from before the owner lock). It is stopped with a fast shutdown (SIGINT: open
 * transactions roll back, a checkpoint, exit), so that what was committed stays and the next server needs no recovery. A pid file whose process has gone (a crash, a
 * power cut), or whose pid now belongs to another program, is removed. Stateless.
 */
final class LeftBehindServer {

    private static final Logger LOG = LoggerFactory.getLogger(LeftBehindServer.class);
    static final String PID_FILE = "postmaster.pid";
    private static final Duration POLL = Duration.ofMillis(100);

    private LeftBehindServer() {
    }

    /**
     * Clears {@code dataDirectory} (absolute and normalised) for a new server: stops a server left running there,
     * waiting up to {@code wait} for it to exit, or removes a stale pid file.
     *
     * @throws IllegalStateException when a server runs there that is not known to be this directory's, or it does
     *                               not stop in time (the message says what to do)
     */
    static void clear(Path dataDirectory, Duration wait) {
        Optional<PidFile> found = PidFile.read(dataDirectory);
        if (found.isEmpty()) {
            return;
        }
        PidFile pidFile = found.get();
        Optional<ProcessHandle> process = pidFile.process();
        if (process.isEmpty() || !isPostgres(process.get()) || servesElsewhere(process.get(), dataDirectory)) {
            LOG.warn("Removing stale {} in {}: its server (pid {}) {}; the last shutdown was not clean, PostgreSQL will"
                    + " recover from its write-ahead log", PID_FILE, dataDirectory, pidFile.pidText(),
                    process.isPresent() ? "has gone and the pid now belongs to another program" : "is no longer running");
            delete(dataDirectory.resolve(PID_FILE));
            return;
        }
        ProcessHandle server = process.get();
        if (!pidFile.names(dataDirectory)) {
            throw new IllegalStateException(pidFile.describe(dataDirectory) + ", but its " + PID_FILE + " names data"
                    + " directory " + pidFile.dataDirectory().map(Path::toString).orElse("(none)") + ": alm does not stop a"
                    + " server it cannot tell is this directory's. Stop it (kill " + server.pid() + ") and try again.");
        }
        if (libraryLockHeld(dataDirectory)) {
            throw new IllegalStateException(pidFile.describe(dataDirectory) + ": another alm process is using the"
                    + " embedded database (one of a version that takes no " + EmbeddedDatabase.ownerLockFile(dataDirectory)
                    + "). Let that process finish and try again.");
        }
        LOG.warn("A PostgreSQL server (pid {}) is still running on data directory {}, left behind by an alm process that"
                + " was killed before it could stop it (no process holds {}); stopping it with a fast shutdown (open"
                + " transactions roll back, committed data stays)", server.pid(), dataDirectory,
                EmbeddedDatabase.ownerLockFile(dataDirectory));
        requestFastShutdown(server);
        awaitExit(server, dataDirectory, wait);
        delete(dataDirectory.resolve(PID_FILE));
        LOG.info("The left-behind PostgreSQL server (pid {}) on {} has stopped", server.pid(), dataDirectory);
    }

    /**
     * What {@code postmaster.pid} of {@code dataDirectory} says is running there ("a PostgreSQL server (pid 1234) is
     * already running on data directory … and port 54329"), if a live PostgreSQL has it.
     */
    static Optional<String> running(Path dataDirectory) {
        return PidFile.read(dataDirectory)
                .filter(f -> f.process().filter(LeftBehindServer::isPostgres).isPresent())
                .map(f -> f.describe(dataDirectory));
    }

    /**
     * Alive and not a zombie: an exited server whose parent has not reaped it (a container whose init does not) is
     * gone as far as its data directory is concerned, though the JDK still counts it alive.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8);
            // "pid (command) state ...": the command may itself hold parentheses, the state follows the last one
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** When the command cannot be seen (another user's process), it is taken for PostgreSQL: the careful side. */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.contains("postgres")).orElse(true);
    }

    /**
     * True when the process's working directory is known and is not {@code dataDirectory}: PostgreSQL works in its
     * data directory, so the pid has been reused by a server of another cluster. Known on Linux only.
     */
    private static boolean servesElsewhere(ProcessHandle process, Path dataDirectory) {
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            return !Files.isSameFile(Files.readSymbolicLink(cwd), dataDirectory);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Whether a live process holds the library's own lock in the data directory, which it takes, in every alm version,
     * while its server runs: so a server of an alm from before the owner lock is still told from a left-behind one.
     * Asked only by the owner, so no server of this JVM holds it (probing a lock this process holds would release it).
     */
    private static boolean libraryLockHeld(Path dataDirectory) {
        Path file = dataDirectory.resolve(EmbeddedDatabase.LIBRARY_LOCK_FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell whether a process holds " + file, e);
        }
    }

    /**
     * SIGINT, PostgreSQL's fast shutdown. The JDK sends only SIGTERM and SIGKILL, so through kill(1); without it,
     * SIGTERM, a smart shutdown, which also completes once the killed alm's sessions have gone.
     */
    private static void requestFastShutdown(ProcessHandle server) {
        String pid = Long.toString(server.pid());
        try {
            Process kill = new ProcessBuilder("kill", "-INT", pid).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() == 0) {
                return;
            }
            LOG.warn("kill -INT {} failed ({}); asking the server to stop with SIGTERM instead", pid, output);
        } catch (IOException e) {
            LOG.warn("Cannot run kill -INT {} ({}); asking the server to stop with SIGTERM instead", pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the left-behind PostgreSQL server (pid " + pid + ")", e);
        }
        server.destroy();
    }

    private static void awaitExit(ProcessHandle server, Path dataDirectory, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isRunning(server)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("the PostgreSQL server (pid " + server.pid() + ") left running on data"
                        + " directory " + dataDirectory + " by a killed alm did not stop within " + wait.toSeconds()
                        + " s of a fast-shutdown request. Stop it (kill " + server.pid() + ", as a last resort kill -9 " + server.pid() + ") and try again.");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the left-behind PostgreSQL server (pid "
                        + server.pid() + ") to stop", e);
            }
        }
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale " + pidFile, e);
        }
    }

    /**
     * {@code postmaster.pid}, as far as alm reads it: the server's pid, its data directory and port (the lines that
     * follow, start time, socket directory, listen address, shared memory key and status, are PostgreSQL's).
     */
    private record PidFile(OptionalLong pid, Optional<Path> dataDirectory, OptionalLong port) {

        static Optional<PidFile> read(Path dataDirectory) {
            Path file = dataDirectory.resolve(PID_FILE);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return Optional.of(new PidFile(lines.isEmpty() ? OptionalLong.empty() : parseLong(lines.get(0)),
                    lines.size() > 1 && !lines.get(1).isBlank() ? Optional.of(Path.of(lines.get(1).strip())) : Optional.empty(),
                    lines.size() > 3 ? parseLong(lines.get(3)) : OptionalLong.empty()));
        }

        /** The process the file names, while it runs. */
        Optional<ProcessHandle> process() {
            return pid.isPresent() ? ProcessHandle.of(pid.getAsLong()).filter(LeftBehindServer::isRunning) : Optional.empty();
        }

        boolean names(Path directory) {
            try {
                return dataDirectory.isPresent() && Files.isSameFile(dataDirectory.get(), directory);
            } catch (IOException e) {
                return false;
            }
        }

        String pidText() {
            return pid.isPresent() ? Long.toString(pid.getAsLong()) : "unknown";
        }

        String describe(Path directory) {
            return "a PostgreSQL server (pid " + pidText() + ") is already running on data directory " + directory
                    + " and port " + (port.isPresent() ? Long.toString(port.getAsLong()) : "unknown");
        }

        private static OptionalLong parseLong(String s) {
            try {
                return OptionalLong.of(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
    }
}

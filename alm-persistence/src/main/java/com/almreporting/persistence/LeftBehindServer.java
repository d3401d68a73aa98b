package com.almreporting.persistence;

import java.io.IOException;
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
 * ({@link EmbeddedDatabase#ownerLockFile(Path)}): no live alm then owns a server there. A live PostgreSQL that
 * {@code postmaster.pid} names, and that serves this directory, is stopped only when it is the server the owners
 * last recorded in the owner lock file ({@link ServerRecord}: its pid and start time), and the library's own lock on
 * the directory is free (it is held by an alm from before the owner lock). Any other server there is not alm's to stop
 * (an operator's, started by hand for maintenance, a backup, pg_upgrade) and is refused; so is one this user cannot
 * inspect or signal. It is stopped with a fast shutdown (SIGINT: open transactions roll back, a checkpoint, exit), so
 * that what was committed stays and the next server needs no recovery. A pid file whose process has gone (a crash, a
 * power cut), or whose pid now belongs to another program, is removed. Stateless.
 */
final class LeftBehindServer {

    private static final Logger LOG = LoggerFactory.getLogger(LeftBehindServer.class);
    static final String PID_FILE = "postmaster.pid";
    private static final Duration POLL = Duration.ofMillis(100);
    /**
     * How far the process's start time, as the kernel counts it, may lie from the one its pid file gives: the shell
     * that pg_ctl forks becomes the server by exec, and a clock set meanwhile shifts the kernel's count.
     */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(30);
    /**
     * How long after an owner began to start its server (unpacking the binaries, initdb, the start-up) that server's
     * start time may lie, for a server whose owner was killed before it could record it.
     */
    static final Duration STARTING_WINDOW = Duration.ofMinutes(15);

    private LeftBehindServer() {
    }

    /**
     * Clears {@code dataDirectory} (absolute, normalised and real) for a new server: stops a server left running
     * there by a killed alm, waiting up to {@code wait} for it to exit, or removes a stale pid file.
     *
     * @param recorded the server the owner lock file names (see {@link ServerRecord}), if any
     * @throws IllegalStateException when a server runs there that no alm recorded starting, or that is not known to be
     *                               this directory's, or that this user cannot stop, or when it does not stop in time
     *                               (the message says what to do)
     */
    static void clear(Path dataDirectory, Optional<ServerRecord> recorded, Duration wait) {
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
        if (server.info().command().isEmpty()) {
            throw cannotStop(pidFile, dataDirectory, server, "this user (" + System.getProperty("user.name")
                    + ") cannot inspect that process");
        }
        if (!recorded.filter(r -> matches(r, pidFile, server)).isPresent()) {
            throw new IllegalStateException(pidFile.describe(dataDirectory) + ", and no alm started it (" + recorded
                    .map(r -> "the last server alm recorded in " + EmbeddedDatabase.ownerLockFile(dataDirectory) + " is "
                            + r.describe())
                    .orElse("no alm recorded a server in " + EmbeddedDatabase.ownerLockFile(dataDirectory)) + "): perhaps"
                    + " one started by hand for maintenance, a backup or an upgrade, which alm does not stop. Let it"
                    + " finish, or stop it (pg_ctl -D " + dataDirectory + " stop -m fast), and try again.");
        }
        LOG.warn("A PostgreSQL server (pid {}) is still running on data directory {}, left behind by an alm process that"
                + " was killed before it could stop it (no process holds {}, which records it); stopping it with a fast"
                + " shutdown (open transactions roll back, committed data stays)", server.pid(), dataDirectory,
                EmbeddedDatabase.ownerLockFile(dataDirectory));
        requestFastShutdown(server, pidFile, dataDirectory);
        awaitExit(server, dataDirectory, wait);
        delete(dataDirectory.resolve(PID_FILE));
        LOG.info("The left-behind PostgreSQL server (pid {}) on {} has stopped", server.pid(), dataDirectory);
    }

    /**
     * Whether {@code server} is the one {@code recorded}: the same pid and start time in its pid file, and a process
     * that started then (not a later one given the pid). A server whose owner was killed while starting it, before
     * it could record it, passes when it started within {@link #STARTING_WINDOW} of that start and with the options
     * alm gives its servers (an operator's {@code pg_ctl start} gives none of them).
     */
    private static boolean matches(ServerRecord recorded, PidFile pidFile, ProcessHandle server) {
        if (pidFile.startTime().isEmpty() || pidFile.pid().isEmpty() || pidFile.pid().getAsLong() != server.pid()) {
            return false;
        }
        long started = pidFile.startTime().getAsLong();
        if (recorded.pid().isPresent()) {
            return recorded.pid().getAsLong() == server.pid() && recorded.startedAt() == started
                    && server.info().startInstant()
                    .map(i -> Math.abs(i.getEpochSecond() - started) <= START_TOLERANCE.toSeconds())
                    .orElse(true);
        }
        return started >= recorded.startedAt() - 1 && started <= recorded.startedAt() + STARTING_WINDOW.toSeconds()
                && hasAlmsOptions(server);
    }

    /** The options alm's servers run with ({@link EmbeddedDatabase}: {@code unix_socket_directories} empty). */
    private static boolean hasAlmsOptions(ProcessHandle server) {
        return server.info().arguments()
                .map(args -> List.of(args).contains(EmbeddedDatabase.NO_UNIX_SOCKET_OPTION))
                .orElse(false);
    }

    private static IllegalStateException cannotStop(PidFile pidFile, Path dataDirectory, ProcessHandle server,
                                                    String why) {
        return new IllegalStateException(pidFile.describe(dataDirectory) + ", but " + why + " (another user's?): alm"
                + " cannot stop it. Its owner, or root, must (pg_ctl -D " + dataDirectory + " stop -m fast, or kill -INT "
                + server.pid() + "); then try again.");
    }

    /**
     * What {@code postmaster.pid} of {@code dataDirectory} says is running there ("a PostgreSQL server (pid 1234) is
     * already running on data directory … and port 54329"), if a live PostgreSQL has it.
     */
    static Optional<String> running(Path dataDirectory) {
        return PidFile.read(dataDirectory)
                .filter(f -> f.server().isPresent())
                .map(f -> f.describe(dataDirectory));
    }

    /** The server {@code postmaster.pid} of {@code dataDirectory} names, to record: its pid and start time. */
    static Optional<ServerRecord> recordOf(Path dataDirectory) {
        return PidFile.read(dataDirectory)
                .filter(f -> f.pid().isPresent() && f.startTime().isPresent())
                .map(f -> ServerRecord.started(f.pid().getAsLong(), f.startTime().getAsLong()));
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
            // no cause: the CLI prints the innermost message, which for an IOException is often the bare path
            throw new IllegalStateException("cannot tell whether a process holds " + file + " (" + Causes.describe(e)
                    + "), so whether an alm is using the embedded database: make it readable and writable by this user");
        }
    }

    /**
     * SIGINT, PostgreSQL's fast shutdown. The JDK sends only SIGTERM and SIGKILL, so through kill(1); should that
     * program be missing, SIGTERM, a smart shutdown, which also completes once the killed alm's sessions have gone.
     * A signal that cannot be sent (another user's process) is refused at once: no wait would help.
     */
    private static void requestFastShutdown(ProcessHandle server, PidFile pidFile, Path dataDirectory) {
        String pid = Long.toString(server.pid());
        try {
            Process kill = new ProcessBuilder("kill", "-INT", pid).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() == 0) {
                return;
            }
            throw cannotStop(pidFile, dataDirectory, server, "kill -INT " + pid + " failed ("
                    + (output.isEmpty() ? "exit " + kill.exitValue() : output) + ")");
        } catch (IOException e) {
            LOG.warn("Cannot run kill -INT {} ({}); asking the server to stop with SIGTERM instead", pid, Causes.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // no cause: the CLI prints the innermost message, which an InterruptedException has not
            throw new IllegalStateException("interrupted while stopping the left-behind PostgreSQL server (pid " + pid
                    + ") on data directory " + dataDirectory + "; it may still be running: start alm again to finish the job");
        }
        if (!server.destroy()) {
            throw cannotStop(pidFile, dataDirectory, server, "SIGTERM cannot be sent to it");
        }
    }

    private static void awaitExit(ProcessHandle server, Path dataDirectory, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isRunning(server)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("the PostgreSQL server (pid " + server.pid() + ") left running on data"
                        + " directory " + dataDirectory + " by a killed alm did not stop within " + wait.toSeconds()
                        + " s of a fast-shutdown request. Let it finish and try again, or stop it (as a last resort an"
                        + " immediate shutdown, kill -QUIT " + server.pid() + ", after which PostgreSQL recovers from its"
                        + " write-ahead log).");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // no cause: the CLI prints the innermost message, which an InterruptedException has not
                throw new IllegalStateException("interrupted while waiting for the left-behind PostgreSQL server (pid "
                        + server.pid() + ") on data directory " + dataDirectory + " to stop; start alm again to finish"
                        + " the job");
            }
        }
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // no cause: the CLI prints the innermost message, which for an IOException is often the bare path
            throw new IllegalStateException("cannot remove the stale " + pidFile + " (" + Causes.describe(e)
                    + "): remove it by hand if no server runs on that directory, and try again");
        }
    }

    /**
     * {@code postmaster.pid}, as far as alm reads it: the server's pid, its data directory, start time (epoch seconds)
     * and port (the lines that follow, socket directory, listen address, shared memory key and status, are
     * PostgreSQL's).
     */
    record PidFile(OptionalLong pid, Optional<Path> dataDirectory, OptionalLong startTime, OptionalLong port) {

        static Optional<PidFile> read(Path dataDirectory) {
            Path file = dataDirectory.resolve(PID_FILE);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // no cause: the CLI prints the innermost message, which for an IOException is often the bare path
                throw new IllegalStateException("cannot read " + file + " (" + Causes.describe(e) + "), which tells"
                        + " whether a server runs on that data directory: make it readable by this user");
            }
            return Optional.of(new PidFile(lines.isEmpty() ? OptionalLong.empty() : parseLong(lines.get(0)),
                    lines.size() > 1 && !lines.get(1).isBlank() ? Optional.of(Path.of(lines.get(1).strip())) : Optional.empty(),
                    lines.size() > 2 ? parseLong(lines.get(2)) : OptionalLong.empty(),
                    lines.size() > 3 ? parseLong(lines.get(3)) : OptionalLong.empty()));
        }

        /** The process the file names, while it runs. */
        Optional<ProcessHandle> process() {
            return pid.isPresent() ? ProcessHandle.of(pid.getAsLong()).filter(LeftBehindServer::isRunning) : Optional.empty();
        }

        /** The process the file names, while it runs and is (or may be) PostgreSQL. */
        Optional<ProcessHandle> server() {
            return process().filter(LeftBehindServer::isPostgres);
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

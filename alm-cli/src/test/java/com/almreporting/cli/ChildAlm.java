package com.almreporting.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code alm} run as a child process, as an operator or systemd runs it, for the tests that must kill it, run two at
 * once, or watch what it leaves behind. Its environment has none of this machine's {@code ALM_}, {@code IBKR_} or
 * {@code PG} variables, only the test's; the test's pgpass file (see {@link TestServer#pgpass}) reaches it as
 * {@code PGPASSFILE}. Output goes to files beside {@code workDir}, read after the child ended.
 */
final class ChildAlm implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;
    private final long startedNanos = System.nanoTime();

    private ChildAlm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static ChildAlm start(Path workDir, Map<String, String> environment, List<String> args) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), AlmCommand.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile(workDir, "alm-", ".out");
        Path err = Files.createTempFile(workDir, "alm-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ALM_") || k.startsWith("IBKR_") || k.startsWith("PG"));
        String pgpass = System.getProperty("org.postgresql.pgpassfile");
        if (pgpass != null) {
            builder.environment().put("PGPASSFILE", pgpass);
        }
        builder.environment().putAll(environment);
        return new ChildAlm(builder.start(), out, err);
    }

    /** Waits for the end (at most {@code limit}, then fails) and returns the exit code. */
    int exitCode(Duration limit) throws InterruptedException, IOException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError("alm did not end within " + limit + "; it printed:\n" + err());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Time since the start. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * kill -9 of the alm process only, as the OOM killer or an operator's {@code kill -9} does: whatever it started
     * (an embedded PostgreSQL) is not killed with it. True when it was still running.
     */
    boolean killHard() throws InterruptedException {
        if (!process.isAlive()) {
            return false;
        }
        process.destroyForcibly(); // SIGKILL on Unix
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("alm (pid " + process.pid() + ") did not die of SIGKILL within 60 s");
        }
        return true;
    }

    String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /**
     * Ends a child still running as systemd would: SIGTERM, whose shutdown hook stops an embedded server it started
     * (a test that fails must not leave servers behind), then SIGKILL after 30 s.
     */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

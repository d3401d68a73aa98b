package com.almreporting.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code alm serve} run in-process on a thread, against an embedded database in {@code dataDir} (or the server named
 * by {@code ALM_TEST_DB_URL}); {@link #url()} once it listens, {@link #close()} interrupts it and waits for it to stop.
 */
final class ServeRun implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("dashboard on (http://\\S+/) ");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile Integer exitCode;
    private final String url;

    private ServeRun(String[] args, Duration startTimeout) throws InterruptedException {
        thread = new Thread(() -> exitCode = AlmCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true)),
                "alm-serve-under-test");
        thread.start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Matcher m = URL.matcher("");
        while (!m.reset(out.toString()).find()) {
            if (exitCode != null || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("alm serve did not start (exit " + exitCode + "): " + err);
            }
            Thread.sleep(50);
        }
        url = m.group(1);
    }

    /** Starts {@code alm serve} with {@code args} plus the test database options. */
    static ServeRun start(Path dataDir, String dbPort, String... args) throws InterruptedException {
        return new ServeRun(withDatabase(dataDir, dbPort, args), Duration.ofSeconds(90));
    }

    /** {@code args} with the options of the test database: ALM_TEST_DB_URL when set, else an embedded one. */
    static String[] withDatabase(Path dataDir, String dbPort, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        String dbUrl = System.getenv("ALM_TEST_DB_URL");
        if (dbUrl != null && !dbUrl.isBlank()) {
            all.addAll(List.of("--db-url", dbUrl));
        } else {
            all.addAll(List.of("--data-dir", dataDir.toString(), "--db-port", dbPort));
        }
        return all.toArray(String[]::new);
    }

    static String freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        }
    }

    /** {@code http://127.0.0.1:port/}, as the command printed it. */
    String url() {
        return url;
    }

    String err() {
        return err.toString();
    }

    Integer exitCode() {
        return exitCode;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

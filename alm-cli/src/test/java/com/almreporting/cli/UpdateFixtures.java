package com.almreporting.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.almreporting.domain.port.out.ArchiveName;
import com.almreporting.domain.port.out.StatementRequest;
import com.almreporting.flex.archive.FileStatementArchive;
import com.almreporting.flex.client.FakeFlexServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/** What the {@code alm update} tests share: the token, the statement IBKR serves, a log capture, the options. */
final class UpdateFixtures {

    /** Looks like an IBKR token and appears nowhere else: the tests grep everything for it. */
    static final String TOKEN = "561728394051627384950617";
    static final String QUERY = "987654";
    static final Path GROUND_TRUTH = ReplayCommandTest.SAMPLES.resolve("ground-truth-2025-07.xml");
    static final String ARCHIVED = "ibkr_flexquery/2025/07/ALM_Daily_MTD_20250718.xml";
    static final String PREVIOUS = "ibkr_flexquery/2025/07/ALM_Daily_MTD_20250717.xml";

    private UpdateFixtures() {
    }

    static String groundTruth() throws IOException {
        return Files.readString(GROUND_TRUTH, StandardCharsets.UTF_8);
    }

    static Path tokenFile(Path dir) throws IOException {
        Path file = dir.resolve("flex-token");
        if (!Files.exists(file)) {
            Files.writeString(file, TOKEN + "\n");
        }
        return file;
    }

    /** The {@code alm update} options for a loopback server, with tiny waits and no month-boundary refresh. */
    static List<String> updateArgs(FakeFlexServer ibkr, Path tokenDir) throws IOException {
        return new ArrayList<>(List.of("update", "--query-id", QUERY, "--token-file", tokenFile(tokenDir).toString(),
                "--base-url", ibkr.baseUrl().toString(), "--first-wait", "0.01", "--poll-interval", "0.01",
                "--deadline", "60", "--request-gap", "0", "--retry-wait", "0.01", "--previous-month-days", "0"));
    }

    /** A previous day's archived file, as a run of the day before left it. */
    static Path previousDayFile(Path dataDir) throws IOException {
        FileStatementArchive archive = FileStatementArchive.inDataDirectory(dataDir);
        Path staged = archive.stage(StatementRequest.monthToDate(QUERY));
        Files.writeString(staged, groundTruth().replace("toDate=\"20250718\"", "toDate=\"20250717\""));
        Path previous = archive.commit(staged, ArchiveName.of("ALM_Daily", LocalDate.of(2025, 7, 17)));
        if (!previous.equals(dataDir.resolve(PREVIOUS).toAbsolutePath().normalize())) {
            throw new IllegalStateException("archived at " + previous);
        }
        return previous;
    }

    /** Every regular file under {@code dir}, relative, with '/' separators, sorted. */
    static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** Fails when the token is in any file under {@code dir}. */
    static void assertNoTokenIn(Path dir) throws IOException {
        for (String file : files(dir)) {
            String content = Files.readString(dir.resolve(file), StandardCharsets.ISO_8859_1);
            if (content.contains(TOKEN)) {
                throw new AssertionError("the Flex token is in " + dir.resolve(file));
            }
        }
    }

    /** Captures every log line of the process (root logger). */
    static final class Logs implements AutoCloseable {
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        Logs() {
            appender.start();
            root.addAppender(appender);
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            synchronized (appender.list) {
                for (ILoggingEvent e : appender.list) {
                    lines.add(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage());
                    for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                        lines.add("  " + t.getClassName() + ": " + t.getMessage());
                    }
                }
            }
            return lines;
        }

        @Override
        public void close() {
            root.detachAppender(appender);
        }
    }
}

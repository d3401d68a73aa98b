package com.almreporting.testkit;

import com.almreporting.api.AlmReporting;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.report.NarrativeReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Flex XML statements replayed into an in-memory ledger, ready to build narrative reports from: no database, no
 * network, no clock. The statements are ingested when the replay is created, in the order given (the order does
 * not change the result: a newer statement always wins).
 *
 * <pre>{@code
 * Replay replay = Replay.fromClasspath("statements/U1234567_2025-07.xml", "statements/U1234567_2025-08.xml");
 * NarrativeReport july = replay.report("2025-07-01", "2025-07-31");
 * String markdown = replay.render(july, AlmReporting.Format.MARKDOWN);
 * }</pre>
 *
 * <p>Reports use the default settings (observer zone Asia/Hong_Kong, Flex times without a suffix in
 * America/New_York, premium policy {@code zero-dte-premium}, block gap 5 minutes). Immutable once created and
 * thread-safe: reports may be built from several threads.
 */
public final class Replay {

    /**
     * The classpath resource of the bundled ground-truth statement (DESIGN §7: July 16–18, 2025).
     */
    public static final String GROUND_TRUTH = "com/almreporting/testkit/ground-truth-2025-07.xml";

    private final AlmReporting alm;

    private Replay(AlmReporting alm) {
        this.alm = alm;
    }

    /**
     * Replays Flex XML statements found on the classpath (of the thread's context class loader, else this
     * class's).
     *
     * <pre>{@code
     * Replay replay = Replay.fromClasspath(Replay.GROUND_TRUTH);
     * }</pre>
     *
     * @param resources resource names such as {@code "statements/U1234567.xml"} (a leading {@code /} is ignored)
     * @return the replay, with every statement stored
     * @throws IllegalArgumentException when a resource is missing or its statement is rejected
     */
    public static Replay fromClasspath(String... resources) {
        Objects.requireNonNull(resources, "resources");
        AlmReporting alm = AlmReporting.inMemory();
        for (String resource : resources) {
            String name = resource.startsWith("/") ? resource.substring(1) : resource;
            try (InputStream in = classLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no classpath resource " + name);
                }
                alm.ingest(in, name.substring(name.lastIndexOf('/') + 1));
            } catch (StatementRejectedException e) {
                throw new IllegalArgumentException("statement rejected: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath resource " + name, e);
            }
        }
        return new Replay(alm);
    }

    /**
     * Replays Flex XML statement files.
     *
     * <pre>{@code
     * Replay replay = Replay.fromFiles(Path.of("src/test/resources/U1234567_MTD.xml"));
     * }</pre>
     *
     * @param files Flex XML files, in any order
     * @return the replay, with every statement stored
     * @throws IllegalArgumentException when a file cannot be read or its statement is rejected
     */
    public static Replay fromFiles(Path... files) {
        Objects.requireNonNull(files, "files");
        AlmReporting alm = AlmReporting.inMemory();
        for (Path file : files) {
            try {
                alm.ingest(file);
            } catch (StatementRejectedException e) {
                throw new IllegalArgumentException("statement rejected: " + e.getMessage(), e);
            }
        }
        return new Replay(alm);
    }

    /**
     * The narrative report of trading days {@code from}..{@code to} (inclusive) for the replay's only account.
     *
     * @param from first trading day
     * @param to   last trading day
     * @return the immutable report model
     * @throws IllegalArgumentException when the range is empty or the statements hold several accounts
     */
    public NarrativeReport report(LocalDate from, LocalDate to) {
        return alm.report(from, to);
    }

    /**
     * The narrative report of trading days {@code from}..{@code to}, given as ISO dates.
     *
     * <pre>{@code
     * NarrativeReport report = replay.report("2025-07-17", "2025-07-18");
     * }</pre>
     *
     * @param from first trading day, {@code yyyy-MM-dd}
     * @param to   last trading day, {@code yyyy-MM-dd}
     * @return the immutable report model
     */
    public NarrativeReport report(String from, String to) {
        return report(LocalDate.parse(from), LocalDate.parse(to));
    }

    /**
     * The narrative report of trading days {@code from}..{@code to} of one of the replayed accounts.
     *
     * @param from    first trading day
     * @param to      last trading day
     * @param account the account
     * @return the immutable report model
     */
    public NarrativeReport report(LocalDate from, LocalDate to, AccountId account) {
        return alm.report(from, to, account);
    }

    /**
     * Renders a report as {@link AlmReporting#render(NarrativeReport, AlmReporting.Format)} does.
     *
     * @param report the report
     * @param format the output format
     * @return the whole document
     */
    public String render(NarrativeReport report, AlmReporting.Format format) {
        return alm.render(report, format);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Replay.class.getClassLoader();
    }
}

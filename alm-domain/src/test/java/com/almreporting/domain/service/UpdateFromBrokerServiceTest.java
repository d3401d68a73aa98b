package com.almreporting.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.fixtures.GroundTruth;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.in.IngestStatement;
import com.almreporting.domain.port.in.UpdateFromBroker;
import com.almreporting.domain.port.in.UpdateOutcome;
import com.almreporting.domain.port.in.UpdateOutcome.Failed;
import com.almreporting.domain.port.in.UpdateOutcome.Kind;
import com.almreporting.domain.port.in.UpdateOutcome.Updated;
import com.almreporting.domain.port.in.UpdateReport;
import com.almreporting.domain.port.out.ArchiveName;
import com.almreporting.domain.port.out.BrokerUnavailableException;
import com.almreporting.domain.port.out.FetchedStatement;
import com.almreporting.domain.port.out.StatementArchive;
import com.almreporting.domain.port.out.StatementHandler;
import com.almreporting.domain.port.out.StatementParser;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.port.out.StatementRequest;
import com.almreporting.domain.port.out.StatementSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateFromBrokerServiceTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String QUERY = "123456";

    @TempDir
    Path dir;

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final List<String> warnings = new ArrayList<>();
    private FakeArchive archive;

    private UpdateReport run(LocalDate today, Function<StatementRequest, String> broker) {
        return run(today, broker, new IngestStatementService(ledger));
    }

    private UpdateReport run(LocalDate today, Function<StatementRequest, String> broker, IngestStatement ingest) {
        if (archive == null) {
            archive = new FakeArchive(dir);
        }
        Clock clock = Clock.fixed(today.atTime(17, 0).atZone(NEW_YORK).toInstant(), NEW_YORK);
        UpdateFromBroker.Progress progress = new UpdateFromBroker.Progress() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        return new UpdateFromBrokerService(new FakeSource(broker), new FakeParser(), ingest, archive, clock,
                UpdateFromBrokerService.DEFAULT_PREVIOUS_MONTH_DAYS, progress).update(List.of(QUERY));
    }

    /** The broker serves a statement of the ground-truth account ending on {@code toDate}. */
    private static String statementTo(String toDate) {
        return "STATEMENT ALM_Daily " + toDate;
    }

    private FakeArchive archiveWith(ArchiveName... names) {
        archive = new FakeArchive(dir);
        for (ArchiveName n : names) {
            archive.files.put(n, "old " + n);
        }
        return archive;
    }

    private static ArchiveName name(String date) {
        return ArchiveName.of("ALM_Daily", LocalDate.parse(date));
    }

    @Test
    void aStoredStatementIsArchivedAndOnlyThenReplacesTheOlderFileOfItsMonth() {
        archiveWith(name("2025-07-17"), name("2025-06-30"));
        UpdateReport report = run(LocalDate.of(2025, 7, 21), r -> statementTo("2025-07-18"));

        assertThat(report.succeeded()).isTrue();
        Updated updated = (Updated) report.outcomes().get(0);
        assertThat(updated.name()).isEqualTo(name("2025-07-18"));
        assertThat(updated.replaced()).containsExactly(name("2025-07-17"));
        assertThat(updated.counts()).hasSize(1);
        assertThat(archive.files).containsOnlyKeys(name("2025-07-18"), name("2025-06-30"));
        assertThat(archive.events).containsSubsequence("commit " + name("2025-07-18"), "delete " + name("2025-07-17"));
        assertThat(ledger.accounts()).containsExactly(GroundTruth.ACCOUNT);
        assertThat(archive.staging()).isEmpty();
    }

    @Test
    void aStatementTheLedgerRefusesIsKeptAsideAndThePreviousFileStays() {
        archiveWith(name("2025-07-17"));
        UpdateReport report = run(LocalDate.of(2025, 7, 21), r -> statementTo("2025-07-18"), (file, origin) -> {
            throw new IllegalStateException("value too long for type character varying(8)");
        });

        Failed failed = (Failed) report.outcomes().get(0);
        assertThat(failed.kind()).isEqualTo(Kind.LEDGER);
        assertThat(failed.message()).contains("value too long").contains("ALM_Daily_MTD_20250718.failed.xml");
        assertThat(failed.keptAsideFile()).isPresent();
        assertThat(archive.files).containsOnlyKeys(name("2025-07-17"));
        assertThat(archive.failed).containsKey("ALM_Daily_MTD_20250718.failed.xml");
        assertThat(archive.events).noneMatch(e -> e.startsWith("delete") || e.startsWith("commit"));
        assertThat(archive.staging()).isEmpty();
    }

    @Test
    void aRejectedAnswerIsKeptAsideAndNeverStored() {
        archiveWith(name("2025-07-17"));
        UpdateReport report = run(LocalDate.of(2025, 7, 21), r -> "<html>404</html>");

        Failed failed = (Failed) report.outcomes().get(0);
        assertThat(failed.kind()).isEqualTo(Kind.STATEMENT_REJECTED);
        assertThat(failed.message()).contains("not a Flex statement");
        assertThat(archive.failed).containsOnlyKeys("query123456_MTD_20250721.failed.xml");
        assertThat(archive.failed.values()).containsExactly("<html>404</html>");
        assertThat(ledger.accounts()).isEmpty();
        assertThat(archive.files).containsOnlyKeys(name("2025-07-17"));
    }

    @Test
    void anUnavailableBrokerLeavesLedgerAndArchiveAsTheyWere() {
        archiveWith(name("2025-07-17"));
        UpdateReport report = run(LocalDate.of(2025, 7, 2), r -> "UNAVAILABLE 1020");

        assertThat(report.outcomes()).hasSize(1); // no refresh of June while IBKR is unavailable
        Failed failed = (Failed) report.outcomes().get(0);
        assertThat(failed.kind()).isEqualTo(Kind.BROKER_UNAVAILABLE);
        assertThat(failed.code()).hasValue(1020);
        assertThat(failed.keptAsideFile()).isEmpty();
        assertThat(archive.files).containsOnlyKeys(name("2025-07-17"));
        assertThat(archive.failed).isEmpty();
        assertThat(archive.staging()).isEmpty();
        assertThat(ledger.accounts()).isEmpty();
        assertThat(warnings).anyMatch(w -> w.contains("Not refreshing 2025-06"));
    }

    @Test
    void onTheFirstDaysOfAMonthThePreviousMonthIsFetchedOnceMoreWithAPeriodOverride() {
        archiveWith(name("2025-06-27"));
        List<StatementRequest> asked = new ArrayList<>();
        UpdateReport report = run(LocalDate.of(2025, 7, 3), r -> {
            asked.add(r);
            return statementTo(r.overridesPeriod() ? "2025-06-30" : "2025-07-02");
        });

        assertThat(asked).containsExactly(StatementRequest.monthToDate(QUERY),
                StatementRequest.month(QUERY, YearMonth.of(2025, 6)));
        assertThat(asked.get(1).from()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(asked.get(1).to()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(report.succeeded()).isTrue();
        assertThat(archive.files).containsOnlyKeys(name("2025-07-02"), name("2025-06-30"));
    }

    @Test
    void afterTheFirstDaysThePreviousMonthIsLeftAlone() {
        archiveWith(name("2025-06-30"), name("2025-07-03"));
        List<StatementRequest> asked = new ArrayList<>();
        run(LocalDate.of(2025, 7, 4), r -> {
            asked.add(r);
            return statementTo("2025-07-03");
        });
        assertThat(asked).containsExactly(StatementRequest.monthToDate(QUERY));
    }

    @Test
    void aRunAfterMissedMonthBoundaryDaysCatchesUpThePreviousMonth() {
        archiveWith(name("2025-06-26")); // the machine was off from June 27 to July 9
        List<StatementRequest> asked = new ArrayList<>();
        run(LocalDate.of(2025, 7, 10), r -> {
            asked.add(r);
            return statementTo(r.overridesPeriod() ? "2025-06-30" : "2025-07-09");
        });
        assertThat(asked).containsExactly(StatementRequest.monthToDate(QUERY),
                StatementRequest.month(QUERY, YearMonth.of(2025, 6)));
        assertThat(archive.files).containsOnlyKeys(name("2025-06-30"), name("2025-07-09"));
    }

    @Test
    void aFirstRunEverDoesNotReachIntoThePreviousMonth() {
        List<StatementRequest> asked = new ArrayList<>();
        run(LocalDate.of(2025, 7, 10), r -> {
            asked.add(r);
            return statementTo("2025-07-09");
        });
        assertThat(asked).containsExactly(StatementRequest.monthToDate(QUERY));
    }

    @Test
    void anArchivedFileNewerThanTheFetchedStatementIsKept() {
        archiveWith(name("2025-07-18"));
        UpdateReport report = run(LocalDate.of(2025, 7, 21), r -> statementTo("2025-07-17"));
        assertThat(report.succeeded()).isTrue();
        assertThat(archive.files).containsOnlyKeys(name("2025-07-17"), name("2025-07-18"));
        assertThat(warnings).anyMatch(w -> w.contains("newer than the statement just fetched"));
    }

    @Test
    void fetchingTheSameDayAgainReplacesTheFileOfThatName() {
        archiveWith(name("2025-07-18"));
        UpdateReport report = run(LocalDate.of(2025, 7, 21), r -> statementTo("2025-07-18"));
        assertThat(((Updated) report.outcomes().get(0)).replaced()).isEmpty();
        assertThat(archive.files).containsOnlyKeys(name("2025-07-18"));
        assertThat(archive.files.get(name("2025-07-18"))).isEqualTo(statementTo("2025-07-18"));
    }

    @Test
    void leftoversOfAnInterruptedRunAreClearedFirst() throws IOException {
        archive = new FakeArchive(dir);
        Files.writeString(archive.stagingDir.resolve("123456_killed.part"), "half a statement");
        UpdateReport report = run(LocalDate.of(2025, 7, 21), r -> statementTo("2025-07-18"));
        assertThat(report.clearedLeftovers()).containsExactly("123456_killed.part");
        assertThat(report.succeeded()).isTrue();
        assertThat(warnings).anyMatch(w -> w.contains("interrupted run"));
    }

    @Test
    void whenArchivingFailsAfterStoringThePreviousFileIsKept() {
        archiveWith(name("2025-07-17")).failCommit = true;
        UpdateReport report = run(LocalDate.of(2025, 7, 21), r -> statementTo("2025-07-18"));
        Failed failed = (Failed) report.outcomes().get(0);
        assertThat(failed.kind()).isEqualTo(Kind.ARCHIVE);
        assertThat(failed.message()).contains("stored in the ledger");
        assertThat(archive.files).containsOnlyKeys(name("2025-07-17"));
    }

    @Test
    void theWorstFailureDecides() {
        StatementRequest r = StatementRequest.monthToDate(QUERY);
        UpdateReport report = new UpdateReport(List.of(
                new Failed(r, Kind.BROKER_UNAVAILABLE, "a", 1019, null),
                new Failed(r, Kind.STATEMENT_REJECTED, "b", null, null),
                new Failed(r, Kind.LEDGER, "c", null, null)), List.of());
        assertThat(report.worstFailure()).map(Failed::message).hasValue("c");
    }

    /** Answers per request: a statement marker, "UNAVAILABLE <code>", or anything else (written as is). */
    private static final class FakeSource implements StatementSource {
        private final Function<StatementRequest, String> broker;

        FakeSource(Function<StatementRequest, String> broker) {
            this.broker = broker;
        }

        @Override
        public FetchedStatement fetch(StatementRequest request, Path target) throws BrokerUnavailableException, IOException {
            String answer = broker.apply(request);
            if (answer.startsWith("UNAVAILABLE ")) {
                int code = Integer.parseInt(answer.substring("UNAVAILABLE ".length()));
                throw new BrokerUnavailableException("IBKR error " + code, code, false);
            }
            Files.writeString(target, answer, StandardCharsets.UTF_8);
            return new FetchedStatement(answer.length(), "0".repeat(64));
        }
    }

    /** "STATEMENT <query> <toDate>" is the ground-truth statement ending on toDate; anything else is refused. */
    private static final class FakeParser implements StatementParser {
        @Override
        public void stream(Path file, StatementHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stream(InputStream in, String sourceName, StatementHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StatementFile parse(Path file) throws StatementRejectedException {
            throw new UnsupportedOperationException();
        }

        @Override
        public StatementFile parse(InputStream in, String sourceName) throws StatementRejectedException {
            String text;
            try {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (!text.startsWith("STATEMENT ")) {
                throw new StatementRejectedException(sourceName, 1, null, null, "not a Flex statement");
            }
            String[] parts = text.split(" ");
            Statement gt = GroundTruth.statement();
            LocalDate to = LocalDate.parse(parts[2]);
            Statement statement = new Statement(gt.account(), gt.baseCurrency(), to.withDayOfMonth(1), to, gt.period(),
                    gt.whenGenerated(), gt.trades(), gt.optionEae(), gt.cashTransactions(), gt.officialNavs(),
                    gt.changeInNav(), gt.openPositions(), gt.conversionRates());
            return new StatementFile(sourceName, parts[1], "AF", List.of(statement));
        }
    }

    /** Archived files by name, failed files by file name, staging files on disk; records the order of its steps. */
    private static final class FakeArchive implements StatementArchive {
        final Map<ArchiveName, String> files = new TreeMap<>((a, b) -> a.relativePath().compareTo(b.relativePath()));
        final Map<String, String> failed = new LinkedHashMap<>();
        final List<String> events = new ArrayList<>();
        final Path stagingDir;
        boolean failCommit;
        private int next;

        FakeArchive(Path dir) {
            this.stagingDir = dir.resolve("staging");
            try {
                Files.createDirectories(stagingDir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        List<Path> staging() {
            try (var s = Files.list(stagingDir)) {
                return s.toList();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Path stage(StatementRequest request) throws IOException {
            return Files.createFile(stagingDir.resolve(request.queryId() + "_" + next++ + ".part"));
        }

        @Override
        public void discard(Path staged) throws IOException {
            Files.deleteIfExists(staged);
        }

        @Override
        public List<String> clearStaging() throws IOException {
            List<String> names = staging().stream().map(p -> p.getFileName().toString()).sorted().toList();
            for (Path p : staging()) {
                Files.delete(p);
            }
            return names;
        }

        @Override
        public List<ArchiveName> archived(String queryName, YearMonth month) {
            return files.keySet().stream().filter(n -> n.queryName().equals(queryName) && n.month().equals(month)).toList();
        }

        @Override
        public Path commit(Path staged, ArchiveName name) throws IOException {
            if (failCommit) {
                throw new IOException("disk full");
            }
            events.add("commit " + name);
            files.put(name, Files.readString(staged));
            Files.delete(staged);
            return Path.of(name.relativePath());
        }

        @Override
        public Path keepAsideAsFailed(Path staged, ArchiveName name) throws IOException {
            events.add("failed " + name);
            failed.put(name.failedFileName(), Files.readString(staged));
            Files.delete(staged);
            return Path.of(name.failedFileName());
        }

        @Override
        public void delete(ArchiveName name) {
            events.add("delete " + name);
            files.remove(name);
        }
    }
}

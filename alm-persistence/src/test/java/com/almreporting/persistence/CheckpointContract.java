package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.ACCOUNT;
import static com.almreporting.persistence.TestStatements.JUL_17;
import static com.almreporting.persistence.TestStatements.JUL_18;
import static com.almreporting.persistence.TestStatements.day16;
import static com.almreporting.persistence.TestStatements.day17;
import static com.almreporting.persistence.TestStatements.day18;
import static com.almreporting.persistence.TestStatements.nav;
import static com.almreporting.persistence.TestStatements.statement;
import static com.almreporting.persistence.TestStatements.trade;
import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.checkpoint.CarriedHolding;
import com.almreporting.domain.model.checkpoint.CarriedLot;
import com.almreporting.domain.model.checkpoint.Checkpoint;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.service.CheckpointService;
import com.almreporting.domain.service.NarrativeReportService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints, against every ledger: a report that resumes from one is the report of the full walk from the first
 * event (the reference: an in-memory ledger that never had a checkpoint), whatever the order the files came in,
 * with cancels, corrections, late-reported rows, expirations and assignments on either side of the checkpoint; and
 * a stored change drops exactly the checkpoints it could alter, in the same transaction.
 */
abstract class CheckpointContract {

    private static final NyseCalendar CALENDAR = NyseCalendar.instance();

    /** A ledger with nothing stored. Each call starts afresh; an earlier ledger need not survive it. */
    protected abstract Ledger emptyLedger();

    private static void ingest(Ledger ledger, Statement statement) {
        ledger.store(statement, new StatementOrigin("U1234567_MTD_" + statement.toDate() + ".xml", null));
        new CheckpointService(ledger, CALENDAR).refresh(ACCOUNT);
    }

    private static NarrativeReport report(Ledger ledger, LocalDate from, LocalDate to) {
        return new NarrativeReportService(ledger, CALENDAR)
                .report(new ReportRequest(ACCOUNT, from, to, ReportSettings.defaults()));
    }

    private static InMemoryLedger reference(List<Statement> files) {
        InMemoryLedger reference = new InMemoryLedger();
        files.forEach(f -> reference.store(f, StatementOrigin.of("reference")));
        return reference;
    }

    /** Reports over the ranges equal the full walk's; returns how many resumed from a checkpoint. */
    private static int assertSameReports(Ledger ledger, InMemoryLedger reference, List<LocalDate[]> ranges) {
        int resumed = 0;
        for (LocalDate[] range : ranges) {
            RecordingLedger recording = new RecordingLedger(ledger);
            NarrativeReport viaCheckpoint = report(recording, range[0], range[1]);
            assertThat(viaCheckpoint).as("report %s..%s", range[0], range[1]).isEqualTo(report(reference, range[0], range[1]));
            if (recording.wholeHistoryReads == 0) {
                resumed++;
            }
        }
        return resumed;
    }

    /** One-day reports spread over the history, weeks, a month across a month's end, and everything. */
    private static List<LocalDate[]> ranges(List<LocalDate> days) {
        List<LocalDate[]> ranges = new ArrayList<>();
        for (int i = 3; i < days.size(); i += 7) {
            ranges.add(new LocalDate[] {days.get(i), days.get(i)});
        }
        for (int i = 10; i + 5 < days.size(); i += 23) {
            ranges.add(new LocalDate[] {days.get(i), days.get(i + 5)});
        }
        ranges.add(new LocalDate[] {days.get(15), days.get(40)});
        ranges.add(new LocalDate[] {days.get(0), days.get(days.size() - 1)});
        ranges.add(new LocalDate[] {days.get(days.size() - 1), days.get(days.size() - 1)});
        return ranges;
    }

    @Test
    void reportsResumedFromCheckpointsEqualTheFullWalkWhenFilesComeInOrder() {
        GeneratedHistory history = GeneratedHistory.of(7, 4);
        List<Statement> files = history.files(5);
        Ledger ledger = emptyLedger();
        files.forEach(f -> ingest(ledger, f));

        List<LocalDate[]> ranges = ranges(history.days());
        int resumed = assertSameReports(ledger, reference(files), ranges);

        // Every range after the first trading days has a checkpoint before it; only the crossings fall back.
        assertThat(resumed).isGreaterThanOrEqualTo(ranges.size() * 2 / 3);
    }

    @Test
    void reportsResumedFromCheckpointsEqualTheFullWalkWhenFilesComeInAnyOrder() {
        GeneratedHistory history = GeneratedHistory.of(11, 3);
        List<Statement> files = new ArrayList<>(history.files(3));
        Collections.shuffle(files, new Random(3));
        Ledger ledger = emptyLedger();
        InMemoryLedger reference = new InMemoryLedger();
        List<LocalDate[]> ranges = ranges(history.days());
        int resumed = 0;
        for (Statement f : files) {
            ingest(ledger, f);
            reference.store(f, StatementOrigin.of("reference"));
        }
        resumed += assertSameReports(ledger, reference, ranges);
        assertThat(resumed).isPositive();
    }

    @Test
    void checkpointsRefreshedAfterEveryFileGiveTheFullWalksReportsAtEveryStep() {
        GeneratedHistory history = GeneratedHistory.of(5, 2);
        List<Statement> files = new ArrayList<>(history.files(4));
        Collections.shuffle(files, new Random(5));
        Ledger ledger = emptyLedger();
        InMemoryLedger reference = new InMemoryLedger();
        List<LocalDate> days = history.days();
        int resumed = 0;
        for (Statement f : files) {
            ingest(ledger, f);
            reference.store(f, StatementOrigin.of("reference"));
            resumed += assertSameReports(ledger, reference, List.of(
                    new LocalDate[] {days.get(12), days.get(12)},
                    new LocalDate[] {days.get(25), days.get(31)},
                    new LocalDate[] {days.get(days.size() - 2), days.get(days.size() - 1)}));
        }
        assertThat(resumed).isPositive();
    }

    @Test
    void theGroundTruthFilesGiveTheSameReportsInEitherOrder() {
        for (List<Statement> order : List.of(List.of(day16(), day17(), day18()), List.of(day18(), day16(), day17()))) {
            Ledger ledger = emptyLedger();
            order.forEach(f -> ingest(ledger, f));
            InMemoryLedger reference = reference(order);

            int resumed = assertSameReports(ledger, reference, List.of(new LocalDate[] {JUL_17, JUL_18},
                    new LocalDate[] {JUL_18, JUL_18}, new LocalDate[] {JUL_17, JUL_17}));

            assertThat(resumed).as("order %s", order.stream().map(Statement::toDate).toList()).isEqualTo(3);
        }
    }

    /** The account's checkpoints, newest first. */
    private static List<Checkpoint> checkpoints(Ledger ledger) {
        List<Checkpoint> all = new ArrayList<>();
        for (var c = ledger.latestCheckpointBefore(ACCOUNT, LocalDate.MAX); c.isPresent();
             c = ledger.latestCheckpointBefore(ACCOUNT, c.get().day())) {
            all.add(c.get());
        }
        return all;
    }

    /** After a store of rows dated {@code earliest} or later: exactly the checkpoints with an earlier horizon stay. */
    private static void assertDroppedFrom(Ledger ledger, List<Checkpoint> before, LocalDate earliest) {
        List<Checkpoint> kept = before.stream().filter(c -> c.horizon().isBefore(earliest)).toList();
        assertThat(kept).isNotEmpty();
        assertThat(kept).hasSizeLessThan(before.size());
        assertThat(checkpoints(ledger)).containsExactlyElementsOf(kept);
    }

    @Test
    void aStoredRowDropsTheCheckpointsWhoseHorizonReachesItsDateOldOrNew() {
        GeneratedHistory history = GeneratedHistory.of(13, 2);
        Ledger ledger = emptyLedger();
        history.files(100).forEach(f -> ingest(ledger, f));
        List<LocalDate> days = history.days();
        LocalDate late = days.get(30);
        LocalDate early = days.get(5);
        List<Checkpoint> before = checkpoints(ledger);
        assertThat(before.get(0).day()).isEqualTo(days.get(days.size() - 1));

        // A trade stored with a date late in the history drops the checkpoints whose horizon reaches that date.
        ledger.store(statement().period(late, late).generated("2026-01-01T06:00:00Z")
                .trades(trade("777").stock("IBM").at(late + "T11:00:00")).build(), StatementOrigin.of("late.xml"));
        assertDroppedFrom(ledger, before, late);

        // The same trade moved to an earlier date: its new date counts...
        new CheckpointService(ledger, CALENDAR).refresh(ACCOUNT);
        before = checkpoints(ledger);
        ledger.store(statement().period(early, early).generated("2026-01-02T06:00:00Z")
                .trades(trade("777").stock("IBM").at(early + "T11:00:00")).build(), StatementOrigin.of("early.xml"));
        assertDroppedFrom(ledger, before, early);

        // ... and moved back to a late date, so does its old one.
        new CheckpointService(ledger, CALENDAR).refresh(ACCOUNT);
        before = checkpoints(ledger);
        ledger.store(statement().period(late, late).generated("2026-01-03T06:00:00Z")
                .trades(trade("777").stock("IBM").at(late + "T11:00:00")).build(), StatementOrigin.of("late-again.xml"));
        assertDroppedFrom(ledger, before, early);

        // An official NAV changed late drops from its date on, and the reports still match the full walk.
        new CheckpointService(ledger, CALENDAR).refresh(ACCOUNT);
        before = checkpoints(ledger);
        ledger.store(statement().period(late, late).generated("2026-01-04T06:00:00Z").navs(nav(late, "1.00")).build(),
                StatementOrigin.of("nav.xml"));
        assertDroppedFrom(ledger, before, late);
        assertSameReports(ledger, referenceOf(ledger), List.<LocalDate[]>of(new LocalDate[] {late, late}));
        new CheckpointService(ledger, CALENDAR).refresh(ACCOUNT);
        assertThat(assertSameReports(ledger, referenceOf(ledger), List.<LocalDate[]>of(new LocalDate[] {late, late})))
                .isEqualTo(1);
    }

    /** The reference for a ledger's current rows: the same rows in an in-memory ledger without checkpoints. */
    private static InMemoryLedger referenceOf(Ledger ledger) {
        InMemoryLedger reference = new InMemoryLedger();
        var h = ledger.history(ACCOUNT, LocalDate.MAX);
        reference.store(new Statement(ACCOUNT, h.baseCurrency(), null, null, "copy", null, h.trades(), h.optionEae(),
                h.cashTransactions(), h.officialNavs(), null, List.of(), List.of()), StatementOrigin.of("copy"));
        return reference;
    }

    @Test
    void checkpointsReadBackEqualToWhatWasStored() {
        Ledger ledger = emptyLedger();
        ledger.store(day16(), StatementOrigin.of("day16.xml"));
        Checkpoint checkpoint = new Checkpoint(ACCOUNT, JUL_17, LocalDate.of(2025, 7, 3), JUL_17.plusDays(7),
                ReportSettings.defaults().carryKey(), "HKD", null, 42, List.of(
                new CarriedHolding(OptionContract.parseOcc("SPY   250718C00629000"), new BigDecimal("-2.0"), List.of(
                        new CarriedLot(new BigDecimal("-1"), new BigDecimal("-36.14"), new BigDecimal("0.37"), 40, true),
                        new CarriedLot(new BigDecimal("-1.0"), new BigDecimal("-12.3456789012345678901234567890123"),
                                null, 41, false))),
                new CarriedHolding(Stock.of("SPY"), new BigDecimal("100"), List.of(
                        new CarriedLot(new BigDecimal("100"), new BigDecimal("62800.00"), new BigDecimal("628.00"), 7, false))),
                new CarriedHolding(new OtherInstrument("FUT", "ESU5", "ES", new BigDecimal("50")), BigDecimal.ONE, List.of(
                        new CarriedLot(BigDecimal.ONE, new BigDecimal("310000"), new BigDecimal("6200.00"), 9, false)))));
        Checkpoint earlier = new Checkpoint(ACCOUNT, LocalDate.of(2025, 7, 16), LocalDate.of(2025, 7, 16),
                LocalDate.of(2025, 7, 23), "other", null, new BigDecimal("79498.68"), 0, List.of());

        assertThat(ledger.storeCheckpoints(ACCOUNT, ledger.version(ACCOUNT), List.of(earlier, checkpoint))).isTrue();

        assertThat(ledger.latestCheckpointBefore(ACCOUNT, JUL_18)).contains(checkpoint);
        assertThat(ledger.latestCheckpointBefore(ACCOUNT, JUL_17)).contains(earlier);
        assertThat(ledger.latestCheckpointBefore(ACCOUNT, LocalDate.of(2025, 7, 16))).isEmpty();
    }

    @Test
    void checkpointsComputedBeforeAStoreAreNotStoredAfterIt() {
        Ledger ledger = emptyLedger();
        ledger.store(day16(), StatementOrigin.of("day16.xml"));
        long version = ledger.version(ACCOUNT);
        ledger.store(day17(), StatementOrigin.of("day17.xml"));
        Checkpoint stale = new Checkpoint(ACCOUNT, JUL_17, JUL_17, JUL_17.plusDays(7), "k", "HKD", null, 0, List.of());

        assertThat(ledger.version(ACCOUNT)).isNotEqualTo(version);
        assertThat(ledger.storeCheckpoints(ACCOUNT, version, List.of(stale))).isFalse();
        assertThat(ledger.latestCheckpointBefore(ACCOUNT, LocalDate.MAX)).isEmpty();
    }

    @Test
    void theWindowHasTheRowsDatedWithinItAndTheUndatedOnes() {
        Ledger ledger = emptyLedger();
        ledger.store(day18(), StatementOrigin.of("day18.xml"));

        var window = ledger.history(ACCOUNT, JUL_17, JUL_17);
        var all = ledger.history(ACCOUNT, LocalDate.MAX);

        assertThat(window.trades()).containsExactlyInAnyOrderElementsOf(
                all.trades().stream().filter(t -> t.businessDate().equals(JUL_17)).toList());
        assertThat(window.officialNavs()).extracting(n -> n.reportDate()).containsExactly(JUL_17);
        assertThat(window.optionEae()).allSatisfy(e -> assertThat(e.date()).isEqualTo(JUL_17));
        assertThat(ledger.history(ACCOUNT, LocalDate.MIN, JUL_18).trades()).hasSameSizeAs(all.trades());
        assertThat(ledger.businessDates(ACCOUNT)).get().satisfies(d -> {
            assertThat(d.first()).isEqualTo(all.cashTransactions().stream().map(c -> c.businessDate()).min(LocalDate::compareTo).orElseThrow());
            assertThat(d.last()).isEqualTo(JUL_18);
        });
    }

    @Test
    void linkedRowsBeforeAWindowAreFoundByEveryId() {
        Ledger ledger = emptyLedger();
        ledger.store(day18(), StatementOrigin.of("day18.xml"));
        // 1012 (July 18) cancels 1003 (July 17, tradeID T1003); 1013 re-books it under T1003.
        assertThat(ledger.linkedBefore(ACCOUNT, JUL_18, java.util.Set.of("1003"), java.util.Set.of())).isTrue();
        assertThat(ledger.linkedBefore(ACCOUNT, JUL_18, java.util.Set.of(), java.util.Set.of("T1003"))).isTrue();
        assertThat(ledger.linkedBefore(ACCOUNT, JUL_17, java.util.Set.of("1003"), java.util.Set.of("T1003"))).isFalse();
        assertThat(ledger.linkedBefore(ACCOUNT, LocalDate.of(2025, 7, 19), java.util.Set.of("1003"), java.util.Set.of()))
                .as("1012 names 1003 as its origTransactionID").isTrue();
        assertThat(ledger.linkedBefore(ACCOUNT, JUL_18, java.util.Set.of("9999"), java.util.Set.of("T1007")))
                .as("the OptionEAE row of July 17 carries T1007").isTrue();
        assertThat(ledger.linkedBefore(ACCOUNT, JUL_18, java.util.Set.of("9999"), java.util.Set.of("T9999"))).isFalse();
    }
}

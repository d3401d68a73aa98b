package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.service.IngestStatementService;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.flex.parser.FlexStatementParser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sample statements (ground truth, winter) ingested with checkpoints: every report over every range of their
 * trading days equals the full walk's, and those that start after the first trade's day resume from a checkpoint.
 */
class CheckpointedSamplesTest {

    private static final NyseCalendar CALENDAR = NyseCalendar.instance();
    private static final AccountId ACCOUNT = AccountId.of("U7654321");

    private static void assertEveryRangeMatches(String... files) throws Exception {
        InMemoryLedger checkpointed = new InMemoryLedger();
        InMemoryLedger plain = new InMemoryLedger();
        IngestStatementService ingest = new IngestStatementService(checkpointed);
        for (String name : files) {
            StatementFile file = new FlexStatementParser().parse(ReplayCommandTest.SAMPLES.resolve(name));
            ingest.ingest(file, StatementOrigin.of(name));
            file.statements().forEach(s -> plain.store(s, StatementOrigin.of(name)));
        }
        List<LocalDate> days = new ArrayList<>();
        // From the first trade's day: before it there is nothing to carry, and no checkpoint either.
        LocalDate first = plain.history(ACCOUNT, LocalDate.MAX).trades().stream().map(t -> t.businessDate())
                .min(LocalDate::compareTo).orElseThrow();
        for (LocalDate d = first; !d.isAfter(plain.businessDates(ACCOUNT).orElseThrow().last()); d = d.plusDays(1)) {
            if (CALENDAR.isTradingDay(d)) {
                days.add(d);
            }
        }
        int resumed = 0;
        int ranges = 0;
        for (int i = 0; i < days.size(); i++) {
            for (int j = i; j < days.size(); j++) {
                AtomicInteger wholeReads = new AtomicInteger();
                NarrativeReport viaCheckpoint = report(counting(checkpointed, wholeReads), days.get(i), days.get(j));
                assertThat(viaCheckpoint).as("%s..%s", days.get(i), days.get(j))
                        .isEqualTo(report(plain, days.get(i), days.get(j)));
                ranges += i > 0 ? 1 : 0;
                resumed += i > 0 && wholeReads.get() == 0 ? 1 : 0;
            }
        }
        assertThat(resumed).as("ranges after the first day that resumed from a checkpoint").isEqualTo(ranges);
    }

    private static NarrativeReport report(Ledger ledger, LocalDate from, LocalDate to) {
        return new NarrativeReportService(ledger, CALENDAR).report(new ReportRequest(ACCOUNT, from, to, ReportSettings.defaults()));
    }

    /** The ledger, counting the reads of its whole history ({@code history(account, through)}). */
    private static Ledger counting(Ledger ledger, AtomicInteger wholeReads) {
        return (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class}, (proxy, method, args) -> {
            if (method.getName().equals("history") && args.length == 2) {
                wholeReads.incrementAndGet();
            }
            try {
                return method.invoke(ledger, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void groundTruthReportsFromCheckpointsEqualTheFullWalk() throws Exception {
        assertEveryRangeMatches("ground-truth-2025-07.xml");
    }

    @Test
    void winterReportsFromCheckpointsEqualTheFullWalkInEitherFileOrder() throws Exception {
        assertEveryRangeMatches("winter-2025-11.xml", "winter-2025-12.xml");
        assertEveryRangeMatches("winter-2025-12.xml", "winter-2025-11.xml");
    }

}

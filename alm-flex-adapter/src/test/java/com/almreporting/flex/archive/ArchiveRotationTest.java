package com.almreporting.flex.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.port.in.IngestStatement;
import com.almreporting.domain.port.in.UpdateFromBroker;
import com.almreporting.domain.port.in.UpdateOutcome;
import com.almreporting.domain.port.in.UpdateReport;
import com.almreporting.domain.port.out.ArchiveName;
import com.almreporting.domain.port.out.FetchedStatement;
import com.almreporting.domain.port.out.StatementSource;
import com.almreporting.domain.service.IngestStatementService;
import com.almreporting.domain.service.UpdateFromBrokerService;
import com.almreporting.flex.parser.FlexStatementParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Download-and-replace on the real file archive with the real parser: the previous file goes only once the new one is
 * stored; a file the ledger refuses is kept aside and the previous one stays.
 */
class ArchiveRotationTest {

    private static final Path GROUND_TRUTH = Path.of("..", "samples", "ground-truth-2025-07.xml");
    private static final ArchiveName PREVIOUS = ArchiveName.of("ALM_Daily", LocalDate.of(2025, 7, 17));
    private static final ArchiveName NEW = ArchiveName.of("ALM_Daily", LocalDate.of(2025, 7, 18));

    @TempDir
    Path dataDir;

    private final InMemoryLedger ledger = new InMemoryLedger();

    private UpdateReport update(FileStatementArchive archive, IngestStatement ingest) {
        StatementSource broker = (request, target) -> {
            Files.copy(GROUND_TRUTH, target, StandardCopyOption.REPLACE_EXISTING);
            return new FetchedStatement(Files.size(target), "0".repeat(64));
        };
        Clock clock = Clock.fixed(Instant.parse("2025-07-21T21:00:00Z"), ZoneId.of("America/New_York"));
        return new UpdateFromBrokerService(broker, new FlexStatementParser(), ingest, archive, clock, 3,
                UpdateFromBroker.Progress.NONE).update(List.of("987654"));
    }

    private FileStatementArchive archiveWithPrevious() throws IOException {
        FileStatementArchive archive = FileStatementArchive.inDataDirectory(dataDir);
        Path staged = archive.stage(com.almreporting.domain.port.out.StatementRequest.monthToDate("987654"));
        Files.writeString(staged, "the statement of July 17");
        archive.commit(staged, PREVIOUS);
        return archive;
    }

    @Test
    void theNewFileReplacesThePreviousOneOnlyAfterItIsStored() throws IOException {
        FileStatementArchive archive = archiveWithPrevious();
        IngestStatement checkingIngest = (file, origin) -> {
            // while the statement is being stored, the previous file is still there and the new one is not
            assertThat(archive.pathOf(PREVIOUS)).exists();
            assertThat(archive.pathOf(NEW)).doesNotExist();
            assertThat(origin.fileName()).isEqualTo("ALM_Daily_MTD_20250718.xml");
            return new IngestStatementService(ledger).ingest(file, origin);
        };

        UpdateReport report = update(archive, checkingIngest);

        assertThat(report.succeeded()).as(report.toString()).isTrue();
        assertThat(archive.pathOf(NEW)).hasSameBinaryContentAs(GROUND_TRUTH);
        assertThat(archive.pathOf(PREVIOUS)).doesNotExist();
        assertThat(ledger.accounts()).containsExactly(AccountId.of("U7654321"));
        assertThat(archive.clearStaging()).isEmpty();
    }

    @Test
    void aFileTheLedgerRefusesIsKeptAsideAndThePreviousFileStays() throws IOException {
        FileStatementArchive archive = archiveWithPrevious();

        UpdateReport report = update(archive, (file, origin) -> {
            throw new IllegalStateException("the database is down");
        });

        UpdateOutcome.Failed failed = report.failures().get(0);
        assertThat(failed.kind()).isEqualTo(UpdateOutcome.Kind.LEDGER);
        assertThat(failed.keptAsideFile()).hasValue(archive.root().resolve("2025/07/ALM_Daily_MTD_20250718.failed.xml"));
        assertThat(failed.keptAside()).hasSameBinaryContentAs(GROUND_TRUTH);
        assertThat(archive.pathOf(PREVIOUS)).hasContent("the statement of July 17");
        assertThat(archive.pathOf(NEW)).doesNotExist();
        assertThat(archive.clearStaging()).isEmpty();

        // the next run succeeds: the previous file goes, the kept-aside one stays for the operator
        assertThat(update(archive, new IngestStatementService(ledger)).succeeded()).isTrue();
        assertThat(archive.pathOf(PREVIOUS)).doesNotExist();
        assertThat(archive.pathOf(NEW)).exists();
        assertThat(failed.keptAside()).exists();
    }
}

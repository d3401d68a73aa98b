package com.almreporting.flex.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.port.out.ArchiveName;
import com.almreporting.domain.port.out.StatementRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStatementArchiveTest {

    private static final StatementRequest REQUEST = StatementRequest.monthToDate("987654");

    @TempDir
    Path dataDir;

    private FileStatementArchive archive;

    @BeforeEach
    void archive() {
        archive = new FileStatementArchive(dataDir.resolve("ibkr_flexquery"),
                Clock.fixed(Instant.parse("2025-07-19T09:00:00Z"), ZoneOffset.UTC));
    }

    private static ArchiveName name(String date) {
        return ArchiveName.of("ALM_Daily", LocalDate.parse(date));
    }

    private Path staged(String content) throws IOException {
        Path staged = archive.stage(REQUEST);
        Files.writeString(staged, content);
        return staged;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static long inode(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:ino")).longValue();
    }

    private Stream<Path> everything() throws IOException {
        return Files.walk(archive.root());
    }

    @Test
    void theArchiveLivesUnderTheDataDirectory() {
        assertThat(FileStatementArchive.inDataDirectory(dataDir).root()).isEqualTo(dataDir.resolve("ibkr_flexquery"));
        assertThat(archive.pathOf(name("2025-07-18")))
                .isEqualTo(dataDir.resolve("ibkr_flexquery/2025/07/ALM_Daily_MTD_20250718.xml"));
    }

    @Test
    void aStagingFileIsNewEmptyAndPrivate() throws IOException {
        Path staged = archive.stage(REQUEST);
        assertThat(staged).isEmptyFile();
        assertThat(staged.getParent()).isEqualTo(archive.root().resolve(".staging"));
        assertThat(staged.getFileName().toString()).startsWith("987654_20250719T090000Z_").endsWith(".part");
        assertThat(mode(staged)).isEqualTo("rw-------");
        assertThat(mode(staged.getParent())).isEqualTo("rwx------");
        assertThat(mode(archive.root())).isEqualTo("rwx------");
        assertThat(archive.stage(REQUEST)).isNotEqualTo(staged);
    }

    @Test
    void aCommitRenamesTheStagedFileIntoItsMonthPrivately() throws IOException {
        Path staged = staged("<FlexQueryResponse/>");
        long inode = inode(staged);

        Path archived = archive.commit(staged, name("2025-07-18"));

        assertThat(archived).isEqualTo(archive.pathOf(name("2025-07-18"))).hasContent("<FlexQueryResponse/>");
        assertThat(inode(archived)).as("renamed, not copied: never a partly written file").isEqualTo(inode);
        assertThat(staged).doesNotExist();
        assertThat(mode(archived)).isEqualTo("rw-------");
        assertThat(mode(archived.getParent())).isEqualTo("rwx------");
        assertThat(mode(archived.getParent().getParent())).isEqualTo("rwx------");
        try (Stream<Path> files = everything()) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(archived);
        }
    }

    @Test
    void aCommitReplacesAFileOfTheSameNameWhole() throws IOException {
        archive.commit(staged("old"), name("2025-07-18"));
        Path archived = archive.commit(staged("new, longer content"), name("2025-07-18"));
        assertThat(archived).hasContent("new, longer content");
        assertThat(archive.archived("ALM_Daily", YearMonth.of(2025, 7))).containsExactly(name("2025-07-18"));
    }

    @Test
    void aFileThatWasNotStoredIsKeptAsideAndNotListed() throws IOException {
        archive.commit(staged("previous"), name("2025-07-17"));
        Path failed = archive.keepAsideAsFailed(staged("refused"), name("2025-07-18"));

        assertThat(failed).isEqualTo(archive.root().resolve("2025/07/ALM_Daily_MTD_20250718.failed.xml")).hasContent("refused");
        assertThat(mode(failed)).isEqualTo("rw-------");
        assertThat(archive.archived("ALM_Daily", YearMonth.of(2025, 7))).containsExactly(name("2025-07-17"));
        assertThat(archive.pathOf(name("2025-07-17"))).hasContent("previous");
    }

    @Test
    void listingFindsOneQueryInOneMonthOldestFirst() throws IOException {
        archive.commit(staged("a"), name("2025-07-18"));
        archive.commit(staged("b"), name("2025-07-03"));
        archive.commit(staged("c"), name("2025-06-30"));
        archive.commit(staged("d"), ArchiveName.of("ALM_Daily2", LocalDate.of(2025, 7, 10)));
        Files.writeString(archive.root().resolve("2025/07/.ALM_Daily_MTD_20250719.xml.1234.tmp"), "temp");
        Files.writeString(archive.root().resolve("2025/07/notes.xml"), "other");

        assertThat(archive.archived("ALM_Daily", YearMonth.of(2025, 7))).containsExactly(name("2025-07-03"), name("2025-07-18"));
        assertThat(archive.archived("ALM_Daily", YearMonth.of(2025, 5))).isEmpty();
        assertThat(archive.previous(name("2025-07-18"))).containsExactly(name("2025-07-03"));
        assertThat(archive.previous(name("2025-07-03"))).isEmpty();
    }

    @Test
    void deletingRemovesTheArchivedFile() throws IOException {
        archive.commit(staged("a"), name("2025-07-17"));
        archive.delete(name("2025-07-17"));
        archive.delete(name("2025-07-16")); // never there: nothing to do
        assertThat(archive.pathOf(name("2025-07-17"))).doesNotExist();
    }

    @Test
    void clearingTheStagingAreaRemovesLeftoversOfAKilledRun() throws IOException {
        Path left = staged("half a statem");
        Files.writeString(left.resolveSibling(left.getFileName() + ".body1"), "<FlexQ");
        assertThat(archive.clearStaging()).containsExactly(left.getFileName().toString(), left.getFileName() + ".body1");
        assertThat(archive.clearStaging()).isEmpty();
    }

    @Test
    void onlyItsOwnStagingFilesAreCommittedOrDiscarded() throws IOException {
        Path outside = Files.writeString(dataDir.resolve("elsewhere.xml"), "x");
        assertThatThrownBy(() -> archive.commit(outside, name("2025-07-18"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> archive.discard(outside)).isInstanceOf(IllegalArgumentException.class);
        assertThat(outside).exists();
    }
}

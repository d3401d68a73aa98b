package com.almreporting.flex.archive;

import com.almreporting.domain.port.out.ArchiveName;
import com.almreporting.domain.port.out.StatementArchive;
import com.almreporting.domain.port.out.StatementRequest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statement archive on the file system, under {@code <data-dir>/ibkr_flexquery/}:
 *
 * <pre>
 * ibkr_flexquery/                                  0700
 *   .staging/                                      0700  downloads in progress, one file each (0600)
 *   2025/07/ALM_Daily_MTD_20250718.xml             0600  the newest statement of the query in July 2025
 *   2025/07/ALM_Daily_MTD_20250721.failed.xml      0600  fetched but not stored (kept for the operator)
 *   2025/06/ALM_Daily_MTD_20250630.xml             0600  June's last statement
 * </pre>
 *
 * <p>Durability: a commit forces the staged file's bytes to disk ({@link FileChannel#force}), renames it atomically
 * into its month's directory (replacing a file of the same name), and forces the directory, so that after a crash
 * the archive holds the old file or the whole new one. Staging lives inside the archive, on the same file system,
 * so the rename is atomic; should the move still not be atomic (another file system mounted below), the file is
 * copied to a temporary name in the target directory, forced and renamed there.
 *
 * <p>Files are 0600 and directories 0700 where the file system has POSIX permissions: statements are personal.
 * Not thread-safe across runs: callers serialise runs (the CLI holds a lock file).
 */
public final class FileStatementArchive implements StatementArchive {

    private static final Logger LOG = LoggerFactory.getLogger(FileStatementArchive.class);

    /** The archive's folder under the data directory. */
    public static final String FOLDER = "ibkr_flexquery";
    static final String STAGING = ".staging";
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Clock clock;
    private final boolean posix;
    private final SecureRandom random = new SecureRandom();

    /** The archive in {@code <dataDirectory>/ibkr_flexquery}. */
    public static FileStatementArchive inDataDirectory(Path dataDirectory) {
        return new FileStatementArchive(dataDirectory.resolve(FOLDER), Clock.systemUTC());
    }

    public FileStatementArchive(Path root, Clock clock) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    public Path root() {
        return root;
    }

    /** Where the archived file {@code name} is (whether it exists or not). */
    public Path pathOf(ArchiveName name) {
        return monthDirectory(name.month()).resolve(name.fileName());
    }

    @Override
    public Path stage(StatementRequest request) throws IOException {
        Path staging = directory(root.resolve(STAGING));
        String name = request.queryId() + "_" + STAMP.format(clock.instant()) + "_"
                + randomHex() + ".part";
        return Files.createFile(staging.resolve(name), fileMode());
    }

    @Override
    public void discard(Path staged) throws IOException {
        requireStaged(staged);
        Files.deleteIfExists(staged);
    }

    @Override
    public List<String> clearStaging() throws IOException {
        Path staging = root.resolve(STAGING);
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                    removed.add(file.getFileName().toString());
                }
            }
        }
        removed.sort(Comparator.naturalOrder());
        return removed;
    }

    @Override
    public List<ArchiveName> archived(String queryName, YearMonth month) throws IOException {
        Path dir = monthDirectory(month);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ArchiveName> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.xml")) {
            for (Path file : files) {
                ArchiveName.parse(file.getFileName().toString())
                        .filter(n -> n.queryName().equals(queryName) && n.month().equals(month))
                        .filter(n -> Files.isRegularFile(file))
                        .ifPresent(names::add);
            }
        }
        names.sort(Comparator.comparing(ArchiveName::date));
        return names;
    }

    @Override
    public Path commit(Path staged, ArchiveName name) throws IOException {
        requireStaged(staged);
        Path target = pathOf(name);
        install(staged, target);
        LOG.debug("Archived {}", target);
        return target;
    }

    @Override
    public Path keepAsideAsFailed(Path staged, ArchiveName name) throws IOException {
        requireStaged(staged);
        Path target = monthDirectory(name.month()).resolve(name.failedFileName());
        install(staged, target);
        return target;
    }

    @Override
    public void delete(ArchiveName name) throws IOException {
        Path file = pathOf(name);
        if (Files.deleteIfExists(file)) {
            forceDirectory(file.getParent());
        }
    }

    /** Durably and atomically puts {@code staged} at {@code target} (0600), replacing what was there. */
    private void install(Path staged, Path target) throws IOException {
        Path dir = directory(target.getParent());
        force(staged);
        if (posix) {
            Files.setPosixFilePermissions(staged, FILE_MODE);
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Path temp = dir.resolve("." + target.getFileName() + "." + randomHex()
                    + ".tmp");
            try {
                Files.copy(staged, temp);
                if (posix) {
                    Files.setPosixFilePermissions(temp, FILE_MODE);
                }
                force(temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            Files.delete(staged);
        }
        forceDirectory(dir);
        forceDirectory(staged.getParent());
    }

    private Path monthDirectory(YearMonth month) {
        return root.resolve(String.format("%04d", month.getYear())).resolve(String.format("%02d", month.getMonthValue()));
    }

    /** Creates {@code dir} and any missing parent up to the root, 0700. */
    private Path directory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            directory(parent);
        }
        try {
            if (posix) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
                // The umask may have masked the mode at creation.
                Files.setPosixFilePermissions(dir, DIR_MODE);
            } else {
                Files.createDirectory(dir);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
        return dir;
    }

    private String randomHex() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private FileAttribute<?>[] fileMode() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    private void requireStaged(Path staged) {
        Path parent = staged.toAbsolutePath().normalize().getParent();
        if (parent == null || !parent.equals(root.resolve(STAGING))) {
            throw new IllegalArgumentException("not a staging file of this archive: " + staged);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes a rename or delete in {@code dir} durable; not every platform can open a directory, which is fine there. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force directory {}: {}", dir, e.toString());
        }
    }
}

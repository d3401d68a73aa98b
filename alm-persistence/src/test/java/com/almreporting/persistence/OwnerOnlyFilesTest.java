package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory and what alm creates in it are its owner's alone. (The test JVM's umask, usually 022, would give
 * 0755 and 0644; FilePermissionsIT in alm-cli runs the CLI under umask 000.)
 */
class OwnerOnlyFilesTest {

    @TempDir
    Path root;

    @BeforeEach
    void posixOnly() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    }

    @Test
    void everyMissingDirectoryIsCreatedForItsOwnerOnly() throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path created = OwnerOnlyFiles.createDirectories(root.resolve("a/b/alm"));

        assertThat(created).isEqualTo(root.resolve("a/b/alm").toAbsolutePath());
        assertThat(mode(root.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("a/b/alm"))).isEqualTo("rwx------");
        assertThat(mode(root)).as("an existing parent is left as it is").isEqualTo("rwxr-xr-x");
    }

    @Test
    void anExistingDirectoryKeepsTheModeItsOperatorChose() throws IOException {
        Path dir = Files.createDirectory(root.resolve("alm"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));

        OwnerOnlyFiles.createDirectories(dir);

        assertThat(mode(dir)).isEqualTo("rwxr-x---");
    }

    @Test
    void aFileInTheWayIsAnError() throws IOException {
        Files.writeString(root.resolve("alm"), "not a directory");

        assertThatThrownBy(() -> OwnerOnlyFiles.createDirectories(root.resolve("alm/pgdata")))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void aNewFileIsReadableByItsOwnerOnlyAndAnExistingOneIsKept() throws IOException {
        Path file = OwnerOnlyFiles.createFileIfAbsent(root.resolve("alm-update.lock"));
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(file).isEmptyFile();

        Files.writeString(file, "pid 1");
        assertThat(OwnerOnlyFiles.createFileIfAbsent(file)).hasContent("pid 1");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}

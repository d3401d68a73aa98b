package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server alm starts runs binaries from a directory only alm's user can write to, not from the library's shared
 * {@code /tmp/embedded-pg}, where another user of the machine could have put a program of theirs.
 */
class EmbeddedDatabaseBinariesIT {

    @TempDir
    Path root;

    @Test
    void theServerRunsFromAnOwnerOnlyDirectory() throws IOException {
        Path cluster = root.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(cluster, TestDatabase.freePort())) {
            long pid = Long.parseLong(Files.readAllLines(cluster.resolve(EmbeddedDatabase.PID_FILE), StandardCharsets.UTF_8)
                    .get(0).strip());
            Path executable = Path.of(ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow()).toRealPath();
            Path binaries = EmbeddedDatabase.binariesDirectory(cluster).toRealPath();

            assertThat(executable).as("the running server").startsWith(binaries);
            assertThat(executable.startsWith(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg")))
                    .as("%s in the shared temporary directory", executable).isFalse();
            for (Path dir = executable.getParent(); dir.startsWith(binaries); dir = dir.getParent()) {
                assertThat(Files.getPosixFilePermissions(dir)).as("who may write to %s", dir)
                        .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
            }
            assertThat(Files.getPosixFilePermissions(binaries)).as("the binaries' directory")
                    .doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
            assertThat(db.port()).isPositive();
        }
    }
}

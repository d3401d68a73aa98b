package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One owner per data directory at a time; another process holding it is OrphanedServerIT's. */
class ServerOwnerLockTest {

    @TempDir
    Path root;

    @Test
    void anotherProcessHoldingItKeepsItAndIsNamed() throws Exception {
        Path pgdata = Files.createDirectory(root.resolve("pgdata"));
        Path file = ServerOwnerLock.file(pgdata);
        Files.writeString(file, "pid 4242 since 2025-07-19T09:00:00Z\n");
        Process other = ForeignLock.hold(file);
        try {
            assertThat(ServerOwnerLock.tryAcquire(pgdata)).isEmpty();
            assertThat(ServerOwnerLock.holder(pgdata)).isEqualTo("pid 4242 since 2025-07-19T09:00:00Z");
        } finally {
            other.destroyForcibly().waitFor();
        }
        assertThat(ServerOwnerLock.tryAcquire(pgdata)).as("once the other process has gone").hasValueSatisfying(ServerOwnerLock::close);
    }

    @Test
    void theLockBesideTheDataDirectoryIsHeldOnceAndSaysByWhom() throws Exception {
        Path pgdata = Files.createDirectory(root.resolve("pgdata"));
        Path file = root.resolve("pgdata" + ServerOwnerLock.SUFFIX);

        try (ServerOwnerLock held = ServerOwnerLock.tryAcquire(pgdata).orElseThrow()) {
            assertThat(ServerOwnerLock.file(pgdata)).isEqualTo(file);
            assertThat(ServerOwnerLock.tryAcquire(pgdata)).as("a second owner").isEmpty();
            assertThat(ServerOwnerLock.holder(pgdata)).matches("pid " + ProcessHandle.current().pid() + " since \\S+Z");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(pgdata).as("initdb wants it empty").isEmptyDirectory();
            assertThat(ForeignLock.held(file)).as("held, as another process sees it, after a second try and a look at"
                    + " the holder (closing a second descriptor of the file would have released it)").isTrue();
        }
        assertThat(ForeignLock.held(file)).as("held after close").isFalse();
        try (ServerOwnerLock again = ServerOwnerLock.tryAcquire(pgdata).orElseThrow()) {
            again.close();
            assertThat(ServerOwnerLock.tryAcquire(pgdata)).as("after a second close").hasValueSatisfying(ServerOwnerLock::close);
        }
    }
}

package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One holder at a time, this JVM included; a holder killed is OrphanedServerIT's and ConcurrentRunsIT's. */
class ProcessLockTest {

    @TempDir
    Path root;

    @Test
    void heldOnceAndSaysByWhom() throws Exception {
        Path file = root.resolve("data/alm-update.lock");

        try (ProcessLock held = ProcessLock.tryAcquire(file).orElseThrow()) {
            assertThat(held.file()).isEqualTo(file);
            assertThat(ProcessLock.tryAcquire(file)).as("a second holder").isEmpty();
            assertThat(ProcessLock.holder(file)).matches("pid " + ProcessHandle.current().pid() + " since \\S+Z");
            assertThat(Files.readString(file)).isEqualTo(ProcessLock.holder(file) + "\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
        }
        assertThat(file).as("the file stays").exists();
        try (ProcessLock again = ProcessLock.tryAcquire(file).orElseThrow()) {
            again.close();
            assertThat(ProcessLock.tryAcquire(file)).as("after a second close").hasValueSatisfying(ProcessLock::close);
        }
    }

    /**
     * A second attempt in the holder's JVM, and a look at the holder, each open the file again: closing that
     * descriptor would release the POSIX lock, and another process could then take it while the holder runs.
     */
    @Test
    void aSecondAttemptInTheHoldingJvmAndALookAtTheHolderLeaveItHeld() throws Exception {
        Path file = root.resolve("alm-update.lock");

        try (ProcessLock held = ProcessLock.acquire(file, Duration.ZERO).orElseThrow()) {
            assertThat(ProcessLock.acquire(file, Duration.ofMillis(50))).as("a second run, waiting").isEmpty();
            assertThat(ProcessLock.acquire(file, Duration.ZERO)).as("a second run").isEmpty();
            Path link = Files.createSymbolicLink(root.resolve("link"), root);
            assertThat(ProcessLock.tryAcquire(link.resolve("alm-update.lock"))).as("by another path").isEmpty();
            assertThat(ProcessLock.holder(link.resolve("alm-update.lock"))).isEqualTo(ProcessLock.holder(file));
            assertThat(ProcessLock.holder(file)).startsWith("pid " + ProcessHandle.current().pid() + " since ");

            assertThat(ForeignLock.held(file)).as("held, as another process sees it").isTrue();
        }
        assertThat(ForeignLock.held(file)).as("held after close").isFalse();
    }

    /** The embedded database's owner records its server so: the next holder, after a kill, must still read it. */
    @Test
    void aNoteStaysThroughLaterHoldersUntilOneReplacesIt() throws Exception {
        Path file = root.resolve("pgdata.alm-owner.lock");

        try (ProcessLock first = ProcessLock.tryAcquire(file).orElseThrow()) {
            assertThat(first.note()).isEmpty();
            first.describe("server pid 1234 started at 1752700000");
            first.describe("server pid 5678 started at 1752700001");
            assertThat(first.note()).contains("server pid 5678 started at 1752700001");
            assertThat(ForeignLock.held(file)).as("held after describing, as another process sees it").isTrue();
            assertThat(ProcessLock.holder(file)).as("the holder, the first line only")
                    .matches("pid " + ProcessHandle.current().pid() + " since \\S+Z");
        }
        assertThat(Files.readAllLines(file)).hasSize(2).last().isEqualTo("server pid 5678 started at 1752700001");
        assertThat(ProcessLock.holder(file)).as("the holder, the first line only")
                .matches("pid " + ProcessHandle.current().pid() + " since \\S+Z");
        try (ProcessLock second = ProcessLock.tryAcquire(file).orElseThrow()) {
            assertThat(second.note()).contains("server pid 5678 started at 1752700001");
            assertThat(Files.readAllLines(file)).as("the note, kept under the new holder")
                    .containsExactly(ProcessLock.holder(file), "server pid 5678 started at 1752700001");
            second.describe("server starting at 1752700002");
        }
        try (ProcessLock third = ProcessLock.tryAcquire(file).orElseThrow()) {
            assertThat(third.note()).contains("server starting at 1752700002");
            third.close();
            assertThatThrownBy(() -> third.describe("too late")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aNoteIsOneLine() throws Exception {
        try (ProcessLock held = ProcessLock.tryAcquire(root.resolve("alm-update.lock")).orElseThrow()) {
            assertThatThrownBy(() -> held.describe("two\nlines")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anotherProcessHoldingItKeepsItAndIsNamed() throws Exception {
        Path file = root.resolve("pgdata.alm-owner.lock");
        Files.writeString(file, "pid 4242 since 2025-07-19T09:00:00Z\n");
        Process other = ForeignLock.hold(file);
        try {
            assertThat(ProcessLock.tryAcquire(file)).isEmpty();
            assertThat(ProcessLock.acquire(file, Duration.ofMillis(50))).isEmpty();
            assertThat(ProcessLock.holder(file)).isEqualTo("pid 4242 since 2025-07-19T09:00:00Z");
        } finally {
            other.destroyForcibly().waitFor();
        }
        assertThat(ProcessLock.tryAcquire(file)).as("once the other process has gone").hasValueSatisfying(ProcessLock::close);
    }

    @Test
    void aHolderThatSaysNothingIsUnknown() throws Exception {
        Path file = root.resolve("alm-update.lock");
        assertThat(ProcessLock.holder(file)).as("no file").isEqualTo(ProcessLock.UNKNOWN_HOLDER);
        Files.createFile(file);
        assertThat(ProcessLock.holder(file)).as("an empty file").isEqualTo(ProcessLock.UNKNOWN_HOLDER);
    }

    @Test
    void aWaitingAttemptGetsTheLockWhenTheHolderFinishes() throws Exception {
        Path file = root.resolve("alm-update.lock");
        ProcessLock first = ProcessLock.acquire(file, Duration.ZERO).orElseThrow();
        CompletableFuture<Optional<ProcessLock>> second = CompletableFuture.supplyAsync(() -> {
            try {
                return ProcessLock.acquire(file, Duration.ofSeconds(30));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(150);
        assertThat(second).isNotDone();
        first.close();
        Optional<ProcessLock> got = second.get(30, TimeUnit.SECONDS);
        assertThat(got).isPresent();
        got.get().close();
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() throws Exception {
        Path file = root.resolve("alm-update.lock");
        try (ProcessLock held = ProcessLock.tryAcquire(file).orElseThrow()) {
            Thread.currentThread().interrupt();
            try {
                assertThat(ProcessLock.acquire(file, Duration.ofMinutes(10))).isEmpty();
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt, kept").isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }
}

package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void oneRunAtATimeAndTheHolderIsNamed() throws Exception {
        Path file = dir.resolve("data/alm-update.lock");
        try (RunLock first = RunLock.acquire(file, Duration.ZERO).orElseThrow()) {
            assertThat(first.file()).isEqualTo(file);
            assertThat(RunLock.acquire(file, Duration.ofMillis(50))).isEmpty();
            assertThat(RunLock.holder(file)).startsWith("pid " + ProcessHandle.current().pid() + " since ");
        }
        try (RunLock again = RunLock.acquire(file, Duration.ZERO).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aWaitingRunGetsTheLockWhenTheHolderFinishes() throws Exception {
        Path file = dir.resolve("alm-update.lock");
        RunLock first = RunLock.acquire(file, Duration.ZERO).orElseThrow();
        CompletableFuture<Optional<RunLock>> second = CompletableFuture.supplyAsync(() -> {
            try {
                return RunLock.acquire(file, Duration.ofSeconds(30));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(150);
        assertThat(second).isNotDone();
        first.close();
        Optional<RunLock> got = second.get(30, TimeUnit.SECONDS);
        assertThat(got).isPresent();
        got.get().close();
    }
}

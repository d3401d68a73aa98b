package com.almreporting.cli;

import com.almreporting.persistence.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One run at a time per data directory: an exclusive {@link FileChannel#tryLock() lock} on a file there, held for the
 * run and released by the operating system when the process ends, however it ends (a killed run leaves no stale
 * lock). The file itself stays; it holds the holder's pid and start time, for the message another run prints.
 */
final class RunLock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file}, waiting up to {@code wait} for a holder to finish; empty when it is still held
     * then (by another process, or another run in this one).
     */
    static Optional<RunLock> acquire(Path file, Duration wait) throws IOException {
        OwnerOnlyFiles.createDirectories(file.getParent());
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FileChannel channel = open(file);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // held by another run in this very JVM
            } finally {
                if (lock == null) {
                    channel.close();
                }
            }
            if (lock != null) {
                RunLock held = new RunLock(file, channel, lock);
                held.writeHolder();
                return Optional.of(held);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Who holds the lock on {@code file}, as its holder wrote it ("pid 1234 since 2025-07-19T09:00:00Z"), if known. */
    static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "unknown" : text;
        } catch (IOException e) {
            return "unknown";
        }
    }

    Path file() {
        return file;
    }

    private static FileChannel open(Path file) throws IOException {
        if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run created it first
            }
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private void writeHolder() throws IOException {
        byte[] text = ("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

package com.almreporting.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which process runs the embedded server of a data directory: an exclusive {@link FileChannel#tryLock() lock} on
 * {@code <data directory>.alm-owner.lock}, taken before the server starts and released once it has stopped. The
 * operating system releases it when the process ends, however it ends; so a server still running on a data directory
 * whose lock is free was left behind by a process that was killed. The file sits beside the data directory, not in it,
 * because {@code initdb} wants an empty directory and the lock is needed before that. The file stays; it holds the
 * holder's pid and start time, for another process's message.
 *
 * <p>The locks are POSIX record locks, which a process loses on closing any descriptor of the file, even one opened
 * only to read it. So this JVM never opens a lock file it holds a second time: it remembers which it holds.
 */
final class ServerOwnerLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerOwnerLock.class);
    static final String SUFFIX = ".alm-owner.lock";
    /** The lock files this JVM holds, by real path; guarded by the class. */
    private static final Map<Path, ServerOwnerLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String holder;

    private ServerOwnerLock(Path file, FileChannel channel, FileLock lock, String holder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /** The lock file of {@code dataDirectory} (absolute and normalised). */
    static Path file(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + SUFFIX);
    }

    /**
     * Takes the lock of {@code dataDirectory} without waiting; empty when another process holds it, or another
     * {@link EmbeddedDatabase} of this one.
     */
    static synchronized Optional<ServerOwnerLock> tryAcquire(Path dataDirectory) throws IOException {
        Path file = OwnerOnlyFiles.createFileIfAbsent(file(dataDirectory)).toRealPath();
        if (HELD.containsKey(file)) {
            return Optional.empty();
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by this JVM, though not through this class
        } finally {
            if (lock == null) {
                channel.close();
            }
        }
        if (lock == null) {
            return Optional.empty();
        }
        ServerOwnerLock held = new ServerOwnerLock(file, channel, lock,
                "pid " + ProcessHandle.current().pid() + " since " + Instant.now());
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((held.holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            held.release();
            throw e;
        }
        HELD.put(file, held);
        return Optional.of(held);
    }

    /** Who holds the lock of {@code dataDirectory}, as its holder wrote it ("pid 1234 since 2025-07-19T09:00:00Z"). */
    static synchronized String holder(Path dataDirectory) {
        Path file = file(dataDirectory);
        try {
            ServerOwnerLock mine = HELD.get(file.toRealPath());
            if (mine != null) {
                return mine.holder;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "pid unknown" : text;
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    /** Releases the lock; a second call does nothing. */
    @Override
    public void close() {
        synchronized (ServerOwnerLock.class) {
            if (HELD.get(file) == this) {
                HELD.remove(file);
                release();
            }
        }
    }

    private void release() {
        try (FileChannel closing = channel) {
            lock.release();
        } catch (IOException e) {
            // the lock goes with the process at the latest; a later start then finds no owner
            LOG.warn("Cannot release the lock {}: {}", file, e.getMessage());
        }
    }
}

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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file lock one process holds: an exclusive {@link FileChannel#tryLock() lock} on a file, which the operating
 * system releases when the process ends, however it ends (a killed holder leaves no stale lock). Held at most once
 * per JVM too: a second attempt in this JVM finds it taken, as one from another process does. The file stays after
 * the lock is released; its first line holds the holder's pid and start time ({@code pid 1234 since
 * 2025-07-19T09:00:00Z}), for the message of whoever finds it taken. A holder may add a note below it
 * ({@link #describe(String)}), which stays, through later holders, until a holder replaces it ({@link #note()}): what
 * the last holder that said anything left for the next. Created {@code rw-------}, with any missing parent directory
 * {@code rwx------} ({@link OwnerOnlyFiles}).
 *
 * <p>The locks are POSIX record locks, which a process loses on closing <em>any</em> descriptor of the file: one
 * opened only to read the holder, or one whose {@code tryLock} failed because this JVM holds the lock. So this class
 * never opens a file it holds a second time: it remembers which it holds, by real path, and answers from there. Other
 * code in this JVM must not open a file locked here (for the holder, ask {@link #holder(Path)}).
 */
public final class ProcessLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessLock.class);
    /** The holder, when the file says nothing (its holder has not written it yet) or cannot be read. */
    public static final String UNKNOWN_HOLDER = "unknown";
    private static final Duration POLL = Duration.ofMillis(100);
    /** The lock files this JVM holds, by real path; guarded by the class. */
    private static final Map<Path, ProcessLock> HELD = new HashMap<>();

    private final Path file;
    private final Path realFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final String holder;
    /** The note below the holder line; empty for none. Guarded by the class. */
    private String note;

    private ProcessLock(Path file, Path realFile, FileChannel channel, FileLock lock, String holder, String note) {
        this.file = file;
        this.realFile = realFile;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
        this.note = note;
    }

    /**
     * Takes the lock on {@code file} (created if absent) without waiting.
     *
     * @return the lock; empty when another process holds it, or this one
     * @throws IOException when the file or its directory cannot be created, opened, read or written
     */
    public static synchronized Optional<ProcessLock> tryAcquire(Path file) throws IOException {
        OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
        Path real = OwnerOnlyFiles.createFileIfAbsent(file).toRealPath();
        if (HELD.containsKey(real)) {
            return Optional.empty();
        }
        FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // locked by this JVM, though not through this class (which closing the channel may have just undone)
        } finally {
            if (lock == null) {
                channel.close();
            }
        }
        if (lock == null) {
            return Optional.empty();
        }
        ProcessLock held;
        try {
            held = new ProcessLock(file, real, channel, lock, "pid " + ProcessHandle.current().pid() + " since "
                    + Instant.now(), noteOf(read(channel)));
            held.write();
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        HELD.put(real, held);
        return Optional.of(held);
    }

    /** The file's text, read through the holder's own channel. */
    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // until full or at the end
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** The note of a lock file's text: its second line (any line after that is what an interrupted rewrite left). */
    private static String noteOf(String text) {
        String[] lines = text.split("\n", -1);
        return lines.length > 1 ? lines[1].strip() : "";
    }

    /**
     * Writes holder and note over the file, then cuts what is left of the old text: killed in between, the file still
     * holds them on its first two lines (never an empty file, as truncating first would risk).
     */
    private void write() throws IOException {
        byte[] text = (holder + "\n" + (note.isEmpty() ? "" : note + "\n")).getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(text);
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
        channel.truncate(text.length);
    }

    /**
     * Replaces the note below the holder line, through this lock's own channel (opening the file again would release
     * the lock): it stays there for the next holders until one of them replaces it.
     *
     * @param note one line
     * @throws IOException when the file cannot be written
     * @throws IllegalStateException when this lock has been released
     */
    public void describe(String note) throws IOException {
        if (note.contains("\n") || note.contains("\r")) {
            throw new IllegalArgumentException("a lock's note is one line: " + note);
        }
        synchronized (ProcessLock.class) {
            if (HELD.get(realFile) != this) {
                throw new IllegalStateException("the lock " + file + " has been released");
            }
            String before = this.note;
            this.note = note.strip();
            try {
                write();
            } catch (IOException e) {
                this.note = before;
                throw e;
            }
        }
    }

    /**
     * The note below the holder line: this holder's ({@link #describe(String)}), or else the one found when the lock
     * was taken, which the last holder that gave one left; empty when none did.
     */
    public Optional<String> note() {
        synchronized (ProcessLock.class) {
            return note.isEmpty() ? Optional.empty() : Optional.of(note);
        }
    }

    /**
     * Takes the lock on {@code file}, trying every 100 ms until {@code wait} has passed.
     *
     * @return the lock; empty when it is still held then, or when the thread is interrupted (its interrupt flag set)
     * @throws IOException when the file or its directory cannot be created or opened
     */
    public static Optional<ProcessLock> acquire(Path file, Duration wait) throws IOException {
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        while (true) {
            Optional<ProcessLock> lock = tryAcquire(file);
            long left = deadline - System.nanoTime();
            if (lock.isPresent() || left <= 0) {
                return lock;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Who holds, or last held, the lock on {@code file}, as its holder wrote it on the first line ("pid 1234 since
     * 2025-07-19T09:00:00Z"); {@link #UNKNOWN_HOLDER} when the file says nothing or cannot be read.
     */
    public static synchronized String holder(Path file) {
        try {
            ProcessLock mine = HELD.get(file.toRealPath());
            if (mine != null) {
                return mine.holder;
            }
            // not held here, so this descriptor's close takes no lock of this JVM's with it
            String first = Files.readString(file, StandardCharsets.UTF_8).split("\n", 2)[0].strip();
            return first.isEmpty() ? UNKNOWN_HOLDER : first;
        } catch (IOException e) {
            return UNKNOWN_HOLDER;
        }
    }

    /**
     * The note in {@code file} below the holder line ({@link #describe(String)}), as its holder, or the last holder
     * that gave one, wrote it; empty when there is none or the file cannot be read. For a lock another process holds,
     * such as the record of what it runs.
     */
    public static synchronized Optional<String> writtenNote(Path file) {
        try {
            ProcessLock mine = HELD.get(file.toRealPath());
            if (mine != null) {
                return mine.note();
            }
            // not held here, so this descriptor's close takes no lock of this JVM's with it
            String note = noteOf(Files.readString(file, StandardCharsets.UTF_8));
            return note.isEmpty() ? Optional.empty() : Optional.of(note);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The lock file, as given to {@link #tryAcquire(Path)} or {@link #acquire(Path, Duration)}. */
    public Path file() {
        return file;
    }

    /** Releases the lock; a second call does nothing. */
    @Override
    public void close() {
        synchronized (ProcessLock.class) {
            if (HELD.get(realFile) == this) {
                HELD.remove(realFile);
                release();
            }
        }
    }

    private void release() {
        try (FileChannel closing = channel) {
            lock.release();
        } catch (IOException e) {
            // the lock goes with the process at the latest
            LOG.warn("Cannot release the lock {}: {}", file, e.getMessage());
        }
    }
}

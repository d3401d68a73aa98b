package com.almreporting.flex.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system for the tests of a full or read-only disk: a tmpfs mounted on a directory of the test's,
 * which fills up (ENOSPC) and turns read-only (EROFS, which even root cannot write through) as a real disk does.
 * Mounting needs root (or CAP_SYS_ADMIN): without it the test is skipped, with the reason.
 */
public final class TmpfsMount implements AutoCloseable {

    private final Path directory;

    private TmpfsMount(Path directory) {
        this.directory = directory;
    }

    /** Mounts a tmpfs of {@code kilobytes} on {@code directory} (created if missing), or skips the calling test. */
    public static TmpfsMount of(Path directory, int kilobytes) throws IOException {
        Files.createDirectories(directory);
        String result = run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k,mode=0700", "tmpfs", directory.toString());
        Assumptions.assumeTrue(result.isEmpty(), () -> "cannot mount a tmpfs for the disk-fault test (needs root): " + result);
        return new TmpfsMount(directory);
    }

    public Path directory() {
        return directory;
    }

    /** Makes the file system read-only: every write, create, rename and delete in it fails with EROFS. */
    public void readOnly() throws IOException {
        require(run("mount", "-o", "remount,ro", directory.toString()));
    }

    /** Fills the file system to the last byte with a file named {@code name}. */
    public Path fill(String name) throws IOException {
        Path filler = directory.resolve(name);
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException expected) {
            // "No space left on device": full, as wanted
        }
        return filler;
    }

    @Override
    public void close() throws IOException {
        require(run("umount", "-l", directory.toString()));
    }

    private static void require(String result) throws IOException {
        if (!result.isEmpty()) {
            throw new IOException(result);
        }
    }

    /** Runs a command; empty when it succeeded, else what it printed and its exit code. */
    private static String run(String... command) throws IOException {
        Path output = Files.createTempFile("alm-mount-", ".out"); // a file, not a pipe: the wait below stays bounded
        try {
            Process p;
            try {
                p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                return command[0] + ": " + e.getMessage();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + ": timed out";
            }
            return p.exitValue() == 0 ? "" : String.join(" ", command) + " exited " + p.exitValue() + ": "
                    + Files.readString(output, StandardCharsets.UTF_8).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}

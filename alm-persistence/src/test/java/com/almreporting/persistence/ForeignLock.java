package com.almreporting.persistence;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * POSIX record locks as another process sees them (Python's {@code fcntl.lockf}, the same kind as the JDK's file
 * locks): a JVM cannot ask for its own, its lock table answers first. Tests using it are skipped without python3.
 */
final class ForeignLock {

    private static final String PYTHON = "/usr/bin/python3";

    private ForeignLock() {
    }

    /** Whether a process other than this one holds a lock on {@code file}. */
    static boolean held(Path file) throws IOException, InterruptedException {
        String answer = python("import fcntl,sys\nf=open(sys.argv[1],'r+')\ntry:\n fcntl.lockf(f,fcntl.LOCK_EX|fcntl.LOCK_NB)\n"
                + " print('free')\nexcept OSError:\n print('held')", file);
        return switch (answer) {
            case "held" -> true;
            case "free" -> false;
            default -> throw new AssertionError("python3 answered " + answer);
        };
    }

    /** A process that holds a lock on {@code file} until destroyed; it has the lock when this returns. */
    static Process hold(Path file) throws IOException {
        assumeThat(Path.of(PYTHON)).as("python3, to hold a lock as another process").isExecutable();
        Process p = new ProcessBuilder(PYTHON, "-c", "import fcntl,sys,time\nf=open(sys.argv[1],'a+')\n"
                + "fcntl.lockf(f,fcntl.LOCK_EX)\nprint('locked',flush=True)\ntime.sleep(600)", file.toString())
                .redirectErrorStream(true).start();
        String line = new String(p.getInputStream().readNBytes("locked".length()), StandardCharsets.UTF_8);
        if (!line.equals("locked")) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not lock " + file + ": " + line);
        }
        return p;
    }

    private static String python(String program, Path file) throws IOException, InterruptedException {
        assumeThat(Path.of(PYTHON)).as("python3, to look at locks as another process").isExecutable();
        Process p = new ProcessBuilder(List.of(PYTHON, "-c", program, file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }
}

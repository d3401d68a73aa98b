package com.almreporting.persistence;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure told in words, for the message of an exception thrown without it as its cause: the CLI prints only the
 * innermost cause's message, which for many an IOException is a bare path ({@code /x/pgdata}) and for an
 * InterruptedException nothing at all.
 */
final class Causes {

    private static final int DEPTH = 5;

    private Causes() {
    }

    /** {@code e}'s message and those of its causes, each told once ("permission denied: /x/pgdata"). */
    static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        Throwable t = e;
        for (int depth = 0; t != null && depth < DEPTH; depth++, t = t.getCause() == t ? null : t.getCause()) {
            String part = one(t);
            if (parts.stream().noneMatch(p -> p.contains(part))) {
                parts.add(part);
            }
        }
        return String.join(": ", parts);
    }

    private static String one(Throwable t) {
        if (t instanceof AccessDeniedException denied && denied.getReason() == null) {
            return "permission denied: " + denied.getFile();
        }
        if (t instanceof NoSuchFileException missing && missing.getReason() == null) {
            return "no such file or directory: " + missing.getFile();
        }
        if (t instanceof FileAlreadyExistsException exists && exists.getReason() == null) {
            return "already exists: " + exists.getFile();
        }
        if (t instanceof InterruptedException) {
            return "interrupted";
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}

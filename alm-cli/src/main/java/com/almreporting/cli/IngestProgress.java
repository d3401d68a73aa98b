package com.almreporting.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of {@code alm ingest} on a terminal: how much of each file has been parsed, then which statement
 * is being stored. It rewrites one stderr line in place ({@code \r}), at most five times a second, and erases it when
 * the step ends, so that the counts printed afterwards stand alone. Off the terminal (systemd, pipes, tests) it writes
 * nothing: DESIGN §12 keeps progress to interactive runs.
 */
final class IngestProgress {

    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private long lastDraw;
    private int drawnWidth;

    IngestProgress(PrintWriter err, boolean enabled) {
        this(err, enabled, System::nanoTime);
    }

    IngestProgress(PrintWriter err, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** A progress line only when both standard streams are a terminal (System.console() tells exactly that). */
    static IngestProgress forTerminal(PrintWriter err) {
        return new IngestProgress(err, System.console() != null);
    }

    /** Wraps {@code in}, the content of {@code name} ({@code size} bytes), so that reading it draws the parse bar. */
    InputStream parsing(InputStream in, String name, long size) {
        if (!enabled) {
            return in;
        }
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }

            private void advance(int n) {
                read += n;
                if (read >= size) {
                    draw(bar(name, read, size)); // the last step always shows: 100%
                } else {
                    drawThrottled(bar(name, read, size));
                }
            }
        };
    }

    /** Says that statement {@code index} of {@code count} in {@code name}, of {@code rows} rows, is being stored. */
    void storing(String name, int index, int count, int rows) {
        if (enabled) {
            draw(String.format(Locale.ROOT, "%s: storing statement %d of %d (%,d rows)…", name, index, count, rows));
        }
    }

    /** Erases the progress line. */
    void done() {
        if (enabled && drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    /** The parse line: a 30-column bar, percent and megabytes. */
    static String bar(String name, long read, long size) {
        int width = 30;
        long percent = size > 0 ? Math.min(100, read * 100 / size) : 0;
        int filled = (int) (percent * width / 100);
        return String.format(Locale.ROOT, "%s: parsing [%s%s] %3d%% %,d/%,d MB", name, "#".repeat(filled),
                " ".repeat(width - filled), percent, read >> 20, size >> 20);
    }

    private void drawThrottled(String line) {
        long now = clock.getAsLong();
        if (drawnWidth == 0 || now - lastDraw >= MIN_INTERVAL_NANOS) {
            lastDraw = now;
            draw(line);
        }
    }

    private void draw(String line) {
        String padded = line.length() < drawnWidth ? line + " ".repeat(drawnWidth - line.length()) : line;
        err.print("\r" + padded);
        err.flush();
        drawnWidth = Math.max(drawnWidth, line.length());
    }
}

package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestProgressTest {

    @Test
    void theBarShowsPercentAndMegabytesRead() {
        assertThat(IngestProgress.bar("a.xml", 50L << 20, 200L << 20))
                .isEqualTo("a.xml: parsing [#######                       ]  25% 50/200 MB");
        assertThat(IngestProgress.bar("a.xml", 200L << 20, 200L << 20)).contains("[" + "#".repeat(30) + "] 100%");
        assertThat(IngestProgress.bar("empty.xml", 0, 0)).contains("  0% 0/0 MB");
    }

    @Test
    void readingDrawsAtMostFiveTimesASecondPassesTheBytesThroughAndTheLineIsErasedAtTheEnd() throws Exception {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        IngestProgress progress = new IngestProgress(new PrintWriter(text), true, now::get);
        byte[] content = new byte[10_000];
        content[9_999] = 42;
        byte[] copy;
        try (InputStream in = progress.parsing(new ByteArrayInputStream(content), "f.xml", content.length)) {
            byte[] buffer = new byte[1_000];
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                now.addAndGet(100_000_000L); // 0.1 s per read: every other read may draw
            }
            copy = out.toByteArray();
        }
        assertThat(copy).isEqualTo(content);
        long draws = text.toString().chars().filter(c -> c == '\r').count();
        assertThat(draws).isBetween(5L, 6L);
        assertThat(text.toString()).contains("f.xml: parsing [").contains("100%");

        progress.storing("f.xml", 1, 2, 1234);
        // padded with blanks over the longer parse line it replaces
        assertThat(text.toString()).matches("(?s).*\rf\\.xml: storing statement 1 of 2 \\(1,234 rows\\)… +");
        progress.done();
        String all = text.toString();
        assertThat(all.substring(all.lastIndexOf("…") + 1)).matches(" *\r *\r");
    }

    @Test
    void offTheTerminalItWritesNothingAndReturnsTheStreamItself() throws Exception {
        StringWriter text = new StringWriter();
        IngestProgress progress = new IngestProgress(new PrintWriter(text), false);
        InputStream in = new ByteArrayInputStream(new byte[100]);
        assertThat(progress.parsing(in, "f.xml", 100)).isSameAs(in);
        in.transferTo(OutputStream.nullOutputStream());
        progress.storing("f.xml", 1, 1, 10);
        progress.done();
        assertThat(text.toString()).isEmpty();
    }
}

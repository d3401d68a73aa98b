package com.almreporting.report.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A line of narrative: a sequence of spans, each plain or strong (bold in Markdown, {@code <strong>} in HTML).
 * Immutable and thread-safe.
 */
public record Text(List<Span> spans) {

    /** A run of characters with one emphasis. */
    public record Span(String text, boolean strong) {
        public Span {
            Objects.requireNonNull(text, "text");
        }
    }

    public Text {
        spans = List.copyOf(spans);
    }

    public static Text plain(String text) {
        return new Text(List.of(new Span(text, false)));
    }

    public static Text strong(String text) {
        return new Text(List.of(new Span(text, true)));
    }

    /** This text followed by plain {@code text}; an empty string adds nothing. */
    public Text then(String text) {
        return append(new Span(text, false));
    }

    /** This text followed by strong {@code text}. */
    public Text thenStrong(String text) {
        return append(new Span(text, true));
    }

    private Text append(Span span) {
        if (span.text().isEmpty()) {
            return this;
        }
        List<Span> all = new ArrayList<>(spans);
        all.add(span);
        return new Text(all);
    }

    /** The characters without emphasis. */
    public String plainText() {
        return spans.stream().map(Span::text).collect(Collectors.joining());
    }
}

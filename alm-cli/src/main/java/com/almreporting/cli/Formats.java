package com.almreporting.cli;

import com.almreporting.report.ReportRenderer;
import com.almreporting.report.html.HtmlRenderer;
import com.almreporting.report.json.JsonRenderer;
import com.almreporting.report.markdown.MarkdownRenderer;
import java.util.Locale;
import java.util.Optional;

/** The report formats the CLI writes: md (the ground-truth narrative), html (self-contained page), json (schema 1.0). */
final class Formats {
    static final String NAMES = "md, html or json";

    private Formats() {
    }

    static Optional<ReportRenderer> renderer(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> Optional.of(new MarkdownRenderer());
            case "html" -> Optional.of(new HtmlRenderer());
            case "json" -> Optional.of(new JsonRenderer());
            default -> Optional.empty();
        };
    }
}

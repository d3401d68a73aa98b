package com.almreporting.report.html;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * A small writer of HTML5 (and inline SVG) that escapes every text and attribute value and keeps elements
 * balanced. Its output is also well-formed XML: void and empty elements are self-closed ({@code <meta … />},
 * {@code <circle … />}), text escapes {@code & < >} and attributes also {@code " '}. Layout is the caller's:
 * {@link #newline()} starts a line, indented to the depth of what follows. Lines end in {@code '\n'}. Not thread-safe:
 * one writer per document.
 */
final class HtmlWriter {
    private static final Set<String> RAW_TEXT = Set.of("style", "script");

    private final Appendable out;
    private final Deque<String> open = new ArrayDeque<>();
    private boolean lineStart;

    HtmlWriter(Appendable out) {
        this.out = out;
    }

    /** The HTML5 doctype; must come first. */
    HtmlWriter doctype() throws IOException {
        out.append("<!DOCTYPE html>");
        return this;
    }

    /** Opens {@code tag} with attributes given as name/value pairs; a null value leaves the attribute out. */
    HtmlWriter open(String tag, String... attributes) throws IOException {
        indent(open.size());
        startTag(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    HtmlWriter close(String tag) throws IOException {
        String top = open.poll();
        if (!tag.equals(top)) {
            throw new IllegalStateException("closing <" + tag + "> but <" + top + "> is open");
        }
        indent(open.size());
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element without content, self-closed: {@code <meta charset="utf-8" />}, {@code <circle … />}. */
    HtmlWriter empty(String tag, String... attributes) throws IOException {
        indent(open.size());
        startTag(tag, attributes);
        out.append(" />");
        return this;
    }

    /** {@code <tag …>text</tag>} with the text escaped. */
    HtmlWriter element(String tag, String text, String... attributes) throws IOException {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped character data. */
    HtmlWriter text(String text) throws IOException {
        if (RAW_TEXT.contains(open.peek())) {
            throw new IllegalStateException("use css() inside <" + open.peek() + ">");
        }
        indent(open.size());
        escape(text, false);
        return this;
    }

    /**
     * A style sheet inside an open {@code <style>}. Style content is not escaped by HTML, so it is refused when it
     * could end the element early or break the XML reading of the page.
     */
    HtmlWriter css(String css) throws IOException {
        if (!"style".equals(open.peek())) {
            throw new IllegalStateException("css() belongs inside <style>");
        }
        if (css.contains("<") || css.contains("&")) {
            throw new IllegalArgumentException("style sheet must not contain '<' or '&'");
        }
        indent(open.size());
        out.append(css);
        return this;
    }

    /** A line break; what follows is indented to its depth (a closing tag to its element's), blank lines are empty. */
    HtmlWriter newline() throws IOException {
        out.append('\n');
        lineStart = true;
        return this;
    }

    private void indent(int depth) throws IOException {
        if (lineStart) {
            lineStart = false;
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    /** Ends the document: every element must be closed. */
    void finish() throws IOException {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        out.append('\n');
    }

    private void startTag(String tag, String... attributes) throws IOException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs: " + String.join(", ", attributes));
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], true);
            out.append('"');
        }
    }

    private void escape(String s, boolean attribute) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&#39;" : "'");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        // Control characters other than tab and newline are allowed in neither HTML nor XML text.
                        out.append(' ');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD'); // an unpaired surrogate cannot be encoded in UTF-8
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}

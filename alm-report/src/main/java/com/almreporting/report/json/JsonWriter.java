package com.almreporting.report.json;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer: objects, arrays, strings, booleans and null, pretty-printed with two spaces and
 * {@code '\n'} line ends so that golden files compare byte for byte. Strings are escaped per RFC 8259 §7
 * ({@code "}, {@code \}, every control character); unpaired surrogates are written as {@code \\uXXXX} escapes
 * so that the output is always valid UTF-8. Misuse (a value where a name is due, unbalanced ends) throws
 * {@link IllegalStateException}. Not thread-safe: one writer per document.
 */
final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Appendable out;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private boolean nameWritten;
    private boolean done;

    private static final class Frame {
        final boolean object;
        int count;

        Frame(boolean object) {
            this.object = object;
        }
    }

    JsonWriter(Appendable out) {
        this.out = out;
    }

    JsonWriter beginObject() throws IOException {
        beforeValue();
        out.append('{');
        stack.push(new Frame(true));
        return this;
    }

    JsonWriter endObject() throws IOException {
        return end(true, '}');
    }

    JsonWriter beginArray() throws IOException {
        beforeValue();
        out.append('[');
        stack.push(new Frame(false));
        return this;
    }

    JsonWriter endArray() throws IOException {
        return end(false, ']');
    }

    /** The name of the next member of the current object. */
    JsonWriter name(String name) throws IOException {
        Frame frame = stack.peek();
        if (frame == null || !frame.object || nameWritten) {
            throw new IllegalStateException("a name is allowed only inside an object, before its value: " + name);
        }
        separate(frame);
        string(name);
        out.append(": ");
        nameWritten = true;
        return this;
    }

    /** A string, or null. */
    JsonWriter value(String value) throws IOException {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonWriter value(boolean value) throws IOException {
        beforeValue();
        out.append(value ? "true" : "false");
        return this;
    }

    JsonWriter nullValue() throws IOException {
        beforeValue();
        out.append("null");
        return this;
    }

    /** Shorthand for {@code name(name).value(value)}. */
    JsonWriter field(String name, String value) throws IOException {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) throws IOException {
        return name(name).value(value);
    }

    /** Ends the document with a newline; every container must be closed. */
    void finish() throws IOException {
        if (!stack.isEmpty() || !done) {
            throw new IllegalStateException("unfinished JSON document");
        }
        out.append('\n');
    }

    private JsonWriter end(boolean object, char bracket) throws IOException {
        Frame frame = stack.peek();
        if (frame == null || frame.object != object || nameWritten) {
            throw new IllegalStateException("unbalanced " + bracket);
        }
        stack.pop();
        if (frame.count > 0) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    private void beforeValue() throws IOException {
        Frame frame = stack.peek();
        if (frame == null) {
            if (done) {
                throw new IllegalStateException("a JSON document has one root value");
            }
            done = true;
            return;
        }
        if (frame.object) {
            if (!nameWritten) {
                throw new IllegalStateException("a value inside an object needs a name first");
            }
            nameWritten = false;
        } else {
            separate(frame);
        }
    }

    private void separate(Frame frame) throws IOException {
        if (frame.count++ > 0) {
            out.append(',');
        }
        newline();
    }

    private void newline() throws IOException {
        out.append('\n');
        for (int i = 0; i < stack.size(); i++) {
            out.append("  ");
        }
    }

    private void string(String s) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) throws IOException {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}

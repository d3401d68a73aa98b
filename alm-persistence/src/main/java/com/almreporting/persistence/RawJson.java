package com.almreporting.persistence;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flat JSON object of string values, which is all the ledger keeps in JSONB: a row's raw Flex attributes,
 * and ChangeInNAV components written as strings so that {@code 1.50} reads back as {@code 1.50}. Written by
 * hand because a JSON library would be the adapter's largest dependency for twenty lines of work.
 *
 * <p>The text is the one PostgreSQL itself prints for the stored {@code jsonb}: keys in its order (shorter
 * UTF-8 first, then bytewise), {@code ", "} and {@code ": "} between them, its escapes. So a row's text
 * written here and the stored row's text printed by the database can be compared (see {@link
 * RowFingerprint}); equal maps give equal text.
 */
final class RawJson {

    private RawJson() {
    }

    /** One key and its value, with the key's UTF-8 length, which PostgreSQL orders keys by first. */
    private record Pair(String key, String value, int length) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair other) {
            return length != other.length ? Integer.compare(length, other.length) : compareCodePoints(key, other.key);
        }
    }

    /** The object as PostgreSQL prints it. */
    static String encode(Map<String, String> values) {
        Pair[] pairs = new Pair[values.size()];
        int i = 0;
        int size = 2;
        for (Map.Entry<String, String> e : values.entrySet()) {
            pairs[i++] = new Pair(e.getKey(), e.getValue(), utf8Length(e.getKey()));
            size += e.getKey().length() + e.getValue().length() + 8;
        }
        Arrays.sort(pairs);
        StringBuilder sb = new StringBuilder(size).append('{');
        for (int p = 0; p < pairs.length; p++) {
            if (p > 0) {
                sb.append(", ");
            }
            quote(sb, pairs[p].key());
            sb.append(": ");
            quote(sb, pairs[p].value());
        }
        return sb.append('}').toString();
    }

    private static int utf8Length(String s) {
        int bytes = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // Two bytes up to U+07FF, three for the rest of the BMP; a surrogate pair is four, two per unit.
                bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    /** UTF-8 byte order, which is code point order (not String.compareTo's UTF-16 order beyond U+D7FF). */
    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    static Map<String, String> decode(String json) {
        return new Parser(json).object();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length() && !needsEscape(s.charAt(plain))) {
            plain++;
        }
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Map<String, String> object() {
            Map<String, String> out = new LinkedHashMap<>();
            skipWhitespace();
            expect('{');
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return end(out);
            }
            while (true) {
                skipWhitespace();
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                out.put(key, string());
                skipWhitespace();
                char c = next();
                if (c == '}') {
                    return end(out);
                }
                if (c != ',') {
                    throw error("',' or '}'");
                }
            }
        }

        private Map<String, String> end(Map<String, String> out) {
            skipWhitespace();
            if (pos != s.length()) {
                throw error("end of input");
            }
            return out;
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("four hex digits");
                        }
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("an escape character");
                }
            }
        }

        private void skipWhitespace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw error("more input");
            }
            return s.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                pos--;
                throw error("'" + c + "'");
            }
        }

        private IllegalStateException error(String expected) {
            return new IllegalStateException("stored JSON is not a flat object of strings: expected " + expected
                    + " at offset " + pos);
        }
    }
}

package com.almreporting.persistence;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flat JSON object of string values, which is all the ledger keeps in JSONB: a row's raw Flex attributes,
 * and ChangeInNAV components written as strings so that {@code 1.50} reads back as {@code 1.50}. Written by
 * hand because a JSON library would be the adapter's largest dependency for twenty lines of work.
 */
final class RawJson {

    private RawJson() {
    }

    /** The object with its keys sorted, so that equal maps give equal text. */
    static String encode(Map<String, String> values) {
        // An array of the entries, sorted, rather than a TreeMap: this runs once per stored row (85 attributes a trade).
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] entries = values.entrySet().toArray(new Map.Entry[0]);
        Arrays.sort(entries, Map.Entry.comparingByKey());
        StringBuilder sb = new StringBuilder(16 + values.size() * 24).append('{');
        for (int i = 0; i < entries.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(sb, entries[i].getKey());
            sb.append(':');
            quote(sb, entries[i].getValue());
        }
        return sb.append('}').toString();
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

package com.almreporting.gateway.protocol;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over the NUL-terminated fields of one frame (TWS-FACTS §0, §2). Numbers are decimal ASCII; a decimal
 * equal to one of IB's "unset" sentinels ({@code 1.7976931348623157E308} = Double.MAX_VALUE, {@code 2147483647},
 * {@code 9223372036854775807}), empty, {@code NaN} or infinite reads as null. Every read names the field it expects,
 * so that a malformed message fails with a message that says which field of which message. Not thread-safe.
 */
public final class Fields {

    private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.toString(Double.MAX_VALUE));
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final List<String> fields;
    private String message = "frame";
    private int next;

    private Fields(List<String> fields) {
        this.fields = fields;
    }

    /**
     * Splits a payload into fields. The payload must end with NUL (every field is NUL-terminated); bytes are read
     * as ISO-8859-1, as the official client does.
     */
    public static Fields parse(byte[] payload) throws TwsProtocolException {
        if (payload.length == 0) {
            throw new TwsProtocolException("empty frame: a message has at least its id");
        }
        if (payload[payload.length - 1] != 0) {
            throw new TwsProtocolException("frame of " + payload.length + " bytes does not end with NUL: "
                    + "every field must be NUL-terminated");
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                out.add(new String(payload, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return new Fields(out);
    }

    /** Fields of an already split message (for tests and the handshake). */
    public static Fields of(List<String> fields) {
        return new Fields(List.copyOf(fields));
    }

    /** Names the message in later errors, e.g. {@code "execDetails (11)"}. */
    public Fields describing(String messageName) {
        this.message = messageName;
        return this;
    }

    public int size() {
        return fields.size();
    }

    public int remaining() {
        return fields.size() - next;
    }

    /** Every field, in order (for logs and the fake gateway's checks). */
    public List<String> all() {
        return List.copyOf(fields);
    }

    /** The next field as text ("" when empty). */
    public String text(String name) throws TwsProtocolException {
        if (next >= fields.size()) {
            throw new TwsProtocolException(message + ": field '" + name + "' (#" + (next + 1) + ") missing; the message has "
                    + fields.size() + " fields");
        }
        return fields.get(next++);
    }

    /** The next field as text, null when empty. */
    public String textOrNull(String name) throws TwsProtocolException {
        String s = text(name);
        return s.isEmpty() ? null : s;
    }

    /** Skips a field whose value this client does not use. */
    public void skip(String name) throws TwsProtocolException {
        text(name);
    }

    /** An int field; empty reads as 0, as the official decoder does. */
    public int intValue(String name) throws TwsProtocolException {
        String s = text(name).strip();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw notA("an integer", name, s);
        }
    }

    /** A long field; empty reads as 0. */
    public long longValue(String name) throws TwsProtocolException {
        String s = text(name).strip();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw notA("an integer", name, s);
        }
    }

    /** A boolean sent as an int: non-zero is true. */
    public boolean bool(String name) throws TwsProtocolException {
        return intValue(name) != 0;
    }

    /** A decimal or double field; null when empty or an "unset" sentinel (see the class comment). */
    public BigDecimal decimal(String name) throws TwsProtocolException {
        return decimalValue(text(name), name);
    }

    /** A decimal field that must be set. */
    public BigDecimal requiredDecimal(String name) throws TwsProtocolException {
        BigDecimal d = decimal(name);
        if (d == null) {
            throw new TwsProtocolException(message + ": field '" + name + "' (#" + next + ") is empty or unset");
        }
        return d;
    }

    private BigDecimal decimalValue(String raw, String name) throws TwsProtocolException {
        String s = raw.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("NaN") || s.contains("Infinity")) {
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw notA("a number", name, s);
        }
        if (d.abs().compareTo(DOUBLE_MAX) == 0 || d.compareTo(INT_MAX) == 0 || d.compareTo(LONG_MAX) == 0) {
            return null;
        }
        if (Math.abs((long) d.scale()) > 400 || d.precision() > 400) {
            throw notA("a number in the range of a double", name, s);
        }
        return d;
    }

    private TwsProtocolException notA(String what, String name, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return new TwsProtocolException(message + ": field '" + name + "' (#" + next + ") is not " + what + ": '"
                + shown + "'");
    }
}

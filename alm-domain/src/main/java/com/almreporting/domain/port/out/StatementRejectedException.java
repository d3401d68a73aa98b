package com.almreporting.domain.port.out;

import java.util.Optional;

/**
 * A statement that cannot be used, with where and why: the source file, the line, the element and the
 * attribute at fault (each when known), and what was expected. Nothing of such a statement is stored.
 */
public class StatementRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String element;
    private final String attribute;
    private final String reason;

    public StatementRejectedException(String source, int line, String element, String attribute, String reason,
                                      Throwable cause) {
        super(format(source, line, element, attribute, reason), cause);
        this.source = source;
        this.line = line;
        this.element = element;
        this.attribute = attribute;
        this.reason = reason;
    }

    public StatementRejectedException(String source, int line, String element, String attribute, String reason) {
        this(source, line, element, attribute, reason, null);
    }

    private static String format(String source, int line, String element, String attribute, String reason) {
        StringBuilder sb = new StringBuilder(source == null ? "<statement>" : source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (element != null) {
            sb.append(": <").append(element).append('>');
        }
        if (attribute != null) {
            sb.append(" attribute '").append(attribute).append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    public Optional<String> element() {
        return Optional.ofNullable(element);
    }

    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    public String reason() {
        return reason;
    }
}

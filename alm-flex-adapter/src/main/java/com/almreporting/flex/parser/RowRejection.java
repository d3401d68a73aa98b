package com.almreporting.flex.parser;

/**
 * A row the parser cannot use: which element (at which line) and attribute, and why. Unchecked inside the
 * parser; {@link FlexStatementParser} turns it into the port's checked exception with the source name.
 */
final class RowRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String element;
    private final int line;
    private final String attribute;
    private final String reason;

    RowRejection(String element, int line, String attribute, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.element = element;
        this.line = line;
        this.attribute = attribute;
        this.reason = reason;
    }

    String element() {
        return element;
    }

    int line() {
        return line;
    }

    String attribute() {
        return attribute;
    }

    String reason() {
        return reason;
    }
}

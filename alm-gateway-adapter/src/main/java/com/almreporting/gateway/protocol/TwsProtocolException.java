package com.almreporting.gateway.protocol;

import java.io.IOException;

/**
 * The peer sent bytes that are not the TWS text protocol this client speaks: a frame length out of range, a payload
 * without its NUL terminator, a field that is not the number it must be, a message shorter than its layout. The
 * session cannot continue after it; the connection is closed.
 */
public final class TwsProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public TwsProtocolException(String message) {
        super(message);
    }

    public TwsProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

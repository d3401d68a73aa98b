package com.almreporting.gateway.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The connection handshake (TWS-FACTS §0, §1.1–§1.2): the client writes the raw prefix {@code API\0} and one frame
 * holding the version range {@code v100..187} (no NUL); the server answers one frame
 * {@code serverVersion|connectionTime|}. The negotiated version is the server's answer; this client reads layouts
 * of 178…187 only.
 */
public final class Handshake {

    /** The lowest version the client advertises (the official 10.30 client's MIN_VERSION). */
    public static final int MIN_CLIENT_VERSION = 100;
    /**
     * The highest version the client advertises: 187 = MIN_SERVER_VER_RFQ_FIELDS, what API 10.30.01 sends; well
     * below 201, where binary message ids and protobuf begin (TWS-FACTS §0).
     */
    public static final int MAX_CLIENT_VERSION = 187;
    /** The oldest server this client accepts: from 178 on execDetails always carries pendingPriceRevision (§0). */
    public static final int MIN_SERVER_VERSION = 178;

    private static final byte[] PREFIX = {'A', 'P', 'I', 0};

    private Handshake() {
    }

    /** The first bytes the client writes: {@code API\0}, then the framed {@code v100..187}. */
    public static byte[] clientHello() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PREFIX);
        out.writeBytes(Frames.frame(("v" + MIN_CLIENT_VERSION + ".." + MAX_CLIENT_VERSION).getBytes(StandardCharsets.US_ASCII)));
        return out.toByteArray();
    }

    /** The server's first frame: its version and its connection time (opaque text, e.g. {@code 20250717 12:46:10 EST}). */
    public record ServerHello(int serverVersion, String connectionTime) {
        public ServerHello {
            Objects.requireNonNull(connectionTime, "connectionTime");
        }

        /** Reads {@code serverVersion|connectionTime|}; a version of −1 (a redirect, §1.2) is returned as is. */
        public static ServerHello parse(byte[] payload) throws TwsProtocolException {
            Fields f = Fields.parse(payload).describing("server hello");
            int version = f.intValue("serverVersion");
            String time = f.remaining() > 0 ? f.text("connectionTime") : "";
            return new ServerHello(version, time);
        }
    }
}

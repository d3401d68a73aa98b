package com.almreporting.gateway.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes outgoing frames: a 4-byte big-endian length, then the payload (TWS-FACTS §0, §1.1). */
public final class Frames {

    private Frames() {
    }

    /** A frame around a raw payload. */
    public static byte[] frame(byte[] payload) {
        byte[] out = new byte[4 + payload.length];
        int n = payload.length;
        out[0] = (byte) (n >>> 24);
        out[1] = (byte) (n >>> 16);
        out[2] = (byte) (n >>> 8);
        out[3] = (byte) n;
        System.arraycopy(payload, 0, out, 4, n);
        return out;
    }

    /**
     * A frame of NUL-terminated ASCII fields. Nulls go out as empty fields; a field with a NUL or a character outside
     * printable ASCII is refused, as the official client refuses it (error 579, TWS-FACTS §2).
     */
    public static byte[] message(Object... fields) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (Object field : fields) {
            String s = field == null ? "" : field.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7E) {
                    throw new IllegalArgumentException("field '" + s + "' holds a character the TWS protocol does not "
                            + "accept (code " + (int) c + ")");
                }
            }
            payload.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            payload.write(0);
        }
        return frame(payload.toByteArray());
    }
}

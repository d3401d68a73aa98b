package com.almreporting.gateway.fake;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake gateway's own framing (TWS-FACTS §0, §1): deliberately independent of the client's code, so a shared
 * mistake cannot make both sides agree on a wrong layout.
 */
final class WireFrames {

    /** The fake refuses client frames above this size; the client's own limit is tested separately. */
    static final int MAX_CLIENT_FRAME = 64 * 1024;

    private WireFrames() {
    }

    /** A frame of NUL-terminated fields: {@code [len][f1\0f2\0…]}. */
    static byte[] frame(List<String> fields) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (String f : fields) {
            payload.writeBytes(f.getBytes(StandardCharsets.ISO_8859_1));
            payload.write(0);
        }
        return raw(payload.toByteArray());
    }

    static byte[] frame(Object... fields) {
        List<String> list = new ArrayList<>();
        for (Object f : fields) {
            list.add(f == null ? "" : f.toString());
        }
        return frame(list);
    }

    /** A frame around any payload. */
    static byte[] raw(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = payload.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Reads one frame's payload; null at a clean end of stream. */
    static byte[] readPayload(DataInputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int length = (b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        if (length < 0 || length > MAX_CLIENT_FRAME) {
            throw new IOException("client frame length " + length + " out of range");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    /** Splits a payload into fields; every field must be NUL-terminated. */
    static List<String> fields(byte[] payload) throws IOException {
        if (payload.length == 0 || payload[payload.length - 1] != 0) {
            throw new IOException("client frame is not NUL-terminated");
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                out.add(new String(payload, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return out;
    }
}

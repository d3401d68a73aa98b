package com.almreporting.gateway.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads length-prefixed frames (TWS-FACTS §1.5): a 4-byte big-endian length, then exactly that many payload bytes.
 *
 * <p>Robust to any TCP segmentation: a read may deliver a fraction of a frame or several frames. A read that times
 * out ({@link java.net.SocketTimeoutException}) keeps what already arrived, so the next call resumes the same frame.
 * Memory is bounded: a length above the cap (16 MiB − 1, the official reader's limit) or below zero is a
 * {@link TwsProtocolException} before any payload is read, and the payload buffer grows with the bytes that really
 * arrived, not with the length the peer announced. End of stream is an {@link EOFException}. Not thread-safe.
 */
public final class FrameReader {

    /** The official reader's cap: lengths above 0xFFFFFF are rejected. */
    public static final int MAX_FRAME_LENGTH = 0xFFFFFF;

    private static final int FIRST_CHUNK = 8 * 1024;

    private final InputStream in;
    private final int maxFrameLength;
    private final byte[] header = new byte[4];
    private int headerFill;
    private int payloadLength = -1;
    private byte[] payload;
    private int payloadFill;

    public FrameReader(InputStream in) {
        this(in, MAX_FRAME_LENGTH);
    }

    public FrameReader(InputStream in, int maxFrameLength) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxFrameLength < 0) {
            throw new IllegalArgumentException("maxFrameLength must not be negative");
        }
        this.maxFrameLength = maxFrameLength;
    }

    /** The next frame's payload (without the length prefix). Blocks until a whole frame has arrived. */
    public byte[] next() throws IOException {
        while (headerFill < header.length) {
            int n = in.read(header, headerFill, header.length - headerFill);
            if (n < 0) {
                throw new EOFException(headerFill == 0 ? "connection closed by the peer"
                        : "connection closed by the peer inside a frame length (" + headerFill + " of 4 bytes)");
            }
            headerFill += n;
        }
        if (payloadLength < 0) {
            long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFFL) << 16) | ((header[2] & 0xFFL) << 8)
                    | (header[3] & 0xFFL);
            if (length > maxFrameLength) {
                throw new TwsProtocolException("frame length " + length + " exceeds the limit of " + maxFrameLength
                        + " bytes (the first bytes were " + hex(header) + ")");
            }
            payloadLength = (int) length;
            payload = new byte[Math.min(payloadLength, FIRST_CHUNK)];
            payloadFill = 0;
        }
        while (payloadFill < payloadLength) {
            if (payloadFill == payload.length) {
                payload = Arrays.copyOf(payload, (int) Math.min(payloadLength, 2L * payload.length));
            }
            int n = in.read(payload, payloadFill, payload.length - payloadFill);
            if (n < 0) {
                throw new EOFException("connection closed by the peer inside a frame (" + payloadFill + " of "
                        + payloadLength + " bytes)");
            }
            payloadFill += n;
        }
        byte[] frame = payload;
        headerFill = 0;
        payloadLength = -1;
        payload = null;
        payloadFill = 0;
        return frame;
    }

    /** Bytes currently held for an unfinished frame (for tests of the memory bound). */
    int bufferedCapacity() {
        return payload == null ? 0 : payload.length;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }
}

package com.almreporting.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private static byte[] frames(String... payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : payloads) {
            out.writeBytes(Frames.frame(p.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return out.toByteArray();
    }

    private static List<String> readAll(FrameReader reader) throws IOException {
        List<String> out = new ArrayList<>();
        while (true) {
            try {
                out.add(new String(reader.next(), StandardCharsets.ISO_8859_1));
            } catch (EOFException e) {
                return out;
            }
        }
    }

    /** Delivers at most one byte per read, as a TCP stream may. */
    private static InputStream oneByteAtATime(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
    }

    @Test
    void framesSplitIntoSingleBytesAreReassembled() throws IOException {
        byte[] bytes = frames("9\0" + "1\0" + "1\0", "49\0" + "1\0" + "1752749170\0");
        assertThat(readAll(new FrameReader(oneByteAtATime(bytes))))
                .containsExactly("9\0" + "1\0" + "1\0", "49\0" + "1\0" + "1752749170\0");
    }

    @Test
    void coalescedFramesAreSeparated() throws IOException {
        byte[] bytes = frames("a\0", "", "bb\0cc\0", "d\0");
        assertThat(readAll(new FrameReader(new ByteArrayInputStream(bytes)))).containsExactly("a\0", "", "bb\0cc\0", "d\0");
    }

    @Test
    void aLengthOf2GiBIsRejectedBeforeAnyPayloadIsRead() {
        byte[] bytes = {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 'x'};
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes));
        assertThatThrownBy(reader::next).isInstanceOf(TwsProtocolException.class)
                .hasMessageContaining("frame length 2147483647 exceeds the limit of 16777215 bytes");
        assertThat(reader.bufferedCapacity()).isZero();
    }

    @Test
    void lengthsWithTheHighBitSetAreRejected() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(new FrameReader(new ByteArrayInputStream(bytes))::next)
                .isInstanceOf(TwsProtocolException.class).hasMessageContaining("4294967295");
    }

    @Test
    void theCapIsTheOfficialReaders16MiBMinusOne() throws IOException {
        byte[] over = {0x01, 0x00, 0x00, 0x00};
        assertThatThrownBy(new FrameReader(new ByteArrayInputStream(over))::next).isInstanceOf(TwsProtocolException.class);
        byte[] atCap = {0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3};
        FrameReader reader = new FrameReader(new ByteArrayInputStream(atCap));
        assertThatThrownBy(reader::next).isInstanceOf(EOFException.class).hasMessageContaining("3 of 16777215 bytes");
        assertThat(reader.bufferedCapacity()).as("memory follows the bytes that arrived, not the announced length")
                .isLessThanOrEqualTo(8 * 1024);
    }

    @Test
    void endOfStreamInsideALengthIsAnEof() {
        assertThatThrownBy(new FrameReader(new ByteArrayInputStream(new byte[] {0, 0}))::next)
                .isInstanceOf(EOFException.class).hasMessageContaining("2 of 4 bytes");
    }

    @Test
    void aReadThatTimesOutResumesTheSameFrame() throws IOException {
        byte[] bytes = frames("49\0" + "1\0" + "1752749170\0");
        InputStream flaky = new InputStream() {
            private int pos;
            private boolean timedOut;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos == 7 && !timedOut) {
                    timedOut = true;
                    throw new SocketTimeoutException("Read timed out");
                }
                if (pos >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[pos++];
                return 1;
            }
        };
        FrameReader reader = new FrameReader(flaky);
        assertThatThrownBy(reader::next).isInstanceOf(SocketTimeoutException.class);
        assertThat(new String(reader.next(), StandardCharsets.ISO_8859_1)).isEqualTo("49\0" + "1\0" + "1752749170\0");
    }

    @Test
    void randomBytesGiveFramesOrTypedErrorsOnly() {
        Random random = new Random(20250717);
        Decoder decoder = new Decoder(187);
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (round % 3 == 0 && bytes.length >= 4) {
                // plausible lengths, so that payloads actually reach the decoder
                bytes[0] = 0;
                bytes[1] = 0;
                bytes[2] = 0;
                bytes[3] = (byte) random.nextInt(Math.max(1, bytes.length - 3));
            }
            FrameReader reader = new FrameReader(round % 2 == 0 ? oneByteAtATime(bytes) : new ByteArrayInputStream(bytes));
            try {
                while (true) {
                    decoder.decode(reader.next());
                }
            } catch (TwsProtocolException | EOFException expected) {
                // the only ways out
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("round " + round + ": untyped failure " + e, e);
            }
        }
    }
}

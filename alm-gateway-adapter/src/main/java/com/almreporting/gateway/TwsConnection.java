package com.almreporting.gateway;

import com.almreporting.gateway.protocol.Decoder;
import com.almreporting.gateway.protocol.FrameReader;
import com.almreporting.gateway.protocol.Incoming;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One TCP connection to the gateway: frames out, decoded messages in. Every read is bounded by a {@link Deadline}
 * (the socket's read timeout is set to what is left); a read cut short by its timeout resumes the same frame on the
 * next call, so no bytes are lost. Not thread-safe: one session drives it.
 */
final class TwsConnection implements Closeable {

    private final Socket socket;
    private final FrameReader reader;
    private final OutputStream out;
    private Decoder decoder;

    private TwsConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.reader = new FrameReader(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /**
     * Resolves and connects within what is left of {@code deadline}; lets the socket exceptions through for the
     * caller to name.
     */
    static TwsConnection open(String host, int port, Deadline deadline) throws IOException {
        InetAddress address = resolve(host, deadline);
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                    deadline.remainingMillis())));
            return new TwsConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Name resolution has no timeout of its own (the system resolver decides), so it runs on a daemon thread and
     * the caller waits at most until {@code deadline}.
     */
    private static InetAddress resolve(String host, Deadline deadline) throws IOException {
        CompletableFuture<InetAddress> result = new CompletableFuture<>();
        Thread resolver = new Thread(() -> {
            try {
                result.complete(InetAddress.getByName(host));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "ib-gateway-resolve");
        resolver.setDaemon(true);
        resolver.start();
        try {
            return result.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new UnknownHostException(host + " (not resolved in time)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("resolving " + host + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while resolving " + host);
        }
    }

    /** Sets the negotiated version's decoder; until then only {@link #nextFrame} may be used. */
    void negotiated(int serverVersion) {
        this.decoder = new Decoder(serverVersion);
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next raw frame, or null when {@code deadline} passed first. */
    byte[] nextFrame(Deadline deadline) throws IOException {
        while (true) {
            long millis = deadline.remainingMillis();
            if (millis <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
            try {
                return reader.next();
            } catch (SocketTimeoutException e) {
                // the deadline decides, not the socket's rounding: loop and re-check
            }
        }
    }

    /** The next decoded message, or null when {@code deadline} passed first. */
    Incoming next(Deadline deadline) throws IOException {
        byte[] frame = nextFrame(deadline);
        return frame == null ? null : decoder.decode(frame);
    }

    /** Half-closes then closes: the gateway sees an orderly end of stream, and no read can hang afterwards. */
    @Override
    public void close() {
        try {
            if (!socket.isClosed() && socket.isConnected()) {
                socket.shutdownOutput();
            }
        } catch (IOException ignored) {
            // the peer may already be gone; closing below is what matters
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    boolean isClosed() {
        return socket.isClosed();
    }
}

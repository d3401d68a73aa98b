package com.almreporting.flex.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The body of one HTTP answer, written to a file. Unlike the JDK's {@code BodyHandlers.ofFile}, a failure to write it
 * here (a full disk, a read-only file system) is a {@link WriteFailed}, told apart from a failure of the network: the
 * first is this machine's problem and must not be retried or reported as "IBKR unavailable".
 */
final class DownloadFile implements HttpResponse.BodySubscriber<Path> {

    /** This machine could not write the download; nothing is wrong with IBKR or the network. */
    static final class WriteFailed extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailed(Path file, IOException cause) {
            super("cannot write the download to " + file + ": " + cause.getMessage(), cause);
        }
    }

    private final Path file;
    private final CompletableFuture<Path> body = new CompletableFuture<>();
    private FileChannel channel;
    private Flow.Subscription subscription;

    private DownloadFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** A handler that writes every answer's body to {@code file}, replacing what it held. */
    static HttpResponse.BodyHandler<Path> to(Path file) {
        return info -> new DownloadFile(file);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            fail(new WriteFailed(file, e));
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return; // failed already; buffers in flight are dropped
        }
        try {
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            fail(new WriteFailed(file, e));
        }
    }

    @Override
    public void onError(Throwable throwable) {
        closeQuietly();
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (body.isDone()) {
            return;
        }
        try {
            channel.close(); // a deferred write error (NFS, quota) shows here
            body.complete(file);
        } catch (IOException e) {
            body.completeExceptionally(new WriteFailed(file, e));
        }
    }

    @Override
    public CompletionStage<Path> getBody() {
        return body;
    }

    private void fail(WriteFailed failure) {
        subscription.cancel();
        closeQuietly();
        body.completeExceptionally(failure);
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the write failure already says what went wrong
            }
        }
    }
}

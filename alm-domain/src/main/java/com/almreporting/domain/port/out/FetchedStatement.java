package com.almreporting.domain.port.out;

import java.util.Objects;

/** What a {@link StatementSource} wrote: the file's size in bytes and the SHA-256 of its bytes (hex). Immutable. */
public record FetchedStatement(long bytes, String sha256) {
    public FetchedStatement {
        Objects.requireNonNull(sha256, "sha256");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
        }
    }
}

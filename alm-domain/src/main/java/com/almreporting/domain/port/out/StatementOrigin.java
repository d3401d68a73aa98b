package com.almreporting.domain.port.out;

import java.util.Objects;

/** Where a stored statement came from: the file name and the SHA-256 of its bytes (hex). Immutable. */
public record StatementOrigin(String fileName, String sha256) {
    public StatementOrigin {
        Objects.requireNonNull(fileName, "fileName");
    }

    public static StatementOrigin of(String fileName) {
        return new StatementOrigin(fileName, null);
    }
}

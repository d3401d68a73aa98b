package com.almreporting.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic keys for rows IBKR gives no transaction id (OptionEAE rows, cash rows of older queries):
 * {@code "h:"} + the first 32 hex digits of the SHA-256 of the identifying fields. The same row in two MTD
 * files gets the same key, so re-ingesting stays idempotent.
 */
public final class RowKey {
    private RowKey() {
    }

    public static String of(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p == null ? "" : p.toString()).append('\u001f');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return "h:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

package com.almreporting.flex.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Flex Web Service token: a secret that opens the account's statements. It is sent as the {@code t} query
 * parameter and nowhere else, and it never leaves this class in text meant for people: {@link #toString()} is
 * masked and {@link #redact(String)} masks it (and any {@code t=} parameter) in messages, URLs and exceptions.
 * Immutable and thread-safe.
 */
public final class FlexToken {

    private static final Pattern T_PARAMETER = Pattern.compile("(?i)([?&;]t=)[^&#\\s\"'<>]*");
    private static final String MASK = "****";

    private final String value;

    private FlexToken(String value) {
        this.value = value;
    }

    /** The token as Client Portal shows it; surrounding white space is dropped. */
    public static FlexToken of(String value) {
        Objects.requireNonNull(value, "token");
        String token = value.strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the Flex Web Service token is empty");
        }
        if (token.length() > 512 || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the Flex Web Service token must be one word of printable ASCII"
                    + " (as Client Portal shows it); the value given is not");
        }
        return new FlexToken(token);
    }

    /** The token from the first line of a file (e.g. a systemd credential); the file's name is in any error, never its content. */
    public static FlexToken fromFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the Flex token file " + file + ": " + e.getClass().getSimpleName(), null);
        }
        String firstLine = content.strip().lines().findFirst().orElse("");
        try {
            return of(firstLine);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Flex token file " + file + " holds no usable token: " + e.getMessage(), null);
        }
    }

    /** The secret itself, for the request URL only. */
    String value() {
        return value;
    }

    /** {@code text} with this token and every {@code t=} URL parameter masked. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        return redactParameter(text.replace(value, MASK));
    }

    /** {@code text} with every {@code t=} URL parameter masked (for text that may hold some other token). */
    public static String redactParameter(String text) {
        return text == null ? null : T_PARAMETER.matcher(text).replaceAll("$1" + MASK);
    }

    @Override
    public String toString() {
        return "FlexToken[" + MASK + "]";
    }
}

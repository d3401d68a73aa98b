package com.almreporting.report.narrative;

import java.util.List;

/**
 * A bullet of the narrative with its nested bullets. Top-level bullets of a day also carry the {@code id} of
 * what they tell (see {@link com.almreporting.report.format.ItemIds}) and its {@code role} ({@code open},
 * {@code close}, {@code trades}, {@code booking}, {@code cash}); nested bullets have neither. Immutable and
 * thread-safe.
 */
public record Bullet(Text text, List<Bullet> children, String id, String role) {
    public Bullet {
        children = List.copyOf(children);
    }

    public static Bullet of(Text text, List<Bullet> children) {
        return new Bullet(text, children, null, null);
    }

    public static Bullet of(Text text) {
        return new Bullet(text, List.of(), null, null);
    }

    /** This bullet as a top-level part of a day. */
    Bullet as(String id, String role) {
        return new Bullet(text, children, id, role);
    }
}

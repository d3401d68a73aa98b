package com.almreporting.domain.model;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code notes}/{@code code} attribute split on {@code ;} and matched exactly: {@code "IA;P"} holds
 * {@code IA} and {@code P} but not {@code A}. Immutable.
 */
public record NoteCodes(Set<String> codes) {
    public static final NoteCodes NONE = new NoteCodes(Set.of());

    public NoteCodes {
        codes = Set.copyOf(codes);
    }

    public static NoteCodes parse(String notes) {
        if (notes == null || notes.isBlank()) {
            return NONE;
        }
        return new NoteCodes(Arrays.stream(notes.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    public boolean has(String code) {
        return codes.contains(code);
    }

    public boolean isEmpty() {
        return codes.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(";", codes);
    }
}

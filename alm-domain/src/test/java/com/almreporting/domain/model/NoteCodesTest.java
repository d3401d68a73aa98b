package com.almreporting.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoteCodesTest {
    @Test
    void codesAreMatchedExactlyNotBySubstring() {
        NoteCodes notes = NoteCodes.parse("IA;P;AFx");
        assertThat(notes.has("IA")).isTrue();
        assertThat(notes.has("A")).isFalse();
        assertThat(notes.has("P")).isTrue();
        assertThat(NoteCodes.parse("GEA").has("A")).isFalse();
        assertThat(NoteCodes.parse("MEx").has("Ex")).isFalse();
    }

    @Test
    void blankNotesHaveNoCodes() {
        assertThat(NoteCodes.parse("").isEmpty()).isTrue();
        assertThat(NoteCodes.parse(null).isEmpty()).isTrue();
        assertThat(NoteCodes.parse(" ; ").isEmpty()).isTrue();
    }
}

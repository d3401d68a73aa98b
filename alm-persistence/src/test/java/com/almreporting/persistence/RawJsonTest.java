package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawJsonTest {

    @Test
    void everyStringSurvivesTheRoundTrip() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("quote", "a\"b");
        m.put("backslash", "c:\\d");
        m.put("controls", "\n\r\t\b\f\u0001\u001f");
        m.put("unicode", "ü € 😀 中文");
        m.put("", "");
        m.put("slash", "a/b");

        assertThat(RawJson.decode(RawJson.encode(m))).isEqualTo(m);
    }

    @Test
    void theTextIsTheOnePostgresqlPrintsForTheJsonb() {
        // As psql shows select '{...}'::jsonb::text: shorter keys (in UTF-8 bytes) first, then bytewise.
        Map<String, String> m = new LinkedHashMap<>();
        m.put("\uD83D\uDE00", "1");
        m.put("éé", "2");
        m.put("\uFFFFA", "3");
        m.put("bb", "4");
        m.put("a", "tab\t quote\" bell\u0007");
        assertThat(RawJson.encode(m))
                .isEqualTo("{\"a\": \"tab\\t quote\\\" bell\\u0007\", \"bb\": \"4\", \"éé\": \"2\", \"\uFFFFA\": \"3\", "
                        + "\"\uD83D\uDE00\": \"1\"}");
        assertThat(RawJson.encode(Map.of("b", "2", "a", "1"))).isEqualTo(RawJson.encode(Map.of("a", "1", "b", "2")));
        assertThat(RawJson.encode(Map.of())).isEqualTo("{}");
    }

    @Test
    void readsPostgresqlsJsonbFormatting() {
        assertThat(RawJson.decode("{\"a\": \"1\", \"b\": \"x\\u0007\\ud83d\\ude00\\/\"}"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "x\u0007😀/"));
        assertThat(RawJson.decode(" { } ")).isEmpty();
    }

    @Test
    void refusesAnythingButAFlatObjectOfStrings() {
        assertThatThrownBy(() -> RawJson.decode("{\"a\": 1}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offset 6");
        assertThatThrownBy(() -> RawJson.decode("[]")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RawJson.decode("{\"a\": \"1\"} x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RawJson.decode("{\"a\": \"1\"")).isInstanceOf(IllegalStateException.class);
    }
}

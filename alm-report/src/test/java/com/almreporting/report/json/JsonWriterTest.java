package com.almreporting.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String string(String value) throws IOException {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb);
        w.value(value);
        w.finish();
        return sb.toString().strip();
    }

    @Test
    void escapesQuotesBackslashesAndEveryControlCharacter() throws IOException {
        assertThat(string("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
        assertThat(string("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        assertThat(string("\u0000\u001F\u0007")).isEqualTo("\"\\u0000\\u001f\\u0007\"");
        assertThat(string("\u007F")).isEqualTo("\"\u007F\"");
    }

    @Test
    void keepsUnicodeAndEscapesWhatBreaksUtf8OrJavaScript() throws IOException {
        assertThat(string("HK$ 港幣 \uD83D\uDCC8")).isEqualTo("\"HK$ 港幣 \uD83D\uDCC8\"");
        assertThat(string("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        assertThat(string("x\uD800y\uDC00")).isEqualTo("\"x\\ud800y\\udc00\"");
    }

    @Test
    void writesNestedContainersPrettyPrinted() throws IOException {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb);
        w.beginObject().field("a", "1").name("b").beginArray().value(true).nullValue().endArray()
                .name("c").beginObject().endObject().name("d").beginArray().endArray().endObject();
        w.finish();
        assertThat(sb).hasToString("{\n  \"a\": \"1\",\n  \"b\": [\n    true,\n    null\n  ],\n  \"c\": {},\n  \"d\": []\n}\n");
    }

    @Test
    void refusesMalformedSequences() throws IOException {
        JsonWriter w = new JsonWriter(new StringBuilder());
        w.beginObject();
        assertThatThrownBy(() -> w.value("no name")).isInstanceOf(IllegalStateException.class);
        w.name("a");
        assertThatThrownBy(() -> w.name("b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(w::endArray).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
    }
}

package com.almreporting.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawAttributesTest {

    private static final RawAttributes.Names TRADE = RawAttributes.Names.of(List.of("symbol", "quantity", "notes"));

    @Test
    void rowsOfOneShapeShareTheNamesAndKeepTheirOwnValuesInDocumentOrder() {
        String[] buffer = {"SPY", "100", "", "left over from a longer row"};
        RawAttributes first = TRADE.with(buffer);
        buffer[0] = "QQQ";
        buffer[1] = "-5";
        RawAttributes second = TRADE.with(buffer);

        assertThat(first).containsExactly(Map.entry("symbol", "SPY"), Map.entry("quantity", "100"),
                Map.entry("notes", ""));
        assertThat(second).containsExactly(Map.entry("symbol", "QQQ"), Map.entry("quantity", "-5"),
                Map.entry("notes", ""));
        assertThat(first.names()).isSameAs(second.names());
        assertThat(first.get("quantity")).isEqualTo("100");
        assertThat(first.get("absent")).isNull();
        assertThat(first.get(42)).isNull();
        assertThat(first.containsKey("notes")).isTrue();
        assertThat(first.containsKey("absent")).isFalse();
    }

    @Test
    void itIsAMapLikeAnyOtherAndCannotBeChanged() {
        Map<String, String> same = new HashMap<>(Map.of("notes", "", "quantity", "100", "symbol", "SPY"));
        RawAttributes raw = TRADE.with(new String[] {"SPY", "100", ""});

        assertThat(raw).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(same).isEqualTo(raw);
        assertThat(raw).isNotEqualTo(Map.of("symbol", "SPY"));
        assertThat(raw.toString()).isEqualTo("{symbol=SPY, quantity=100, notes=}");
        assertThatThrownBy(() -> raw.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> raw.remove("symbol")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> raw.entrySet().iterator().next().setValue("z"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> raw.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofCopiesAnyMapInItsOrderAndReturnsOneAsItIs() {
        Map<String, String> linked = new LinkedHashMap<>();
        linked.put("b", "2");
        linked.put("a", "1");
        RawAttributes copy = RawAttributes.of(linked);
        linked.put("c", "3");

        assertThat(copy.keySet()).containsExactly("b", "a");
        assertThat(RawAttributes.of(copy)).isSameAs(copy);
        assertThat(RawAttributes.of(null)).isSameAs(RawAttributes.EMPTY).isEmpty();
        assertThat(RawAttributes.of(Map.of())).isEmpty();
    }

    @Test
    void namesAndValuesAreChecked() {
        assertThatThrownBy(() -> RawAttributes.Names.of(List.of("a", "b", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> TRADE.with(new String[] {"SPY", "1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 values for 3");
        assertThatThrownBy(() -> TRADE.with(new String[] {"SPY", null, ""})).isInstanceOf(NullPointerException.class);
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> RawAttributes.of(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rowRecordsKeepTheirRawAttributesAsTheyAre() {
        RawAttributes raw = TRADE.with(new String[] {"SPY", "100", ""});
        OptionEaeRow row = new OptionEaeRow(AccountId.of("U1"), java.time.LocalDate.of(2025, 7, 17),
                OptionEaeType.EXPIRATION, Stock.of("SPY"), "USD", null, null, null, raw);
        assertThat(row.raw()).isSameAs(raw);
        assertThat(new OptionEaeRow(AccountId.of("U1"), java.time.LocalDate.of(2025, 7, 17), OptionEaeType.EXPIRATION,
                Stock.of("SPY"), "USD", null, null, null, null).raw()).isEmpty();
    }
}

package com.almreporting.flex.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlexClientSettingsTest {

    private static final FlexToken TOKEN = FlexToken.of("111122223333444455556666");

    @Test
    void theDefaultsAreIbkrsHostAndTheDocumentedWaits() {
        FlexClientSettings s = FlexClientSettings.fromEnvironment(Map.of(), TOKEN);
        assertThat(s.baseUrl()).isEqualTo(URI.create("https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService"));
        assertThat(s.firstWait()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.deadline()).isEqualTo(Duration.ofSeconds(600));
        assertThat(s.rateLimitWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.userAgent()).startsWith("Java/");
    }

    @Test
    void theEnvironmentOverridesInSecondsWithDecimals() {
        FlexClientSettings s = FlexClientSettings.fromEnvironment(Map.of(
                "ALM_FLEX_BASE_URL", "http://127.0.0.1:8080/AccountManagement/FlexWebService/",
                "ALM_FLEX_FIRST_WAIT", "0.05",
                "ALM_FLEX_POLL_INTERVAL", "2.5",
                "ALM_FLEX_DEADLINE", "30",
                "ALM_FLEX_RATE_LIMIT_WAIT", "0.001"), TOKEN);
        assertThat(s.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/AccountManagement/FlexWebService"));
        assertThat(s.firstWait()).isEqualTo(Duration.ofMillis(50));
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(2_500));
        assertThat(s.deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.rateLimitWait()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void badValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> FlexClientSettings.fromEnvironment(Map.of("ALM_FLEX_DEADLINE", "ten"), TOKEN))
                .hasMessageContaining("ALM_FLEX_DEADLINE");
        assertThatThrownBy(() -> FlexClientSettings.fromEnvironment(Map.of("ALM_FLEX_POLL_INTERVAL", "-1"), TOKEN))
                .hasMessageContaining("ALM_FLEX_POLL_INTERVAL");
        assertThatThrownBy(() -> FlexClientSettings.fromEnvironment(Map.of("ALM_FLEX_BASE_URL", "ftp://x/y"), TOKEN))
                .hasMessageContaining("ALM_FLEX_BASE_URL");
        assertThatThrownBy(() -> FlexClientSettings.fromEnvironment(Map.of("ALM_FLEX_BASE_URL", "https://x/y?t=secret"), TOKEN))
                .hasMessageContaining("t=****").hasMessageNotContaining("secret");
    }

    @Test
    void theTokenComesFromTheVariableOrFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "999988887777666655554444\n");
        assertThat(FlexClientSettings.tokenFromEnvironment(Map.of("IBKR_FLEX_TOKEN_FILE", file.toString())).value())
                .isEqualTo("999988887777666655554444");
        assertThat(FlexClientSettings.tokenFromEnvironment(Map.of("IBKR_FLEX_TOKEN", " 1234 ")).value()).isEqualTo("1234");
        assertThatThrownBy(() -> FlexClientSettings.tokenFromEnvironment(Map.of()))
                .hasMessageContaining("IBKR_FLEX_TOKEN").hasMessageContaining("Client Portal");
        assertThatThrownBy(() -> FlexClientSettings.tokenFromEnvironment(Map.of("IBKR_FLEX_TOKEN", "1",
                "IBKR_FLEX_TOKEN_FILE", file.toString()))).hasMessageContaining("set one");
        assertThatThrownBy(() -> FlexClientSettings.tokenFromEnvironment(Map.of("IBKR_FLEX_TOKEN_FILE",
                dir.resolve("missing").toString()))).hasMessageContaining("missing");
    }

    @Test
    void aTokenIsNeverPrintedEvenWhenItIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "secret with spaces");
        assertThatThrownBy(() -> FlexToken.fromFile(file)).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> FlexClientSettings.tokenFromEnvironment(Map.of("IBKR_FLEX_TOKEN", "secret value")))
                .hasMessageNotContaining("secret");
    }

    @Test
    void queryIdsAreCommaSeparated() {
        assertThat(FlexClientSettings.queryIdsFromEnvironment(Map.of("IBKR_FLEX_QUERY_ID", " 123456, 654321,,123456 ")))
                .containsExactly("123456", "654321");
        assertThat(FlexClientSettings.queryIdsFromEnvironment(Map.of())).isEmpty();
    }
}

package com.almreporting.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void defaultsAreThoseOfTheSpecification() {
        GatewayConfig c = GatewayConfig.fromEnv(Map.of());
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(4002);
        assertThat(c.clientId()).isEqualTo(17);
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.account()).isNull();
        assertThat(c.gatewayZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(c).isEqualTo(GatewayConfig.defaults());
    }

    @Test
    void everyVariableIsRead() {
        GatewayConfig c = GatewayConfig.fromEnv(Map.of("IB_GATEWAY_HOST", " gw.local ", "IB_GATEWAY_PORT", "4001",
                "IB_GATEWAY_CLIENT_ID", "0", "IB_GATEWAY_TIMEOUT", "2.5", "IB_GATEWAY_ACCOUNT", "U1234567",
                "IB_GATEWAY_ZONE", "America/New_York"));
        assertThat(c.host()).isEqualTo("gw.local");
        assertThat(c.port()).isEqualTo(4001);
        assertThat(c.clientId()).isZero();
        assertThat(c.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.account()).isEqualTo("U1234567");
        assertThat(c.gatewayZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(c.address()).isEqualTo("gw.local:4001");
    }

    @Test
    void blankVariablesTakeTheDefaults() {
        assertThat(GatewayConfig.fromEnv(Map.of("IB_GATEWAY_PORT", " ", "IB_GATEWAY_HOST", "")))
                .isEqualTo(GatewayConfig.defaults());
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of("IB_GATEWAY_PORT", "70000")))
                .hasMessageContaining("IB_GATEWAY_PORT").hasMessageContaining("70000");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of("IB_GATEWAY_CLIENT_ID", "-3")))
                .hasMessageContaining("IB_GATEWAY_CLIENT_ID");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of("IB_GATEWAY_TIMEOUT", "0")))
                .hasMessageContaining("IB_GATEWAY_TIMEOUT");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of("IB_GATEWAY_TIMEOUT", "ten")))
                .hasMessageContaining("IB_GATEWAY_TIMEOUT");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of("IB_GATEWAY_ZONE", "Mars/Base")))
                .hasMessageContaining("IB_GATEWAY_ZONE");
    }

    @Test
    void ipv6HostsAreBracketedInMessages() {
        assertThat(GatewayConfig.defaults().withHost("::1").address()).isEqualTo("[::1]:4002");
    }
}

package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void withoutAUrlTheEmbeddedDatabaseLivesUnderTheUsersDataDirectory() {
        DatabaseConfig c = DatabaseConfig.fromEnvironment(Map.of(), "/home/op");

        assertThat(c.isEmbedded()).isTrue();
        assertThat(c.embeddedDataDirectory()).isEqualTo(Path.of("/home/op/.local/share/alm/pgdata"));
        assertThat(c.embeddedPort()).isEqualTo(DatabaseConfig.DEFAULT_EMBEDDED_PORT);
        assertThat(c.describe()).isEqualTo("embedded PostgreSQL, data directory /home/op/.local/share/alm/pgdata, port 54329");
    }

    @Test
    void theEnvironmentChoosesDataDirectoryPortAndServer() {
        DatabaseConfig c = DatabaseConfig.fromEnvironment(Map.of("ALM_DATA_DIR", "/var/lib/alm", "ALM_DB_PORT", "6543",
                "ALM_DB_URL", "jdbc:postgresql://db:5432/alm", "ALM_DB_USER", "alm", "ALM_DB_PASSWORD", "s3cret"), "/home/op");

        assertThat(c.isEmbedded()).isFalse();
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/alm");
        assertThat(c.user()).isEqualTo("alm");
        assertThat(c.password()).isEqualTo("s3cret");
        assertThat(c.embeddedDataDirectory()).isEqualTo(Path.of("/var/lib/alm/pgdata"));
        assertThat(c.embeddedPort()).isEqualTo(6543);
    }

    @Test
    void thePasswordIsNeverShown() {
        DatabaseConfig c = DatabaseConfig.fromEnvironment(Map.of("ALM_DB_URL",
                "jdbc:postgresql://db:5432/alm?user=alm&password=s3cret&ssl=true", "ALM_DB_PASSWORD", "t0ps3cret"), "/h");

        assertThat(c.toString()).doesNotContain("s3cret").contains("password=****");
        assertThat(c.describe()).doesNotContain("s3cret").isEqualTo("jdbc:postgresql://db:5432/alm?user=alm&password=****&ssl=true");
        assertThat(DatabaseConfig.redact("jdbc:postgresql://alm:pw@db/alm")).isEqualTo("jdbc:postgresql://alm:****@db/alm");
    }

    @Test
    void badSettingsAreRefusedWithTheVariableNamed() {
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("ALM_DB_URL", "jdbc:mysql://db/alm?password=x"), "/h"))
                .hasMessageContaining("ALM_DB_URL").hasMessageNotContaining("password=x");
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("ALM_DB_PORT", "fifty"), "/h"))
                .hasMessageContaining("ALM_DB_PORT");
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("ALM_DB_PORT", "70000"), "/h"))
                .hasMessageContaining("70000");
        assertThat(DatabaseConfig.fromEnvironment(Map.of("ALM_DB_URL", " "), "/h").isEmbedded()).isTrue();
    }
}

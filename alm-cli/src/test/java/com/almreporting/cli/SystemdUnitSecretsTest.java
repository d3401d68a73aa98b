package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The daily job's unit ({@code deploy/systemd/alm-update.service}) hands the service its secrets the way systemd keeps
 * them private: in the environment file {@code /etc/alm/alm.env} (root:alm 0640) or as a credential, never in the unit
 * itself (world-readable, and shown by {@code systemctl show}) nor on the command line. The example environment file
 * ships without a secret.
 */
class SystemdUnitSecretsTest {

    private static final Path UNITS = Path.of("..", "deploy", "systemd");
    /** The settings that are secrets; a {@code …_FILE} setting only names a file. */
    private static final Set<String> SECRETS = Set.of("IBKR_FLEX_TOKEN", "ALM_DB_PASSWORD", "PGPASSWORD");

    @Test
    void theServiceTakesSecretsFromItsEnvironmentFileOrACredentialOnly() throws IOException {
        List<String> settings = settings(UNITS.resolve("alm-update.service"), false);
        assertThat(settings).contains("EnvironmentFile=/etc/alm/alm.env", "UMask=0077");
        for (String setting : settings) {
            String key = setting.substring(0, setting.indexOf('='));
            String value = setting.substring(setting.indexOf('=') + 1);
            if (key.equals("Environment")) {
                for (String assignment : value.split("\\s+")) {
                    assertThat(SECRETS).as(setting).doesNotContain(assignment.substring(0, assignment.indexOf('=')));
                }
            }
            if (key.startsWith("Exec")) {
                assertThat(value).as(setting).doesNotContainIgnoringCase("token").doesNotContainIgnoringCase("password");
                SECRETS.forEach(secret -> assertThat(value).as(setting).doesNotContain("$" + secret)
                        .doesNotContain("${" + secret + "}"));
            }
        }
    }

    @Test
    void theCredentialAlternativeOnlyNamesTheTokenFile() throws IOException {
        // Commented out in the unit (the file must exist once uncommented); read as if it were not.
        List<String> settings = settings(UNITS.resolve("alm-update.service"), true);
        assertThat(settings).contains("LoadCredential=ibkr-flex-token:/etc/alm/ibkr-flex-token",
                "Environment=IBKR_FLEX_TOKEN_FILE=%d/ibkr-flex-token");
    }

    @Test
    void theExampleEnvironmentFileShipsWithoutSecretsAndSaysHowToProtectTheRealOne() throws IOException {
        Path example = UNITS.resolve("alm.env.example");
        String text = Files.readString(example, StandardCharsets.UTF_8);
        assertThat(text).contains("mode 0640");
        List<String> secretsListed = new ArrayList<>();
        for (String line : text.lines().map(String::strip).toList()) {
            String setting = line.startsWith("#") ? line.substring(1) : line;
            int eq = setting.indexOf('=');
            String name = eq < 0 ? "" : setting.substring(0, eq);
            if (SECRETS.contains(name)) {
                secretsListed.add(name);
                assertThat(setting).as("a secret in the example").isEqualTo(name + "=");
            }
        }
        assertThat(secretsListed).contains("IBKR_FLEX_TOKEN", "ALM_DB_PASSWORD");
    }

    /** {@code Key=value} lines of a unit; with {@code commented}, only those commented out ({@code #Key=value}). */
    private static List<String> settings(Path unit, boolean commented) throws IOException {
        List<String> settings = new ArrayList<>();
        for (String raw : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            boolean isComment = line.startsWith("#") || line.startsWith(";");
            if (commented && isComment && line.matches("#[A-Z][A-Za-z]+=.*")) {
                settings.add(line.substring(1));
            } else if (!commented && !isComment && line.contains("=")) {
                settings.add(line);
            }
        }
        return settings;
    }
}

package com.almreporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: the rendered output is saved under {@code target/} for inspection, then compared byte for byte
 * with the checked-in file under {@code samples/}. To accept a deliberate change, copy the saved file over the
 * golden after reading the difference.
 */
public final class Goldens {
    private Goldens() {
    }

    public static void assertMatches(String actual, String goldenName) throws IOException {
        Path saved = save(actual, goldenName);
        Path golden = Scenarios.SAMPLES.resolve(goldenName);
        assertThat(golden).as("golden file %s (the rendered output is in %s)", golden, saved).exists();
        assertThat(actual).as("%s against the golden %s", saved, golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** Writes {@code target/<name>} and returns its path. */
    public static Path save(String content, String name) throws IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.writeString(target, content, StandardCharsets.UTF_8);
        return target;
    }
}

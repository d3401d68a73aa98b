package com.almreporting.examples.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's output is the golden narrative, and the README's library snippet is the example's code. */
class ExampleDocumentationTest {

    private static final Path ROOT = Path.of("..", "..");
    private static final Path EXAMPLE =
            Path.of("src", "test", "java", "com", "almreporting", "examples", "replay", "GroundTruthReplayTest.java");

    @Test
    void theApplicationsNarrativeIsTheGroundTruthMarkdown() throws Exception {
        String markdown = GroundTruthReplayTest.narrative(ROOT.resolve("samples/ground-truth-2025-07.xml"));
        assertThat(markdown).isEqualTo(read(ROOT.resolve("samples/ground-truth-2025-07-17_18.md")));
    }

    @Test
    void readmeSnippetIsTheExampleCode() throws IOException {
        List<String> readme = between(read(ROOT.resolve("README.md")),
                "<!-- library-snippet:start -->", "<!-- library-snippet:end -->");
        assertThat(readme).as("README snippet: a fenced java block between the markers").isNotEmpty();
        assertThat(readme.get(0)).isEqualTo("```java");
        assertThat(readme.get(readme.size() - 1)).isEqualTo("```");

        List<String> example = between(read(EXAMPLE), "// snippet:start", "// snippet:end");
        assertThat(String.join("\n", readme.subList(1, readme.size() - 1))).isEqualTo(String.join("\n", example));
    }

    /** The lines strictly between the marker lines. */
    private static List<String> between(String text, String start, String end) {
        List<String> lines = text.lines().toList();
        int from = lines.indexOf(start);
        int to = lines.indexOf(end);
        assertThat(from).as("marker %s", start).isNotNegative();
        assertThat(to).as("marker %s", end).isGreaterThan(from);
        return lines.subList(from + 1, to);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

package com.almreporting.testkit;

import static com.almreporting.testkit.AlmAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.report.NarrativeReport;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlmAssertionsTest {

    private static NarrativeReport report;

    @BeforeAll
    static void replay() {
        report = Replay.fromClasspath(Replay.GROUND_TRUTH).report("2025-07-17", "2025-07-18");
    }

    @Test
    void figuresCompareByValueNotByScale() {
        assertThat(report).day("2025-07-18").closingNav().isEqualTo("79231.030").isEqualTo("+79231.03");
        assertThat(report).day("2025-07-18").hasBlocks(2).block(0).navBefore().isEqualTo("79754.81");
    }

    @Test
    void aWrongFigureNamesTheDayAndTheFigure() {
        assertThatThrownBy(() -> assertThat(report).day("2025-07-18").closingNav().isEqualTo("79231.04"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2025-07-18 official closing NAV");
        assertThatThrownBy(() -> assertThat(report).day("2025-07-18").block(1).totalBase().isEqualTo("0"))
                .hasMessageContaining("2025-07-18 block 1 total in base currency");
    }

    @Test
    void aMissingDayOrBlockFailsWithWhatThereIs() {
        assertThatThrownBy(() -> assertThat(report).day("2025-07-16"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[2025-07-17, 2025-07-18]");
        assertThatThrownBy(() -> assertThat(report).day("2025-07-17").block(1))
                .hasMessageContaining("has 1");
    }

    @Test
    void filesReplayLikeClasspathResources() {
        NarrativeReport fromFile = Replay.fromFiles(Path.of("..", "samples", "ground-truth-2025-07.xml"))
                .report("2025-07-17", "2025-07-18");
        assertThat(fromFile).isEqualTo(report);
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> Replay.fromClasspath("/no/such.xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no/such.xml");
    }
}

package com.almreporting.report.html;

import com.almreporting.report.Goldens;
import com.almreporting.report.Scenarios;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The HTML page of the ground-truth days, compared with the checked-in golden file. */
class HtmlGoldenTest {

    @Test
    void groundTruthPageMatchesTheGoldenFile() throws IOException {
        Goldens.assertMatches(new HtmlRenderer().render(Scenarios.named("ground-truth")), "ground-truth-2025-07-17_18.html");
    }

    @Test
    void variantAndWinterAreSavedForInspection() throws IOException {
        Goldens.save(new HtmlRenderer().render(Scenarios.named("variant")), "variant-2025-07-17_21.html");
        Goldens.save(new HtmlRenderer().render(Scenarios.named("winter")), "winter-2025-11-25_12-01.html");
    }
}

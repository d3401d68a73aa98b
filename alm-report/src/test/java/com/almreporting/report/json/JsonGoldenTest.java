package com.almreporting.report.json;

import com.almreporting.report.Goldens;
import com.almreporting.report.Scenarios;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The JSON of the ground-truth days, compared with the checked-in golden file. */
class JsonGoldenTest {

    @Test
    void groundTruthJsonMatchesTheGoldenFile() throws IOException {
        Goldens.assertMatches(new JsonRenderer().render(Scenarios.named("ground-truth")), "ground-truth-2025-07-17_18.json");
    }

    @Test
    void variantAndWinterAreSavedForInspection() throws IOException {
        Goldens.save(new JsonRenderer().render(Scenarios.named("variant")), "variant-2025-07-17_21.json");
        Goldens.save(new JsonRenderer().render(Scenarios.named("winter")), "winter-2025-11-25_12-01.json");
    }
}

package com.almreporting.flex.parser;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The real third-party Flex files under {@code src/test/resources/flex-samples} (see PROVENANCE.md there). */
final class SampleFiles {

    static final String ALEXPUNG_ASSIGNMENT = "alexpung__UK-Investment-tax-calculator__AssignmentOptionExample.xml";
    static final String ALEXPUNG_TAX = "alexpung__UK-Investment-tax-calculator__TaxExample.xml";
    static final String GABBERSEPP_FUNDS = "gabbersepp__ib-flex-reader__StatementOfFunds.xml";
    static final String GABBERSEPP_CODING = "gabbersepp__ib-flex-reader__TestForCoding.xml";
    static final String TFIALA = "tfiala__ibkr-flex-statement-rs__lib.rs-FULL_STATEMENT_EXAMPLE.xml";
    static final String CORPORATE_ACTION = "vroonhof__opensteuerauszug__corporate_action_2025.xml";
    static final String ETAX = "vroonhof__opensteuerauszug__eTax_report_anonymised_2025.xml";
    static final String MINIMAL_SHORT_OPTIONS = "vroonhof__opensteuerauszug__minimal_short_options_repro_2025.xml";
    static final String OPTIONS_FUTURE = "vroonhof__opensteuerauszug__options_future_2025.xml";
    static final String VTANDCHILL = "vroonhof__opensteuerauszug__vtandchill_2025.xml";

    private SampleFiles() {
    }

    static Path path(String name) {
        return resource("/flex-samples/" + name);
    }

    static Path resource(String name) {
        URL url = SampleFiles.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource missing: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.almreporting.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.report.Scenarios;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every figure DESIGN §7 asks of the ground-truth report, read from the JSON by path; and winter's clocks. */
class JsonGroundTruthTest {

    private static JsonNode json;

    @BeforeAll
    static void render() throws IOException {
        json = new ObjectMapper().readTree(new JsonRenderer().render(Scenarios.named("ground-truth")));
    }

    private static String at(String pointer) {
        JsonNode node = json.at(pointer);
        assertThat(node.isMissingNode()).as("%s exists", pointer).isFalse();
        return node.isNull() ? null : node.asText();
    }

    @Test
    void documentIsVersionedAndNamesItsZones() {
        assertThat(at("/schemaVersion")).isEqualTo("1.0");
        assertThat(at("/baseCurrency")).isEqualTo("HKD");
        assertThat(at("/zones/observer")).isEqualTo("Asia/Hong_Kong");
        assertThat(at("/zones/exchange")).isEqualTo("America/New_York");
        assertThat(at("/settings/premiumPolicy")).isEqualTo("zero-dte-premium");
        assertThat(at("/settings/baseline")).isEqualTo("928200.00");
    }

    @Test
    void july17OpensAtTheOfficialCloseOfJuly16() {
        assertThat(at("/days/0/day")).isEqualTo("2025-07-17");
        assertThat(at("/days/0/open/officialOpening")).isEqualTo("79498.68");
        assertThat(at("/days/0/open/calculatedOpening")).isEqualTo("79498.68");
        assertThat(at("/days/0/open/difference")).isNull();
        assertThat(at("/days/0/open/clocks")).isEqualTo("(21:30 HKT / 09:30 EDT)");
    }

    @Test
    void dayTradeBlockLosesNinetySixHkd() {
        String block = "/days/0/intraday/0";
        assertThat(at(block + "/kind")).isEqualTo("trades");
        assertThat(at(block + "/title")).isEqualTo("Day Trades");
        assertThat(at(block + "/clocks")).isEqualTo("(00:46 - 00:50 HKT, July 18 / 12:46 - 12:50 EDT, July 17)");
        assertThat(at(block + "/start/utc")).isEqualTo("2025-07-17T16:46:08Z");
        assertThat(at(block + "/start/observer/local")).isEqualTo("2025-07-18T00:46:08");
        assertThat(at(block + "/start/observer/zone")).isEqualTo("HKT");
        assertThat(at(block + "/start/observer/offset")).isEqualTo("+08:00");
        assertThat(at(block + "/start/exchange/local")).isEqualTo("2025-07-17T12:46:08");
        assertThat(at(block + "/start/exchange/zone")).isEqualTo("EDT");
        assertThat(at(block + "/start/exchange/offset")).isEqualTo("-04:00");
        assertThat(at(block + "/end/exchange/local")).isEqualTo("2025-07-17T12:50:02");
        assertThat(json.at(block + "/executions")).hasSize(4);
        assertThat(at(block + "/pnl/realized")).isEqualTo("-6.46");
        assertThat(at(block + "/pnl/commissions")).isEqualTo("-5.83");
        assertThat(at(block + "/pnl/total")).isEqualTo("-12.29");
        assertThat(at(block + "/pnl/currency")).isEqualTo("USD");
        assertThat(at(block + "/pnl/fxRate")).isEqualTo("7.8487");
        assertThat(at(block + "/pnl/totalBase")).isEqualTo("-96.46");
        assertThat(at(block + "/nav/before")).isEqualTo("79498.68");
        assertThat(at(block + "/nav/impact")).isEqualTo("-96.46");
        assertThat(at(block + "/nav/after")).isEqualTo("79402.22");
    }

    @Test
    void july17ClosesWithMarkToMarket() {
        assertThat(at("/days/0/close/clocks")).isEqualTo("(04:00 HKT, July 18 / 16:00 EDT, July 17)");
        assertThat(at("/days/0/close/officialClose")).isEqualTo("79754.81");
        assertThat(at("/days/0/close/calculatedClose")).isEqualTo("79402.22");
        assertThat(at("/days/0/close/residual")).isEqualTo("352.59");
        assertThat(at("/days/0/close/residualLabel/code")).isEqualTo("MARK_TO_MARKET");
        assertThat(at("/days/0/close/residualLabel/text")).isEqualTo("Mark-to-Market P&L");
        assertThat(at("/days/0/close/expiring/0/outcome")).isEqualTo("ASSIGNED");
        assertThat(at("/days/0/close/expiring/1/outcome")).isEqualTo("EXPIRES_WORTHLESS");
    }

    @Test
    void overnightAssignmentAndExpiryHaveNoImpact() {
        assertThat(at("/days/1/overnightHeading")).isEqualTo("Overnight Period (July 17 Close to July 18 Open)");
        String expiry = "/days/1/overnight/0";
        assertThat(at(expiry + "/bookingKind")).isEqualTo("EXPIRATION");
        assertThat(at(expiry + "/legs/0/instrument/name")).isEqualTo("SPY 626 Put (Jul 17)");
        String assignment = "/days/1/overnight/1";
        assertThat(at(assignment + "/bookingKind")).isEqualTo("ASSIGNMENT");
        assertThat(at(assignment + "/clocks")).isEqualTo("(04:20 HKT, July 18 / 16:20 EDT, July 17)");
        assertThat(at(assignment + "/legs/1/role")).isEqualTo("stock");
        assertThat(at(assignment + "/legs/1/quantity")).isEqualTo("-100");
        assertThat(at(assignment + "/legs/1/price")).isEqualTo("628");
        assertThat(at(assignment + "/impactText")).isEqualTo("This asset exchange has no immediate P&L impact.");
        assertThat(at(assignment + "/nav/impact")).isEqualTo("0.00");
        assertThat(at(assignment + "/nav/after")).isEqualTo("79754.81");
    }

    @Test
    void preMarketCoverRealizesMinus145Usd() {
        String cover = "/days/1/preMarket/0";
        assertThat(at(cover + "/title")).isEqualTo("Pre-Market Cover Trade");
        assertThat(at(cover + "/clocks")).isEqualTo("(13:15 HKT / 01:15 EDT)");
        assertThat(at(cover + "/pnl/realized")).isEqualTo("-145.00");
        assertThat(at(cover + "/pnl/realizedTerms/0/basisPrice")).isEqualTo("628");
        assertThat(at(cover + "/pnl/realizedTerms/0/tradePrice")).isEqualTo("629.45");
        assertThat(at(cover + "/pnl/realizedTerms/0/quantity")).isEqualTo("100");
        assertThat(at(cover + "/pnl/commissions")).isEqualTo("-1.00");
        assertThat(at(cover + "/pnl/total")).isEqualTo("-146.00");
        assertThat(at(cover + "/pnl/fxRate")).isEqualTo("7.8455");
        assertThat(at(cover + "/pnl/totalBase")).isEqualTo("-1145.44");
        assertThat(at(cover + "/nav/after")).isEqualTo("78609.37");
    }

    @Test
    void july18OpenDiffersByTheCover() {
        assertThat(at("/days/1/open/officialOpening")).isEqualTo("79754.81");
        assertThat(at("/days/1/open/calculatedOpening")).isEqualTo("78609.37");
        assertThat(at("/days/1/open/difference")).isEqualTo("-1145.44");
        assertThat(at("/days/1/open/notInOfficial/0/item")).isEqualTo(at("/days/1/preMarket/0/id"));
        assertThat(at("/days/1/open/notInOfficial/0/impact")).isEqualTo("-1145.44");
    }

    @Test
    void zeroDteBlockRecognisesPremium() {
        String block = "/days/1/intraday/0";
        assertThat(at(block + "/title")).isEqualTo("0DTE Trades");
        assertThat(at(block + "/clocks")).isEqualTo("(22:32 HKT / 10:32 EDT)");
        assertThat(at(block + "/pnl/premium")).isEqualTo("77.00");
        assertThat(at(block + "/pnl/premiumTerms/0/price")).isEqualTo("0.37");
        assertThat(at(block + "/pnl/premiumTerms/1/price")).isEqualTo("0.4");
        assertThat(at(block + "/pnl/commissions")).isEqualTo("-1.73");
        assertThat(at(block + "/pnl/total")).isEqualTo("75.27");
        assertThat(at(block + "/pnl/totalBase")).isEqualTo("590.64");
        assertThat(at(block + "/nav/after")).isEqualTo("79200.01");
    }

    @Test
    void july18ClosesWithReconciliation() {
        assertThat(at("/days/1/close/clocks")).isEqualTo("(04:00 HKT, July 19 / 16:00 EDT, July 18)");
        assertThat(at("/days/1/close/at/observer/local")).isEqualTo("2025-07-19T04:00:00");
        assertThat(at("/days/1/close/at/exchange/local")).isEqualTo("2025-07-18T16:00:00");
        assertThat(at("/days/1/close/officialClose")).isEqualTo("79231.03");
        assertThat(at("/days/1/close/residual")).isEqualTo("31.02");
        assertThat(at("/days/1/close/residualLabel/code")).isEqualTo("RECONCILIATION");
        assertThat(at("/days/1/close/expiring/0/outcome")).isEqualTo("EXPIRES_WORTHLESS");
        assertThat(at("/days/1/close/expiring/1/outcome")).isEqualTo("EXPIRES_WORTHLESS");
        assertThat(at("/summary/1/residual")).isEqualTo("31.02");
        assertThat(at("/summary/1/dayPnl")).isEqualTo("-523.78");
    }

    @Test
    void winterClocksUseEasternStandardTime() throws IOException {
        JsonNode winter = new ObjectMapper().readTree(new JsonRenderer().render(Scenarios.named("winter")));
        assertThat(winter.at("/days/0/open/clocks").asText()).isEqualTo("(22:30 HKT / 09:30 EST)");
        assertThat(winter.at("/days/0/open/at/exchange/zone").asText()).isEqualTo("EST");
        assertThat(winter.at("/days/0/open/at/exchange/offset").asText()).isEqualTo("-05:00");
        assertThat(winter.at("/days/0/open/at/observer/local").asText()).isEqualTo("2025-11-25T22:30:00");
        // The day after Thanksgiving closes at 13:00 New York time.
        assertThat(winter.at("/days/2/day").asText()).isEqualTo("2025-11-28");
        assertThat(winter.at("/days/2/close/earlyClose").asBoolean()).isTrue();
        assertThat(winter.at("/days/2/close/at/exchange/local").asText()).isEqualTo("2025-11-28T13:00:00");
        assertThat(winter.at("/days/2/overnight/0/cashKind").asText()).isEqualTo("DEPOSIT_WITHDRAWAL");
        assertThat(winter.at("/days/2/overnight/0/amount").asText()).isEqualTo("7800.00");
        assertThat(winter.at("/summary/2/flows").asText()).isEqualTo("7800.00");
    }
}

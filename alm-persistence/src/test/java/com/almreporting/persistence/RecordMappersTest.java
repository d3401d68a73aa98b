package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.Stock;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each mapper gives back the record it was given, without a database in between. */
class RecordMappersTest {

    private static final Stamp STAMP = new Stamp(TestStatements.ACCOUNT, 7, Instant.parse("2025-07-19T06:00:00Z"));

    @Test
    void everyRowKindSurvivesTheRoundTrip() {
        Statement s = TestStatements.everything();
        s.trades().forEach(t -> assertThat(TradeRecordMapper.toDomain(TradeRecordMapper.toRecord(t, STAMP))).isEqualTo(t));
        s.cashTransactions().forEach(c -> assertThat(
                CashTransactionRecordMapper.toDomain(CashTransactionRecordMapper.toRecord(c, STAMP))).isEqualTo(c));
        s.optionEae().forEach(e -> assertThat(
                OptionEaeRecordMapper.toDomain(OptionEaeRecordMapper.toRecord(e, STAMP))).isEqualTo(e));
        s.officialNavs().forEach(n -> assertThat(
                OfficialNavRecordMapper.toDomain(OfficialNavRecordMapper.toRecord(n, STAMP))).isEqualTo(n));
        s.openPositions().forEach(p -> assertThat(
                OpenPositionRecordMapper.toDomain(OpenPositionRecordMapper.toRecord(p, STAMP))).isEqualTo(p));
        s.conversionRates().forEach(r -> assertThat(
                ConversionRateRecordMapper.toDomain(ConversionRateRecordMapper.toRecord(r, STAMP))).isEqualTo(r));
        ChangeInNav full = TestStatements.changeInNav(TestStatements.JUL_18, "79231.03");
        assertThat(ChangeInNavRecordMapper.toDomain(ChangeInNavRecordMapper.toRecord(full, STAMP))).isEqualTo(full);
    }

    @Test
    void instrumentsKeepTheirKindAndEveryField() {
        for (Instrument i : new Instrument[] {
            Stock.of("BRK B"),
            OptionContract.parseOcc("SPY   250717C00628500"),
            OptionContract.parseOcc("NDXP  250718P20000000", new BigDecimal("100.0")),
            new OtherInstrument("FUT", "ESU5", "ES", new BigDecimal("50")),
            new OtherInstrument("CASH", "EUR.USD", null, null),
        }) {
            assertThat(InstrumentColumns.of(i).toInstrument()).isEqualTo(i);
        }
    }

    @Test
    void noteCodesAreStoredInOneOrderWhateverTheSetsOrder() {
        assertThat(TradeRecordMapper.notes(com.almreporting.domain.model.NoteCodes.parse("P;IA;A"))).isEqualTo("A;IA;P");
        assertThat(TradeRecordMapper.notes(com.almreporting.domain.model.NoteCodes.NONE)).isNull();
    }
}

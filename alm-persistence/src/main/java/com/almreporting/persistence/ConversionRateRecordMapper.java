package com.almreporting.persistence;

import com.almreporting.domain.model.ConversionRate;
import com.almreporting.persistence.jooq.tables.records.ConversionRatesRecord;

/** {@link ConversionRate} ⇄ {@code conversion_rates}, keyed by (report date, from, to): rates belong to no account. */
final class ConversionRateRecordMapper {

    private ConversionRateRecordMapper() {
    }

    static String key(ConversionRate c) {
        return c.reportDate() + "|" + c.fromCurrency() + "|" + c.toCurrency();
    }

    static ConversionRatesRecord toRecord(ConversionRate c, Stamp stamp) {
        ConversionRatesRecord r = new ConversionRatesRecord();
        r.setReportDate(c.reportDate());
        r.setFromCurrency(c.fromCurrency());
        r.setToCurrency(c.toCurrency());
        r.setRate(c.rate());
        r.setStatementId(stamp.statementId());
        r.setWhenGenerated(stamp.whenGenerated());
        return r;
    }

    static ConversionRate toDomain(ConversionRatesRecord r) {
        return new ConversionRate(r.getReportDate(), r.getFromCurrency(), r.getToCurrency(), r.getRate());
    }
}

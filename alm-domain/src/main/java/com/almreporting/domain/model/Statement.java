package com.almreporting.domain.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One Flex {@code FlexStatement}: one account over one period, with the sections the narrative needs.
 * {@code baseCurrency} comes from {@code AccountInformation@currency} and may be null when the section is
 * absent; {@code whenGenerated} orders statements so that an older one never overwrites a newer one.
 * Immutable.
 */
public record Statement(
        AccountId account,
        String baseCurrency,
        LocalDate fromDate,
        LocalDate toDate,
        String period,
        Instant whenGenerated,
        List<TradeRow> trades,
        List<OptionEaeRow> optionEae,
        List<CashTransactionRow> cashTransactions,
        List<OfficialNav> officialNavs,
        ChangeInNav changeInNav,
        List<OpenPositionRow> openPositions,
        List<ConversionRate> conversionRates) {

    public Statement {
        Objects.requireNonNull(account, "account");
        trades = List.copyOf(trades);
        optionEae = List.copyOf(optionEae);
        cashTransactions = List.copyOf(cashTransactions);
        officialNavs = List.copyOf(officialNavs);
        openPositions = List.copyOf(openPositions);
        conversionRates = List.copyOf(conversionRates);
    }
}

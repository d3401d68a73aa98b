package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.ConversionRate;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TradeRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Flex statement of one account; sections empty until added. */
final class StatementBuilder {
    private AccountId account = TestStatements.ACCOUNT;
    private String baseCurrency = "HKD";
    private LocalDate from = LocalDate.of(2025, 7, 1);
    private LocalDate to = LocalDate.of(2025, 7, 18);
    private String period = "MonthToDate";
    private Instant whenGenerated = Instant.parse("2025-07-19T06:00:00Z");
    private final List<TradeRow> trades = new ArrayList<>();
    private final List<OptionEaeRow> optionEae = new ArrayList<>();
    private final List<CashTransactionRow> cash = new ArrayList<>();
    private final List<OfficialNav> navs = new ArrayList<>();
    private ChangeInNav changeInNav;
    private final List<OpenPositionRow> positions = new ArrayList<>();
    private final List<ConversionRate> rates = new ArrayList<>();

    StatementBuilder account(AccountId account) {
        this.account = account;
        return this;
    }

    StatementBuilder baseCurrency(String baseCurrency) {
        this.baseCurrency = baseCurrency;
        return this;
    }

    StatementBuilder period(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        return this;
    }

    StatementBuilder generated(String instant) {
        this.whenGenerated = instant == null ? null : Instant.parse(instant);
        return this;
    }

    StatementBuilder trades(TradeBuilder... builders) {
        Arrays.stream(builders).map(TradeBuilder::build).forEach(trades::add);
        return this;
    }

    StatementBuilder trades(List<TradeRow> rows) {
        trades.addAll(rows);
        return this;
    }

    StatementBuilder optionEae(OptionEaeRow... rows) {
        optionEae.addAll(List.of(rows));
        return this;
    }

    StatementBuilder cash(CashTransactionRow... rows) {
        cash.addAll(List.of(rows));
        return this;
    }

    StatementBuilder navs(OfficialNav... rows) {
        navs.addAll(List.of(rows));
        return this;
    }

    StatementBuilder changeInNav(ChangeInNav change) {
        this.changeInNav = change;
        return this;
    }

    StatementBuilder positions(OpenPositionRow... rows) {
        positions.addAll(List.of(rows));
        return this;
    }

    StatementBuilder rates(ConversionRate... rows) {
        rates.addAll(List.of(rows));
        return this;
    }

    Statement build() {
        return new Statement(account, baseCurrency, from, to, period, whenGenerated, trades, optionEae, cash, navs,
                changeInNav, positions, rates);
    }
}

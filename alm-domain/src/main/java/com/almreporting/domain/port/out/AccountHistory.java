package com.almreporting.domain.port.out;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.TradeRow;
import java.util.List;
import java.util.Objects;

/** The stored rows of one account that a report reads. Immutable. */
public record AccountHistory(
        AccountId account,
        String baseCurrency,
        List<TradeRow> trades,
        List<OptionEaeRow> optionEae,
        List<CashTransactionRow> cashTransactions,
        List<OfficialNav> officialNavs,
        List<ChangeInNav> changesInNav,
        List<OpenPositionRow> openPositions) {

    public AccountHistory {
        Objects.requireNonNull(account, "account");
        trades = List.copyOf(trades);
        optionEae = List.copyOf(optionEae);
        cashTransactions = List.copyOf(cashTransactions);
        officialNavs = List.copyOf(officialNavs);
        changesInNav = List.copyOf(changesInNav);
        openPositions = List.copyOf(openPositions);
    }
}

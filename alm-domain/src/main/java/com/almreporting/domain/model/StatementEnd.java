package com.almreporting.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * What is known of a statement only once all of it has been read: its base currency (from
 * {@code AccountInformation}, which may come anywhere in the statement; null when absent), the broker's official
 * NAVs (a NAV without a currency of its own is in the base currency, so these wait for it) and its
 * {@code ChangeInNAV} (null when absent). One NAV per report date and one ChangeInNAV: small, whatever the number
 * of trades. Immutable.
 */
public record StatementEnd(AccountId account, String baseCurrency, List<OfficialNav> officialNavs,
                           ChangeInNav changeInNav) {

    public StatementEnd {
        Objects.requireNonNull(account, "account");
        officialNavs = List.copyOf(officialNavs);
    }
}

package com.almreporting.domain.model.checkpoint;

import com.almreporting.domain.model.AccountId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The state a report carries out of trading day {@code day} into the next one: open lots, the calculated close
 * and the block counter, exactly as the full walk from the account's first event would have them. A report whose
 * range starts after {@code day} starts from here and reads only the rows dated {@code since} or later.
 *
 * <p>It was computed from the rows dated on or before {@code horizon} (the day plus the report's look-ahead),
 * so any stored change to a row dated on or before {@code horizon} makes it stale: the ledger drops it in the
 * same transaction. Rows dated before {@code since} no longer affect anything after the day's close. It holds
 * for reports built with the same {@code settings} key ({@code ReportSettings.carryKey()}) and the same base
 * currency only. Immutable.
 *
 * @param account         the account
 * @param day             the trading day whose close it follows
 * @param since           the earliest business date a report resuming here must read
 * @param horizon         the latest business date of the rows it was computed from
 * @param settings        the key of the report settings that shape what is carried
 * @param baseCurrency    the account's base currency it was computed with, if known
 * @param calculatedClose the calculated NAV at the day's close, if known
 * @param blockSequence   the number of the last block or booking told
 * @param holdings        the open holdings
 */
public record Checkpoint(AccountId account, LocalDate day, LocalDate since, LocalDate horizon, String settings,
                         String baseCurrency, BigDecimal calculatedClose, int blockSequence,
                         List<CarriedHolding> holdings) {

    /** Checks the fields and copies the holdings. */
    public Checkpoint {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(settings, "settings");
        holdings = List.copyOf(holdings);
        if (since.isAfter(day) || horizon.isBefore(day)) {
            throw new IllegalArgumentException("a checkpoint of " + day + " needs since <= day <= horizon, was "
                    + since + " and " + horizon);
        }
    }
}

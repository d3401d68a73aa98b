package com.almreporting.domain.model.event;

import com.almreporting.domain.model.AccountId;
import java.time.Instant;

/**
 * Something that happened to the account at an instant: the classified form of statement rows, in the order
 * the narrative tells them. Exhaustive: execution, assignment, exercise, expiration, cash event.
 */
public sealed interface AccountEvent permits Execution, Assignment, Exercise, Expiration, CashEvent {

    /** The broker key of the event (its first row's transaction id, or a row key). */
    String key();

    AccountId account();

    Instant at();
}

package com.almreporting.domain.report;

import com.almreporting.domain.model.Instrument;
import java.math.BigDecimal;

/**
 * A position held at a moment: signed quantity (contracts or shares), and whether its whole premium is already
 * in the calculated NAV (a 0DTE short sold under the premium-at-sale policy). Immutable.
 */
public record HeldPosition(Instrument instrument, BigDecimal quantity, boolean premiumRecognised) {
}

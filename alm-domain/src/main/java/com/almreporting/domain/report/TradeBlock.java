package com.almreporting.domain.report;

import com.almreporting.domain.calendar.TradingDayWindow;
import com.almreporting.domain.model.event.Execution;
import java.time.Instant;
import java.util.List;

/**
 * Executions no more than the block gap apart, told as one bullet with their net P&amp;L and the positions they
 * left in the contracts they touched. Immutable.
 */
public record TradeBlock(BlockKind kind, TradingDayWindow.Section section, List<Execution> executions,
                         PnlBreakdown pnl, NavStep nav, List<HeldPosition> positionsAfter) implements NarrativeItem {
    public TradeBlock {
        executions = List.copyOf(executions);
        positionsAfter = List.copyOf(positionsAfter);
        if (executions.isEmpty()) {
            throw new IllegalArgumentException("a block has at least one execution");
        }
    }

    @Override
    public Instant start() {
        return executions.get(0).at();
    }

    @Override
    public Instant end() {
        return executions.get(executions.size() - 1).at();
    }
}

package com.almreporting.domain.port.out;

import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ConversionRate;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementEnd;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.model.StatementHeader;
import com.almreporting.domain.model.TradeRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The handler behind {@link StatementParser#parse}: keeps every row and gives the whole file as a
 * {@link StatementFile}. Memory grows with the file; use {@link StatementParser#stream} with a handler of one's own
 * when it must not. One collector per file; not thread-safe.
 */
public final class StatementCollector implements StatementHandler {

    private final List<Statement> statements = new ArrayList<>();
    private String source;
    private String queryName;
    private String type;
    private StatementHeader header;
    private List<TradeRow> trades;
    private List<OptionEaeRow> optionEae;
    private List<CashTransactionRow> cash;
    private List<OpenPositionRow> openPositions;
    private List<ConversionRate> conversionRates;

    /** An empty collector. */
    public StatementCollector() {
    }

    @Override
    public void file(String source, String queryName, String type) {
        this.source = source;
        this.queryName = queryName;
        this.type = type;
    }

    @Override
    public void startStatement(StatementHeader header) {
        if (this.header != null) {
            throw new IllegalStateException("statement of " + header.account() + " started inside the statement of "
                    + this.header.account());
        }
        this.header = header;
        trades = new ArrayList<>();
        optionEae = new ArrayList<>();
        cash = new ArrayList<>();
        openPositions = new ArrayList<>();
        conversionRates = new ArrayList<>();
    }

    @Override
    public void trade(TradeRow row) {
        requireStatement();
        trades.add(row);
    }

    @Override
    public void optionEae(OptionEaeRow row) {
        requireStatement();
        optionEae.add(row);
    }

    @Override
    public void cashTransaction(CashTransactionRow row) {
        requireStatement();
        cash.add(row);
    }

    @Override
    public void openPosition(OpenPositionRow row) {
        requireStatement();
        openPositions.add(row);
    }

    @Override
    public void conversionRate(ConversionRate rate) {
        requireStatement();
        conversionRates.add(rate);
    }

    @Override
    public void endStatement(StatementEnd end) {
        requireStatement();
        StatementHeader h = header;
        statements.add(new Statement(h.account(), end.baseCurrency(), h.fromDate(), h.toDate(), h.period(),
                h.whenGenerated(), trades, optionEae, cash, end.officialNavs(), end.changeInNav(), openPositions,
                conversionRates));
        header = null;
        trades = null;
        optionEae = null;
        cash = null;
        openPositions = null;
        conversionRates = null;
    }

    /** The file read so far: its complete statements. */
    public StatementFile result() {
        if (source == null) {
            throw new IllegalStateException("no file was read");
        }
        return new StatementFile(source, queryName, type, statements);
    }

    private void requireStatement() {
        if (header == null) {
            throw new IllegalStateException("a row outside a statement");
        }
    }
}

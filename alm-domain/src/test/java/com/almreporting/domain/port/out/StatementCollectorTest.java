package com.almreporting.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.fixtures.GroundTruth;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementEnd;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.model.StatementHeader;
import com.almreporting.domain.model.TradeRow;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementCollectorTest {

    private static final Statement GT = GroundTruth.statement();

    /** Hands the collector what a parser would stream for {@code statement}. */
    private static void replay(StatementHandler handler, Statement statement) {
        handler.startStatement(new StatementHeader(statement.account(), statement.fromDate(), statement.toDate(),
                statement.period(), statement.whenGenerated()));
        statement.trades().forEach(handler::trade);
        statement.optionEae().forEach(handler::optionEae);
        statement.cashTransactions().forEach(handler::cashTransaction);
        statement.openPositions().forEach(handler::openPosition);
        statement.conversionRates().forEach(handler::conversionRate);
        handler.endStatement(new StatementEnd(statement.account(), statement.baseCurrency(), statement.officialNavs(),
                statement.changeInNav()));
    }

    @Test
    void theCollectedStatementIsTheStatementThatWasStreamed() {
        StatementCollector collector = new StatementCollector();
        collector.file("gt.xml", "daily", "AF");
        replay(collector, GT);
        Statement other = new Statement(AccountId.of("U1111111"), "CHF", GT.fromDate(), GT.toDate(), GT.period(),
                GT.whenGenerated(), List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of());
        replay(collector, other);

        assertThat(collector.result()).isEqualTo(new StatementFile("gt.xml", "daily", "AF", List.of(GT, other)));
    }

    @Test
    void rowsOutsideAStatementAndResultsWithoutAFileAreMistakes() {
        StatementCollector collector = new StatementCollector();
        TradeRow trade = GT.trades().get(0);
        assertThatThrownBy(() -> collector.trade(trade)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(collector::result).isInstanceOf(IllegalStateException.class);
        collector.file("x.xml", null, null);
        collector.startStatement(new StatementHeader(GT.account(), null, null, null, null));
        assertThatThrownBy(() -> collector.startStatement(new StatementHeader(GT.account(), null, null, null, null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theParsersCollectingParseIsItsStreamThroughACollector() throws Exception {
        StatementParser parser = new StatementParser() {
            @Override
            public void stream(Path file, StatementHandler handler) {
                handler.file(file.getFileName().toString(), "q", "AF");
                replay(handler, GT);
            }

            @Override
            public void stream(InputStream in, String sourceName, StatementHandler handler) {
                handler.file(sourceName, "q", "AF");
                replay(handler, GT);
            }
        };
        assertThat(parser.parse(Path.of("dir", "a.xml"))).isEqualTo(new StatementFile("a.xml", "q", "AF", List.of(GT)));
        assertThat(parser.parse(new ByteArrayInputStream(new byte[0]), "b.xml"))
                .isEqualTo(new StatementFile("b.xml", "q", "AF", List.of(GT)));
    }
}

package com.almreporting.flex.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementEnd;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TransactionId;
import com.almreporting.domain.port.out.StatementHandler;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A statement far larger than any real one, generated on the fly and never held as a whole in memory: collected, and
 * streamed through a handler that keeps nothing.
 */
class LargeFileTest {

    private static final int ROWS = 200_000;

    @Test
    void twoHundredThousandTradesStreamThrough() throws Exception {
        GeneratedStatement in = new GeneratedStatement(ROWS);
        Statement s = new FlexStatementParser().parse(in, "generated.xml").statements().get(0);

        assertThat(s.trades()).hasSize(ROWS);
        assertThat(s.trades().get(0).transactionId()).isEqualTo(TransactionId.of("1000000000"));
        assertThat(s.trades().get(ROWS - 1).transactionId()).isEqualTo(TransactionId.of(String.valueOf(1_000_000_000L + ROWS - 1)));
        assertThat(in.bytesServed()).isGreaterThan(40L * ROWS);
    }

    @Test
    void aHandlerThatKeepsNothingStreamsThemThroughWithoutTheParserHoldingAnyRow() throws Exception {
        GeneratedStatement in = new GeneratedStatement(ROWS);
        Forgetful handler = new Forgetful();

        new FlexStatementParser().stream(in, "generated.xml", handler);

        assertThat(handler.trades).isEqualTo(ROWS);
        assertThat(handler.last).isEqualTo(TransactionId.of(String.valueOf(1_000_000_000L + ROWS - 1)));
        assertThat(handler.firstCollectedWhileStreaming)
                .as("the first trade could be collected while the rest still streamed: nothing in the parser held it")
                .isTrue();
        assertThat(handler.ended).isTrue();
    }

    /** Counts the trades and keeps only a weak reference to the first and the id of the last. */
    private static final class Forgetful implements StatementHandler {
        long trades;
        TransactionId last;
        WeakReference<TradeRow> first;
        boolean firstCollectedWhileStreaming;
        boolean ended;

        @Override
        public void trade(TradeRow row) {
            trades++;
            last = row.transactionId();
            if (trades == 1) {
                first = new WeakReference<>(row);
            } else if (trades == ROWS / 2) {
                firstCollectedWhileStreaming = collected(first);
            }
        }

        @Override
        public void endStatement(StatementEnd end) {
            ended = true;
        }

        private static boolean collected(WeakReference<?> reference) {
            for (int attempt = 0; attempt < 20 && reference.get() != null; attempt++) {
                System.gc();
            }
            return reference.get() == null;
        }
    }

    /** A Flex document produced row by row as it is read. */
    private static final class GeneratedStatement extends InputStream {
        private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<FlexQueryResponse queryName=\"big\" type=\"AF\"><FlexStatements count=\"1\">\n"
                + "<FlexStatement accountId=\"U7654321\" fromDate=\"20250701\" toDate=\"20250731\" period=\"MonthToDate\""
                + " whenGenerated=\"20250801;051500\">\n<Trades>\n";
        private static final String FOOTER = "</Trades>\n</FlexStatement></FlexStatements></FlexQueryResponse>\n";

        private final int rows;
        private int next = -1;
        private byte[] chunk = HEADER.getBytes(StandardCharsets.UTF_8);
        private int pos;
        private long served;

        GeneratedStatement(int rows) {
            this.rows = rows;
        }

        long bytesServed() {
            return served;
        }

        private boolean fill() {
            while (pos >= chunk.length) {
                next++;
                if (next < rows) {
                    chunk = row(next).getBytes(StandardCharsets.UTF_8);
                } else if (next == rows) {
                    chunk = FOOTER.getBytes(StandardCharsets.UTF_8);
                } else {
                    return false;
                }
                pos = 0;
            }
            return true;
        }

        private static String row(int i) {
            int second = i % 60;
            int minute = (i / 60) % 60;
            return "<Trade currency=\"USD\" assetCategory=\"STK\" symbol=\"SPY\" transactionID=\"" + (1_000_000_000L + i)
                    + "\" dateTime=\"20250717;10" + two(minute) + two(second) + "\" quantity=\"1\" tradePrice=\"628\""
                    + " proceeds=\"-628\" ibCommission=\"-1\" openCloseIndicator=\"O\"/>\n";
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : Integer.toString(n);
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            served++;
            return chunk[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            served += n;
            return n;
        }
    }
}

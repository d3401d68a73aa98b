package com.almreporting.flex.parser;

import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.port.out.StatementHandler;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Parse benchmark (a main, not a test): generates a statement of N trades (default 100,000, about 170 MB) into a
 * temporary file, then times three passes over it, 3 runs each: a bare StAX pass that only reads every attribute
 * (the practical limit), {@link FlexStatementParser#stream} with a handler that counts the trades and keeps
 * nothing, and {@link FlexStatementParser#parse} (every row collected). For each: wall time, MB/s and trades/s;
 * the parsing thread's CPU time and the MB/s it implies (less disturbed by other processes on a shared machine;
 * the collector's threads are not in it); the peak heap used (sampled every 5 ms, garbage included), the peak heap
 * left after a GC during the pass (what the pass really holds) and the heap the result holds afterwards. A pass that runs out of memory is reported as such and the
 * others go on.
 *
 * <pre>
 * mvn -B -o -q -pl alm-flex-adapter -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt \
 *     -Dmdep.includeScope=test
 * java -Xmx256m -cp alm-flex-adapter/target/test-classes:alm-flex-adapter/target/classes:$(cat /tmp/cp.txt) \
 *     com.almreporting.flex.parser.FlexParseBenchmark [trades] [runs]
 * </pre>
 */
public final class FlexParseBenchmark {

    private static final AtomicLong PEAK_USED = new AtomicLong();
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

    private FlexParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = Files.createTempFile("flex-bench-", ".xml");
        try {
            long t0 = System.nanoTime();
            FlexStatementGenerator.write(file, trades);
            double mb = Files.size(file) / 1e6;
            System.out.printf(Locale.ROOT, "generated %,d trades, %.1f MB in %.1f s; max heap %d MB; %d CPUs%n",
                    trades, mb, (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            watchHeap();

            FlexStatementParser parser = new FlexStatementParser();
            for (int run = 1; run <= runs; run++) {
                measure("bare StAX ", run, mb, trades, () -> bareStax(file));
            }
            for (int run = 1; run <= runs; run++) {
                measure("streaming ", run, mb, trades, () -> {
                    TradeCounter counter = new TradeCounter();
                    parser.stream(file, counter);
                    return counter.check(trades);
                });
            }
            for (int run = 1; run <= runs; run++) {
                measure("collecting", run, mb, trades, () -> {
                    StatementFile parsed = parser.parse(file);
                    if (parsed.statements().get(0).trades().size() != trades) {
                        throw new IllegalStateException("expected " + trades + " trades");
                    }
                    return parsed;
                });
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    interface Pass {
        /** Returns what the pass produced; it is held while the heap it retains is measured. */
        Object run() throws Exception;
    }

    /** Counts trades and folds their ids, so that nothing is kept and the work cannot be optimised away. */
    private static final class TradeCounter implements StatementHandler {
        private long trades;
        private long fold;

        @Override
        public void trade(TradeRow row) {
            trades++;
            fold += row.transactionId().value().length() + row.quantity().signum();
        }

        long check(int expected) {
            if (trades != expected) {
                throw new IllegalStateException("expected " + expected + " trades, got " + trades);
            }
            return fold;
        }
    }

    private static void measure(String what, int run, double mb, int trades, Pass pass) throws Exception {
        System.gc();
        PEAK_USED.set(used());
        PEAK_AFTER_GC.set(0);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Object result;
        try {
            result = pass.run();
        } catch (OutOfMemoryError e) {
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s run %d: OutOfMemoryError after %.2f s (%s)%n", what, run, s,
                    e.getMessage());
            return;
        }
        double s = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long peak = PEAK_USED.get();
        long peakAfterGc = PEAK_AFTER_GC.get();
        System.gc();
        long retained = used();
        System.out.printf(Locale.ROOT, "%s run %d: %6.2f s  %6.1f MB/s  %,9.0f trades/s  (thread CPU %6.2f s"
                        + "  %6.1f MB/s)  peak heap used %4d MB  peak after GC %4d MB  held by result %4d MB%n", what,
                run, s, mb / s, trades / s, cpu, mb / cpu, peak >> 20, peakAfterGc >> 20, retained >> 20);
        if (result == null) {
            throw new IllegalStateException();
        }
    }

    /** Every attribute of every element read as a String, nothing kept: what any StAX consumer must at least pay. */
    private static long bareStax(Path file) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        long chars = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        chars += reader.getAttributeLocalName(i).length() + reader.getAttributeValue(i).length();
                    }
                }
            }
            reader.close();
        }
        return chars;
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A sampler of the heap in use, and a listener that keeps the largest heap left after any collection. */
    private static void watchHeap() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                PEAK_AFTER_GC.accumulateAndGet(after, Math::max);
            }, null, null);
        }
        Thread sampler = new Thread(() -> {
            while (true) {
                PEAK_USED.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }
}

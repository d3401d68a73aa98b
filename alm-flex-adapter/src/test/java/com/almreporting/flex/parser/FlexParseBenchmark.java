package com.almreporting.flex.parser;

import com.almreporting.domain.model.StatementFile;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Parse benchmark (a main, not a test): generates a statement of N trades (default 100,000, about 170 MB) into a
 * temporary file, then times {@link FlexStatementParser} against a bare StAX pass that only reads every attribute
 * (the practical limit), 3 runs each, with throughput in MB/s and trades/s and the peak heap seen.
 *
 * <pre>
 * mvn -B -o -q -pl alm-flex-adapter test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt \
 *     -Dmdep.includeScope=test
 * java -Xmx256m -cp alm-flex-adapter/target/test-classes:alm-flex-adapter/target/classes:$(cat /tmp/cp.txt) \
 *     com.almreporting.flex.parser.FlexParseBenchmark [trades] [runs]
 * </pre>
 */
public final class FlexParseBenchmark {

    private static final AtomicLong PEAK = new AtomicLong();

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
            System.out.printf(Locale.ROOT, "generated %,d trades, %.1f MB in %.1f s; max heap %d MB%n", trades, mb,
                    (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
            Thread sampler = new Thread(FlexParseBenchmark::sample, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();

            for (int run = 1; run <= runs; run++) {
                measure("bare StAX ", run, mb, trades, () -> new long[] {bareStax(file)});
            }
            for (int run = 1; run <= runs; run++) {
                measure("FlexParser", run, mb, trades, () -> {
                    StatementFile parsed = new FlexStatementParser().parse(file);
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
        /** Returns what the pass produced; it is held while the live heap is measured. */
        Object run() throws Exception;
    }

    private static void measure(String what, int run, double mb, int trades, Pass pass) throws Exception {
        System.gc();
        PEAK.set(used());
        long start = System.nanoTime();
        Object result = pass.run();
        double s = (System.nanoTime() - start) / 1e9;
        long peak = PEAK.get();
        System.gc();
        long retained = used();
        System.out.printf(Locale.ROOT, "%s run %d: %6.2f s  %6.1f MB/s  %,9.0f trades/s  peak heap %4d MB"
                + "  live after GC, result held %4d MB%n", what, run, s, mb / s, trades / s, peak >> 20,
                retained >> 20);
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

    private static void sample() {
        while (true) {
            PEAK.accumulateAndGet(used(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

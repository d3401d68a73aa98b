package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.almreporting.gateway.fake.FakeAccount;
import com.almreporting.gateway.fake.FakeGateway;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in a real browser: the ground-truth statement ingested into an embedded PostgreSQL, {@code alm serve}
 * in-process on a free port with the fake IB Gateway for its live row, and Debian's Chromium, headless, reading the
 * pages: the report's figures from the DOM it built, and screenshots of the index and of the report under
 * {@code target/} ({@code dashboard.png}, {@code dashboard-report.png}). Chromium logs the pages' console to stderr,
 * so a page that tried to fetch anything its Content-Security-Policy forbids fails the test. Skipped where no
 * Chromium is installed; {@code ALM_CHROMIUM} names another binary.
 */
class DashboardBrowserIT {

    private static final Path TARGET = Path.of("target");
    private static final int BROWSER_SECONDS = 90;
    private static final String NO_CHROMIUM = "no Chromium installed (ALM_CHROMIUM, /usr/bin/chromium or chromium on "
            + "PATH): the browser test is skipped; install Debian's chromium package to run it";

    @TempDir
    static Path work;

    private static Path chromium;
    private static FakeGateway gateway;
    private static ServeRun serve;

    @BeforeAll
    static void serveTheGroundTruth() throws Exception {
        chromium = chromium().orElse(null);
        if (chromium == null) {
            System.err.println("DashboardBrowserIT: " + NO_CHROMIUM);
            return; // every test is skipped, each with the message (a class-level skip would be reported without it)
        }
        String dbPort = ServeRun.freePort();
        Path dataDir = Files.createDirectories(work.resolve("data"));
        CliRun ingest = CliRun.of(ServeRun.withDatabase(dataDir, dbPort, "ingest",
                ReplayCommandTest.SAMPLES.resolve("ground-truth-2025-07.xml").toString()));
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        gateway = FakeGateway.serving(FakeAccount.sample(LocalDate.of(2025, 7, 18))).start();
        serve = ServeRun.start(dataDir, dbPort, "serve", "--port", "0", "--gateway-port", Integer.toString(gateway.port()),
                "--gateway-timeout", "5");
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, NO_CHROMIUM);
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** {@code ALM_CHROMIUM} when set (a path), else Debian's {@code /usr/bin/chromium} or {@code chromium} on the PATH. */
    private static Optional<Path> chromium() {
        String configured = System.getenv("ALM_CHROMIUM");
        Stream<Path> candidates = configured != null && !configured.isBlank() ? Stream.of(Path.of(configured))
                : Stream.concat(Stream.of(Path.of("/usr/bin/chromium")),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                                .filter(d -> !d.isBlank()).map(d -> Path.of(d, "chromium")));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    @Test
    void theReportPageShowsTheGroundTruthFigures() throws Exception {
        Browser run = browse("--dump-dom", serve.url() + "report?from=2025-07-17&to=2025-07-18&account=U7654321");
        assertThat(run.stdout()).contains("NAV Narrative: account U***4321, 2025-07-17 to 2025-07-18")
                .contains("79,402.22", "78,609.37", "79,200.01", "79,231.03", "+31.02 (Reconciliation)")
                .contains("<svg").doesNotContain("U7654321");
        assertThat(run.stderr()).doesNotContain("Content Security Policy");
    }

    @Test
    void screenshotsOfTheIndexAndOfTheReport() throws Exception {
        Path index = TARGET.resolve("dashboard.png").toAbsolutePath();
        Browser shot = browse("--screenshot=" + index, "--window-size=1200,2000", serve.url());
        assertThat(shot.stderr()).doesNotContain("Content Security Policy");
        assertNonTrivialPng(index);

        Path report = TARGET.resolve("dashboard-report.png").toAbsolutePath();
        shot = browse("--screenshot=" + report, "--window-size=1200,2000",
                serve.url() + "report?from=2025-07-17&to=2025-07-18&account=U7654321");
        assertThat(shot.stderr()).doesNotContain("Content Security Policy");
        assertNonTrivialPng(report);
    }

    @Test
    void theIndexShowsTheDaysAndTheLiveNav() throws Exception {
        Browser run = browse("--dump-dom", serve.url());
        assertThat(run.stdout()).contains(">2025-07-18</a>", ">79,231.03<", ">2025-07-17</a>", ">79,754.81<")
                .contains("NAV now: 1,234,567.89 HKD").doesNotContain(FakeAccount.SAMPLE_ACCOUNT);
    }

    private static void assertNonTrivialPng(Path png) throws IOException {
        assertThat(png).exists();
        assertThat(Files.size(png)).as("size of %s", png).isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s decodes as an image", png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(2000);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("distinct colours in %s", png).hasSizeGreaterThan(20);
    }

    private record Browser(String stdout, String stderr) {
    }

    /** Runs headless Chromium with a profile of its own; stdout and stderr go to files (no pipe to fill). */
    private static Browser browse(String... args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, "chromium");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(BROWSER_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("Chromium did not finish within " + BROWSER_SECONDS + " s: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("Chromium exit code; stderr:%n%s", stderr).isZero();
        return new Browser(Files.readString(out, StandardCharsets.UTF_8), stderr);
    }
}

package com.almreporting.cli;

import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.almreporting.flex.client.FakeFlexServer;
import com.almreporting.flex.client.FakeFlexServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements and the ledger are personal: whatever the umask, what alm creates in its data directory is its owner's
 * alone. Each test runs the CLI as a child process under {@code umask 000} (the most permissive there is) on a data
 * directory that does not exist yet, then walks it: every directory {@code rwx------}, every file {@code rw-------}
 * (PostgreSQL's own files in {@code pgdata/} included). Uses the embedded database, the default set-up, so it does not
 * run again when {@code ALM_TEST_DB_URL} points the ITs at a server.
 */
@DisabledIfEnvironmentVariable(named = "ALM_TEST_DB_URL", matches = ".+")
class FilePermissionsIT {

    private static final String OWNER_ONLY_DIRECTORY = "rwx------";
    private static final String OWNER_ONLY_FILE = "rw-------";

    @TempDir
    Path root;

    @BeforeAll
    static void posixOnly() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    }

    @Test
    void ingestUnderAPermissiveUmaskCreatesAnOwnerOnlyDataDirectory() throws Exception {
        Path dataDir = root.resolve("home/.local/share/alm");

        Child run = alm(dataDir, "ingest", UpdateFixtures.GROUND_TRUTH.toAbsolutePath().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("22 inserted");
        assertThat(mode(root.resolve("home"))).as("a missing parent").isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(mode(dataDir)).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(mode(dataDir.resolve("pgdata"))).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertEverythingIsOwnerOnly(dataDir);
    }

    @Test
    void updateUnderAPermissiveUmaskArchivesOwnerOnly() throws Exception {
        Path dataDir = root.resolve("var/lib/alm");
        Child run;
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(Reply.xml(UpdateFixtures.groundTruth()));
            List<String> args = UpdateFixtures.updateArgs(ibkr, root);
            args.remove(0);
            run = alm(dataDir, "update", args.toArray(String[]::new));
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ALM_Daily_MTD_20250718.xml: account U***4321: 22 inserted");
        assertThat(mode(dataDir)).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(mode(dataDir.resolve(UpdateCommand.LOCK_FILE))).isEqualTo(OWNER_ONLY_FILE);
        assertThat(mode(dataDir.resolve("ibkr_flexquery/.staging"))).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(mode(dataDir.resolve(UpdateFixtures.ARCHIVED))).isEqualTo(OWNER_ONLY_FILE);
        assertEverythingIsOwnerOnly(dataDir);
    }

    /** The CLI's output and exit code, run as a child under umask 000 with {@code --data-dir dataDir}. */
    private record Child(int exitCode, String out, String err) {
    }

    private Child alm(Path dataDir, String command, String... args) throws IOException, InterruptedException {
        String port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = Integer.toString(s.getLocalPort());
        }
        List<String> line = new ArrayList<>(List.of("/bin/sh", "-c", "umask 000 && exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AlmCommand.class.getName(), command));
        line.addAll(List.of(args));
        line.addAll(List.of("--data-dir", dataDir.toString(), "--db-port", port));
        Path out = root.resolve(command + ".out");
        Path err = root.resolve(command + ".err");
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ALM_") || k.startsWith("IBKR_"));
        Process child = builder.start();
        try {
            assertThat(child.waitFor(300, TimeUnit.SECONDS)).as("the child ends").isTrue();
        } finally {
            child.destroyForcibly();
        }
        return new Child(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertEverythingIsOwnerOnly(Path dataDir) throws IOException {
        TreeMap<String, String> open = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                boolean others = perms.stream().anyMatch(x -> x.name().startsWith("GROUP_") || x.name().startsWith("OTHERS_"));
                if (others) {
                    open.put(dataDir.relativize(p).toString(), PosixFilePermissions.toString(perms));
                }
            }
        }
        assertThat(open).as("files and directories that others may read, write or enter").isEmpty();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}

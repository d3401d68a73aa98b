package com.almreporting.cli;

import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.persistence.PersistenceModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code alm ingest FILE…}: parse Flex files and upsert them into the database, idempotently. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Parse Flex statement files and store them in the database (idempotent: re-ingesting changes nothing).")
final class IngestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    StatementOptions statements = new StatementOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Flex XML statement files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Parse everything first: a bad file is rejected before the database is touched.
        List<StatementFile> parsed = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (Path file : files) {
            try {
                digests.add(sha256(file));
                parsed.add(statements.parser().parse(file));
            } catch (StatementRejectedException e) {
                err.println("alm ingest: statement rejected, nothing stored: " + e.getMessage());
                return ExitCode.INPUT_REJECTED;
            } catch (IOException e) {
                err.println("alm ingest: cannot read " + file + ": " + e.getMessage());
                return ExitCode.INPUT_REJECTED;
            }
        }
        try (PersistenceModule db = DatabaseSession.open(database, true)) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                StatementOrigin origin = new StatementOrigin(file.getFileName().toString(), digests.get(i));
                for (Statement statement : parsed.get(i).statements()) {
                    IngestCounts counts = db.ledger().store(statement, origin);
                    out.println(file.getFileName() + ": account " + statement.account().masked() + " "
                            + statement.fromDate() + ".." + statement.toDate() + ": " + counts.inserted() + " inserted, "
                            + counts.updated() + " updated, " + counts.unchanged() + " unchanged, " + counts.keptNewer()
                            + " kept (newer statement already stored)");
                }
            }
            out.flush();
            return ExitCode.OK;
        } catch (DatabaseSession.Unavailable e) {
            err.println("alm ingest: " + e.getMessage());
            return ExitCode.DATABASE;
        } catch (RuntimeException e) {
            err.println("alm ingest: database error, this file's statement was rolled back: " + DatabaseSession.rootMessage(e));
            return ExitCode.DATABASE;
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

package com.almreporting.cli;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.service.CheckpointService;
import com.almreporting.persistence.PersistenceModule;
import java.io.IOException;
import java.io.OutputStream;
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
        IngestProgress progress = IngestProgress.forTerminal(err);
        List<StatementFile> parsed = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (Path file : files) {
            // One read per file: the digest the statements row records is taken while the parser reads.
            try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
                String name = file.getFileName().toString();
                parsed.add(statements.parser().parse(progress.parsing(in, name, Files.size(file)), name));
                in.transferTo(OutputStream.nullOutputStream()); // whatever follows the root element
                digests.add(HexFormat.of().formatHex(in.getMessageDigest().digest()));
            } catch (StatementRejectedException e) {
                progress.done();
                err.println("alm ingest: statement rejected, nothing stored: " + e.getMessage());
                return ExitCode.INPUT_REJECTED;
            } catch (IOException e) {
                progress.done();
                err.println("alm ingest: cannot read " + file + ": " + e.getMessage());
                return ExitCode.INPUT_REJECTED;
            }
        }
        progress.done();
        int current = 0; // the file being stored, for the message should the database fail
        boolean checkpointsFailed = false;
        try (PersistenceModule db = DatabaseSession.open(database, true)) {
            for (; current < files.size(); current++) {
                Path file = files.get(current);
                StatementOrigin origin = new StatementOrigin(file.getFileName().toString(), digests.get(current));
                List<Statement> inFile = parsed.get(current).statements();
                for (int s = 0; s < inFile.size(); s++) {
                    Statement statement = inFile.get(s);
                    progress.storing(file.getFileName().toString(), s + 1, inFile.size(), rows(statement));
                    IngestCounts counts = db.ledger().store(statement, origin);
                    progress.done();
                    out.println(file.getFileName() + ": account " + statement.account().masked() + " "
                            + statement.fromDate() + ".." + statement.toDate() + ": " + counts.inserted() + " inserted, "
                            + counts.updated() + " updated, " + counts.unchanged() + " unchanged, " + counts.keptNewer()
                            + " kept (newer statement already stored)");
                    try {
                        new CheckpointService(db.ledger(), NyseCalendar.instance()).refresh(statement.account());
                    } catch (RuntimeException e) {
                        // The statement is committed (saying "rolled back" would be false), and the other files can
                        // still be stored: the checkpoints are a shortcut for reports, not part of the books.
                        out.flush();
                        err.println("alm ingest: " + file.getFileName() + " was stored, but updating the report checkpoints"
                                + " of account " + statement.account().masked() + " failed (reports stay correct, only"
                                + " slower; the next ingest retries): " + DatabaseSession.rootMessage(e));
                        checkpointsFailed = true;
                    }
                }
            }
            out.flush();
            return checkpointsFailed ? ExitCode.DATABASE : ExitCode.OK;
        } catch (DatabaseSession.Unavailable e) {
            progress.done();
            err.println("alm ingest: " + e.getMessage());
            return ExitCode.DATABASE;
        } catch (RuntimeException e) {
            progress.done();
            out.flush();
            List<String> notStored = files.subList(current, files.size()).stream().map(f -> f.getFileName().toString()).toList();
            err.println("alm ingest: database error while storing " + files.get(current).getFileName() + "; the statement"
                    + " being stored was rolled back" + (notStored.size() > 1 ? " (not stored either: " + String.join(", ",
                    notStored.subList(1, notStored.size())) + ")" : "") + ": " + DatabaseSession.rootMessage(e));
            return ExitCode.DATABASE;
        }
    }

    private static int rows(Statement statement) {
        return statement.trades().size() + statement.cashTransactions().size() + statement.officialNavs().size()
                + statement.openPositions().size() + statement.optionEae().size();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

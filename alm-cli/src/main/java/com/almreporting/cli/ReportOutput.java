package com.almreporting.cli;

import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the report-writing commands share: the format, where the report goes, and the optional live day. */
final class ReportOutput {

    @Option(names = "--format", defaultValue = "md", description = "Output format: md (default), html or json.")
    String format;

    @Option(names = "--out", description = "Write the report to this file instead of standard output.")
    Path out;

    @Option(names = "--live", description = "Add today's trading day from IB Gateway: a live summary row and a current-day "
            + "section ending at the snapshot (gateway from IB_GATEWAY_* or the options below).")
    boolean live;

    @Mixin
    GatewayOptions gateway = new GatewayOptions();

    /** The command cannot go on: its message is printed; {@link #exitCode} ends it. */
    static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Stop(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    ReportRenderer renderer(String command, PrintWriter err) throws Stop {
        return Formats.renderer(format).orElseThrow(() -> {
            err.println(command + ": unknown --format '" + format + "' (expected " + Formats.NAMES + ")");
            return new Stop(ExitCode.USAGE);
        });
    }

    /** The gateway snapshot with {@code --live}, else null. */
    LiveSnapshot snapshot(String command, PrintWriter err) throws Stop {
        if (!live) {
            return null;
        }
        try {
            return gateway.snapshot();
        } catch (LiveAccountUnavailableException e) {
            err.println(command + ": --live: IB Gateway unavailable (" + e.reason() + "): " + e.getMessage());
            throw new Stop(ExitCode.BROKER_UNAVAILABLE);
        }
    }

    /** Writes the report to {@code --out} or standard output; returns the exit code. */
    int write(String command, String text, PrintWriter stdout, PrintWriter err) {
        try {
            if (out == null) {
                stdout.print(text);
                stdout.flush();
            } else {
                Files.writeString(out, text, StandardCharsets.UTF_8);
            }
            return ExitCode.OK;
        } catch (IOException e) {
            err.println(command + ": cannot write " + out + ": " + e.getMessage());
            return ExitCode.INPUT_REJECTED;
        }
    }
}

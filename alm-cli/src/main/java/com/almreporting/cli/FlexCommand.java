package com.almreporting.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alm flex …}: work with Flex statement files. */
@Command(name = "flex", mixinStandardHelpOptions = true, description = "Work with IBKR Flex statement files.",
        subcommands = {FlexCheckCommand.class})
final class FlexCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

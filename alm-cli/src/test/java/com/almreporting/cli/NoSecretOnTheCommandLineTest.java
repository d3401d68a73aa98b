package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command line is public: {@code ps}, {@code /proc/PID/cmdline} and shell history show it to others. So no option of
 * any command (hidden ones included) takes the Flex token or a database password: the token comes from the
 * environment or a file ({@code --token-file} names the file), the password from {@code ALM_DB_PASSWORD}, and
 * {@code --db-url} refuses a URL that carries one.
 */
class NoSecretOnTheCommandLineTest {

    private static final Pattern SECRET = Pattern.compile("(?i)token|passw|pwd|secret|credential|api.?key");

    @Test
    void noOptionOrParameterOfAnyCommandTakesASecret() {
        List<String> named = new ArrayList<>();
        List<CommandSpec> commands = commands(new CommandLine(new AlmCommand()).getCommandSpec());
        assertThat(commands).extracting(CommandSpec::qualifiedName)
                .contains("alm update", "alm ingest", "alm serve", "alm flex check", "alm db migrate");
        for (CommandSpec command : commands) {
            for (ArgSpec arg : command.args()) {
                String name = arg instanceof OptionSpec o ? String.join("|", o.names())
                        : ((PositionalParamSpec) arg).paramLabel();
                String said = name + " " + arg.paramLabel() + " " + String.join(" ", arg.description());
                if (SECRET.matcher(name).find() || SECRET.matcher(arg.paramLabel()).find()) {
                    named.add(command.qualifiedName() + " " + name + " " + arg.type().getSimpleName());
                }
                assertThat(said).as("%s of %s", name, command.qualifiedName()).doesNotContainIgnoringCase("password=");
            }
        }
        // The one option whose name says "token" names the file the token is in.
        assertThat(named).containsExactly("alm update --token-file " + Path.class.getSimpleName());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://127.0.0.1:1/alm?user=alm&password=Sw0rdf1sh-4e2a",
        "jdbc:postgresql://127.0.0.1:1/alm?PASSWORD=Sw0rdf1sh-4e2a&user=alm",
        "jdbc:postgresql://alm:Sw0rdf1sh-4e2a@127.0.0.1:1/alm"})
    void aDatabaseUrlOptionCarryingAPasswordIsRefusedWithoutRepeatingIt(String url) {
        for (String[] args : List.of(new String[] {"db", "status", "--db-url", url},
                new String[] {"ingest", "--db-url", url, "x.xml"},
                new String[] {"update", "--query-id", "1", "--db-url", url},
                new String[] {"serve", "--db-url", url})) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("--db-url must not carry a password").contains("ALM_DB_PASSWORD")
                    .doesNotContain("Sw0rdf1sh");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aDatabaseUrlOptionWithoutAPasswordIsTaken() {
        CliRun run = CliRun.of("db", "status", "--db-url", "jdbc:postgresql://127.0.0.1:1/alm?user=alm&connectTimeout=1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DATABASE);
        assertThat(run.err()).doesNotContain("must not carry");
    }

    private static List<CommandSpec> commands(CommandSpec root) {
        List<CommandSpec> all = new ArrayList<>(List.of(root));
        for (CommandLine sub : root.subcommands().values()) {
            for (CommandSpec s : commands(sub.getCommandSpec())) {
                if (all.stream().noneMatch(c -> c.qualifiedName().equals(s.qualifiedName()))) {
                    all.add(s);
                }
            }
        }
        return all;
    }
}

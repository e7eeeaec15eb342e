package io.jenkins.plugins.valuestream.cli;

import io.jenkins.plugins.valuestream.cli.exit.ExitCode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code value-stream}: the command line's entry point. */
@Command(name = "value-stream", mixinStandardHelpOptions = true, versionProvider = ValueStreamCommand.Version.class,
        subcommands = {ReportCommand.class, CommandLine.HelpCommand.class},
        description = "Where the time of your Jenkins Pipelines goes: process time and waits by cause, per step.")
public final class ValueStreamCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.@Nullable CommandSpec spec;

    private final Map<String, String> environment;

    private ValueStreamCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.getenv()));
    }

    /**
     * Runs the command line with the given streams and environment variables (where {@code --token-env} looks);
     * returns the exit code (see {@link ExitCode}).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new ValueStreamCommand(Map.copyOf(environment)));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(ValueStreamCommand::usageError);
        commandLine.setExecutionExceptionHandler((e, line, parseResult) -> {
            line.getErr().println("value-stream: internal error: " + e);
            return ExitCode.INTERNAL;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A wrong command line in one line with the command's prefix, the nearest option where one was mistyped, and where
     * the options are described: not the whole usage, which would hide the line that matters.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        String message = String.valueOf(e.getMessage());
        err.println("value-stream: " + (message.startsWith("Error: ") ? message.substring("Error: ".length())
                : message));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?");
        }
        err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.NO_DATA;
    }

    /** The environment variables the command sees. */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        if (spec == null) {
            throw new IllegalStateException("picocli did not inject the command spec");
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'report --help'");
    }

    /** The version from the jar's manifest; {@code development} where the classes run from a build folder. */
    static String version() {
        String version = ValueStreamCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** {@code value-stream 0.1.0}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"value-stream " + version()};
        }
    }
}

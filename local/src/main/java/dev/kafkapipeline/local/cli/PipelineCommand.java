package dev.kafkapipeline.local.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.process.LogTail;
import dev.kafkapipeline.local.process.ModuleClasspath;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackSettings;
import dev.kafkapipeline.local.stack.StackStartException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** {@code ./pipeline COMMAND}: runs the native stack. See {@link #USAGE}. */
public final class PipelineCommand {
    static final String USAGE = """
            usage: ./pipeline COMMAND

              up                 build what is missing, start Cassandra, Kafka, Connect and the services; wait until healthy
              down               stop everything (SIGTERM, then SIGKILL after PIPELINE_STOP_GRACE seconds)
              status             services, topics with offsets and lag, connectors, table row counts
              cql "STATEMENT;"   run CQL and print the rows (several statements: separate them with ;)
              cql -f FILE        run the statements of a .cql file
              cqlsh              interactive CQL (use kafkapipeline; select * from lapsummary;)
              logs SERVICE [-n N] [-f]   the last N lines (default 100) of a service's log; -f follows it
              reset [--yes]      delete the stack's data and logs (the stack must be down)
              render [--session KEY] [--drivers VER,LEC]
                                 redraw img/lap_time.png, img/tyre_strategy.png and img/weather.png from Cassandra
              bench sink         push 200,000 faker-shaped records through the connector, the consumers and the driver alone (stack must be up)
              laps [--archive URL] [--drivers VER,LEC|all] SESSION
                                 a session's F1 laps as CSV (SESSION: an archive path, or YEAR EVENT SESSION); no Kafka needed
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final EnvConfig env;
    private final Path repository;

    PipelineCommand(PrintStream out, PrintStream err, EnvConfig env, Path repository) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.repository = repository;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new PipelineCommand(System.out, System.err, EnvConfig.fromEnvironment(), StackSettings.findRepository()).run(args);
        } catch (ConfigException | StackStartException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("pipeline: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    int run(String[] args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "up" -> up();
            case "down" -> down();
            case "status" -> status();
            case "cql" -> cql(rest);
            case "cqlsh" -> cqlsh();
            case "logs" -> logs(rest);
            case "reset" -> reset(rest);
            case "bench" -> bench(rest);
            case "render" -> render(rest);
            case "help", "-h", "--help" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> {
                err.println("pipeline: unknown command '" + args[0] + "'");
                err.print(USAGE);
                yield 2;
            }
        };
    }

    private NativeStack stack() {
        return NativeStack.of(StackSettings.forCommandLine(env, repository), out::println);
    }

    private int up() {
        NativeStack stack = stack();
        AtomicBoolean finished = new AtomicBoolean();
        // Ctrl-C during start-up must not leave half a stack running.
        Thread interrupted = new Thread(() -> {
            if (!finished.get()) {
                err.println("pipeline: interrupted; stopping what was started");
                stack.down();
            }
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            stack.up();
        } catch (StackStartException e) {
            finished.set(true);
            err.println("pipeline: " + e.getMessage());
            return 1;
        }
        finished.set(true);
        Runtime.getRuntime().removeShutdownHook(interrupted);
        out.println();
        out.println("The pipeline is up. Kafka " + stack.kafkaBootstrap() + ", Connect " + stack.connectUrl()
                + ", Cassandra " + stack.cassandraSettings().address() + ".");
        if (stack.serviceNames().contains("jupyter")) {
            out.println("Notebooks: " + stack.address("jupyter"));
        }
        if (stack.serviceNames().contains("watch")) {
            out.println("Live page: " + stack.address("watch"));
        }
        out.println("Next: ./pipeline status, ./pipeline cqlsh, ./pipeline logs SERVICE, ./pipeline down");
        return 0;
    }

    private int down() {
        stack().down();
        out.println("The pipeline is down.");
        return 0;
    }

    private int status() {
        new StatusReport(stack(), out).print();
        return 0;
    }

    private CqlSession session(NativeStack stack) {
        try {
            return CassandraSessions.open(stack.cassandraSettings());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cassandra is not answering at " + stack.cassandraSettings().address()
                    + " (is the pipeline up? ./pipeline status)");
        }
    }

    private int cql(List<String> args) {
        if (args.isEmpty()) {
            err.println("pipeline: cql needs a statement, e.g. ./pipeline cql \"select * from kafkapipeline.lapsummary;\"");
            return 2;
        }
        String script;
        if (args.get(0).equals("-f")) {
            if (args.size() != 2) {
                err.println("pipeline: cql -f needs one file");
                return 2;
            }
            try {
                script = Files.readString(Path.of(args.get(1)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("pipeline: cannot read " + args.get(1) + ": " + e.getMessage());
                return 1;
            }
        } else {
            script = String.join(" ", args);
        }
        NativeStack stack = stack();
        try (CqlSession session = session(stack)) {
            new CqlConsole(session, out, Duration.ofSeconds(60)).runScript(script);
            return 0;
        } catch (com.datastax.oss.driver.api.core.DriverException e) {
            err.println("pipeline: " + e.getMessage());
            return 1;
        }
    }

    private int cqlsh() {
        NativeStack stack = stack();
        try (CqlSession session = session(stack)) {
            out.println("Connected to " + stack.cassandraSettings().address() + ". End statements with ';', leave with exit.");
            new CqlConsole(session, out, Duration.ofSeconds(60))
                    .interactive(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.console() != null);
            return 0;
        } catch (IOException e) {
            err.println("pipeline: " + e.getMessage());
            return 1;
        }
    }

    private int logs(List<String> args) {
        if (args.isEmpty()) {
            err.println("pipeline: logs needs a service: " + String.join(", ", stack().serviceNames()));
            return 2;
        }
        int lines = 100;
        boolean follow = false;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-f" -> follow = true;
                case "-n" -> {
                    if (i + 1 >= args.size()) {
                        err.println("pipeline: -n needs a number");
                        return 2;
                    }
                    try {
                        lines = Integer.parseInt(args.get(++i));
                    } catch (NumberFormatException e) {
                        err.println("pipeline: -n needs a number, got '" + args.get(i) + "'");
                        return 2;
                    }
                }
                default -> {
                    err.println("pipeline: unknown option " + args.get(i));
                    return 2;
                }
            }
        }
        Path log = stack().logFile(args.get(0));
        if (!Files.exists(log)) {
            err.println("pipeline: no log yet at " + log + " (has " + args.get(0) + " ever started?)");
            return 1;
        }
        LogTail.lastLines(log, lines).forEach(out::println);
        if (follow) {
            follow(log);
        }
        return 0;
    }

    private void follow(Path log) {
        try (var file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long position = file.length();
            while (!Thread.currentThread().isInterrupted()) {
                long length = file.length();
                if (length > position) {
                    file.seek(position);
                    byte[] bytes = new byte[(int) (length - position)];
                    file.readFully(bytes);
                    out.print(new String(bytes, StandardCharsets.UTF_8));
                    out.flush();
                    position = length;
                }
                Thread.sleep(300);
            }
        } catch (IOException e) {
            err.println("pipeline: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int bench(List<String> args) {
        if (!args.equals(List.of("sink"))) {
            err.println("pipeline: bench knows one benchmark: ./pipeline bench sink");
            return 2;
        }
        NativeStack stack = stack();
        Map<String, String> env = new java.util.HashMap<>(stack.clientEnvironment());
        env.put("CONNECT_URL", stack.connectUrl());
        return runModule("bench", "dev.kafkapipeline.bench.SinkBenchmark", List.of(), env);
    }

    private int render(List<String> args) {
        NativeStack stack = stack();
        List<String> renderArgs = new java.util.ArrayList<>(List.of("--out", repository.resolve("img").toString()));
        renderArgs.addAll(args);
        return runModule("data-vis", "dev.kafkapipeline.vis.RenderCommand", renderArgs, stack.clientEnvironment());
    }

    /** Runs a module's main class in a JVM of its own, with the module's classpath, in the foreground. */
    private int runModule(String module, String mainClass, List<String> args, Map<String, String> env) {
        ModuleClasspath classpath = ModuleClasspath.of(repository.resolve(module)).orElseThrow(() -> new IllegalStateException(
                "module " + module + " is not built: run ./mvnw -q -DskipTests package"));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath.classpath(), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).inheritIO();
        builder.environment().putAll(env);
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            err.println("pipeline: cannot start " + mainClass + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private int reset(List<String> args) {
        NativeStack stack = stack();
        List<String> running = stack.serviceNames().stream().filter(name -> stack.process(name).running().isPresent()).toList();
        if (!running.isEmpty()) {
            err.println("pipeline: stop the stack first (./pipeline down); still running: " + running);
            return 1;
        }
        Path home = stack.settings().home();
        if (!Files.exists(home)) {
            out.println("Nothing to reset: " + home + " does not exist.");
            return 0;
        }
        if (!args.contains("--yes")) {
            if (System.console() == null) {
                err.println("pipeline: reset deletes " + home + "; confirm with ./pipeline reset --yes");
                return 1;
            }
            String answer = System.console().readLine("Delete all data and logs in %s? [y/N] ", home);
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                out.println("Nothing deleted.");
                return 0;
            }
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            err.println("pipeline: cannot delete " + home + ": " + e.getMessage());
            return 1;
        }
        out.println("Deleted " + home + ".");
        return 0;
    }
}

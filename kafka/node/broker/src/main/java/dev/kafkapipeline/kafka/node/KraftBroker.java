package dev.kafkapipeline.kafka.node;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Starts a KRaft broker, formatting its log directory first when it is new.
 * Runs inside the broker's own JVM (forked by ./pipeline), so formatting costs
 * no extra JVM start. A broker whose properties find the controller by
 * controller.quorum.bootstrap.servers is the one controller of its own
 * dynamic quorum ({@code --standalone}); one of a fixed quorum
 * (controller.quorum.voters, a cluster's brokers) is formatted as it is.
 *
 * <p>Arguments: the server.properties path, the cluster id to format with, then
 * any further options for the format, such as {@code --add-scram
 * SCRAM-SHA-512=[name=...,password=...]}, which a secured broker needs to have
 * its first users before it starts (the tests of secured clients use it).
 */
public final class KraftBroker {
    private KraftBroker() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: KraftBroker <server.properties> <cluster-id> [format option ...]");
            System.exit(2);
        }
        String properties = args[0];
        String clusterId = args[1];
        List<String> format = new ArrayList<>(List.of("format", "-t", clusterId, "-c", properties, "--ignore-formatted"));
        if (!fixedQuorum(properties)) {
            format.add("--standalone");
        }
        format.addAll(Arrays.asList(args).subList(2, args.length));
        // execute, not StorageTool.main: main calls Exit and would end this JVM.
        int formatted = StorageTool.execute(format.toArray(String[]::new), System.out);
        if (formatted != 0) {
            System.err.println("formatting the KRaft log directory failed (exit " + formatted + "); see the lines above");
            System.exit(formatted);
        }
        Kafka.main(new String[] {properties});
    }

    private static boolean fixedQuorum(String properties) {
        Properties server = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(properties))) {
            server.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties + ": " + e.getMessage(), e);
        }
        return server.containsKey("controller.quorum.voters");
    }
}

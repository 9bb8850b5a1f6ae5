package dev.kafkapipeline.kafka.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Starts a single-node KRaft broker, formatting its log directory first when it
 * is new. Runs inside the broker's own JVM (forked by ./pipeline), so formatting
 * costs no extra JVM start.
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
        List<String> format = new ArrayList<>(List.of("format", "-t", clusterId, "-c", properties, "--standalone", "--ignore-formatted"));
        format.addAll(Arrays.asList(args).subList(2, args.length));
        // execute, not StorageTool.main: main calls Exit and would end this JVM.
        int formatted = StorageTool.execute(format.toArray(String[]::new), System.out);
        if (formatted != 0) {
            System.err.println("formatting the KRaft log directory failed (exit " + formatted + "); see the lines above");
            System.exit(formatted);
        }
        Kafka.main(new String[] {properties});
    }
}

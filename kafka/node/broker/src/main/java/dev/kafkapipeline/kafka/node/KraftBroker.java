package dev.kafkapipeline.kafka.node;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Starts a single-node KRaft broker, formatting its log directory first when it
 * is new. Runs inside the broker's own JVM (forked by ./pipeline), so formatting
 * costs no extra JVM start.
 *
 * <p>Arguments: the server.properties path and the cluster id to format with.
 */
public final class KraftBroker {
    private KraftBroker() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: KraftBroker <server.properties> <cluster-id>");
            System.exit(2);
        }
        String properties = args[0];
        String clusterId = args[1];
        // execute, not StorageTool.main: main calls Exit and would end this JVM.
        int formatted = StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", properties, "--standalone", "--ignore-formatted"},
                System.out);
        if (formatted != 0) {
            System.err.println("formatting the KRaft log directory failed (exit " + formatted + "); see the lines above");
            System.exit(formatted);
        }
        Kafka.main(new String[] {properties});
    }
}

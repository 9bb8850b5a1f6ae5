package dev.kafkapipeline.local.chaos;

import dev.kafkapipeline.local.stack.ClusterTopology;
import dev.kafkapipeline.local.text.TextTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fault run's table as text: one line per fault and path, a total per
 * path, and what the columns mean. A cluster's run names the member it killed
 * and shows how long each path stalled while the others carried on.
 */
final class FaultTable {
    private static final List<String> HEADER = List.of("fault", "path", "in flight at kill", "writing again after",
            "acked by Kafka", "rows found", "lost", "duplicates absorbed");
    private static final List<String> CLUSTER_HEADER = List.of("fault", "path", "in flight at kill", "stalled writing",
            "committing again after", "acked by Kafka", "rows found", "lost", "duplicates absorbed");
    /** Columns 0 and 1 are words; the others are figures, aligned right. */
    private static final int FIRST_FIGURE = 2;

    private FaultTable() {}

    static String render(ChaosReport report) {
        boolean cluster = report.topology().isCluster();
        List<String> header = cluster ? CLUSTER_HEADER : HEADER;
        List<List<String>> rows = new ArrayList<>();
        for (FaultOutcome fault : report.faults()) {
            for (PathOutcome path : fault.paths()) {
                String label = path.path() != SinkPath.values()[0] ? "" : cluster ? fault.fault().label() + " " + fault.victim() : fault.fault().label();
                List<String> row = new ArrayList<>(List.of(label, path.path().label()));
                if (!path.started()) {
                    row.add("not started");
                    while (row.size() < header.size()) {
                        row.add("-");
                    }
                    rows.add(row);
                    continue;
                }
                row.add(path.lagAtKill().isPresent() ? number(path.lagAtKill().getAsLong()) : "?");
                path.stalled().ifPresent(stalled -> row.add(seconds(stalled)));
                row.add(!path.interrupted() ? "-" : path.writingAgain().map(FaultTable::seconds)
                        .orElse("not within " + report.settings().deadline().toSeconds() + " s"));
                row.addAll(List.of(number(path.owed()), number(path.rows()), number(path.lost()), number(path.duplicates())));
                rows.add(row);
            }
        }
        for (SinkPath path : SinkPath.values()) {
            List<String> row = new ArrayList<>(List.of(path == SinkPath.values()[0] ? "all faults" : "", path.label()));
            while (row.size() < header.size() - 4) {
                row.add("");
            }
            row.addAll(List.of(number(report.faults().stream().mapToLong(f -> f.path(path).owed()).sum()),
                    number(report.faults().stream().mapToLong(f -> f.path(path).rows()).sum()),
                    number(report.faults().stream().mapToLong(f -> f.path(path).lost()).sum()),
                    number(report.faults().stream().mapToLong(f -> f.path(path).duplicates()).sum())));
            rows.add(row);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Fault run: %,d records/s to topic %s; Cassandra commitlog_sync: %s; consumers' session timeout %d s (the Connect task's: its worker's)%n",
                report.settings().rate(), FaultRun.TOPIC, report.commitlogSync(), report.settings().sessionTimeout().toSeconds()));
        if (cluster) {
            ClusterTopology topology = report.topology();
            out.append(String.format(Locale.ROOT, "Cluster: %d brokers (min.insync.replicas %d), %d Cassandra nodes (keyspaces at replication factor %d,"
                            + " writes at LOCAL_QUORUM), %d Connect workers, %d consumers in one group; topics at replication factor %d%n",
                    topology.brokers(), topology.minInsyncReplicas(), topology.cassandraNodes(), topology.replicationFactor(),
                    topology.connectWorkers(), topology.consumerMembers(), topology.replicationFactor()));
        }
        out.append('\n');
        TextTable table = new TextTable(header, FIRST_FIGURE);
        rows.forEach(table::add);
        out.append(table.render());
        out.append(notes(report));
        return out.toString();
    }

    private static String notes(ChaosReport report) {
        StringBuilder out = new StringBuilder("\n");
        out.append("in flight at kill: records the path's consumer group had not committed (read and not yet written, or not read yet).\n");
        out.append("acked by Kafka: keys the path owed during the fault, those Kafka acknowledged while the fault's stream ran\n"
                + "(a path started during a fault also owes the stream before it); rows found: those in the path's table after the run.\n");
        out.append(String.format(Locale.ROOT, "At the Kafka broker's kill the producer had %,d records sent and not acknowledged.%n",
                report.fault(Fault.KAFKA_BROKER).producerInFlight()));
        if (report.topology().isCluster()) {
            out.append("stalled writing: the longest time after the kill that a partition of the stream got no write from the path\n"
                    + "(Cassandra's write time of each row); the other partitions may have flowed on meanwhile.\n");
            out.append("committing again after: from the kill until the path had committed past it on every partition, the killed\n"
                    + "member still down; then it was started again. '-': the fault was not expected to stop that path.\n");
        } else {
            out.append("writing again after: from the kill to the path's first write after it, restart included; '-': the fault did not stop that path.\n");
        }
        out.append("duplicates absorbed: writes Cassandra took during the fault beyond one per new row (records delivered again).\n");
        out.append("Cassandra's own fault: writes it took between the last reading of its count and the kill are in no reading,\n"
                + "so that figure can read a few low, even below zero.\n");
        if (report.failedSends() > 0) {
            out.append(String.format(Locale.ROOT, "%,d records were never acknowledged by Kafka: the producer gave up on them, no path owes them.%n",
                    report.failedSends()));
        }
        report.otherRows().forEach((path, rows) -> {
            if (rows > 0) {
                out.append(String.format(Locale.ROOT, "The %s table also holds %,d rows of records the run did not send (another producer of the topic); "
                        + "their writes count as duplicates.%n", path.label(), rows));
            }
        });
        for (FaultOutcome fault : report.faults()) {
            if (!fault.drained()) {
                out.append("After the " + fault.fault().label() + " fault a path did not commit the whole stream within "
                        + report.settings().deadline().toSeconds() + " s.\n");
            }
        }
        out.append(report.nothingLost()
                ? "Nothing lost: every key Kafka acknowledged is in both paths' tables.\n"
                : "LOST: keys Kafka acknowledged are missing from a path's table (column lost).\n");
        return out.toString();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}

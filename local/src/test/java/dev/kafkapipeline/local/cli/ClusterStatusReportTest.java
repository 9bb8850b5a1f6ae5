package dev.kafkapipeline.local.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.local.status.Part;
import dev.kafkapipeline.local.status.StackStatus;
import dev.kafkapipeline.local.status.StackStatus.BrokerState;
import dev.kafkapipeline.local.status.StackStatus.ClusterStatus;
import dev.kafkapipeline.local.status.StackStatus.ConnectorStatus;
import dev.kafkapipeline.local.status.StackStatus.KafkaCluster;
import dev.kafkapipeline.local.status.StackStatus.NodeState;
import dev.kafkapipeline.local.status.StackStatus.PartitionReplicas;
import dev.kafkapipeline.local.status.StackStatus.TaskState;
import dev.kafkapipeline.local.status.StackStatus.WorkerState;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A cluster's status, one broker, one node and one worker down: each member's state, the partitions short of replicas, each task's worker. */
class ClusterStatusReportTest {
    private static final List<ConnectorStatus> CONNECTORS = List.of(
            new ConnectorStatus("faker-sink", "RUNNING", List.of(new TaskState(0, "RUNNING", "127.0.0.1:8083"))),
            new ConnectorStatus("fastf1-sink", "RUNNING", List.of(new TaskState(0, "RUNNING", "127.0.0.2:8083"))));

    @Test
    void eachMemberShowsItsStateAndEachTaskItsWorker() {
        ClusterStatus cluster = new ClusterStatus(
                new Part.Answered<>(new KafkaCluster(List.of(new BrokerState(1, "127.0.0.1:9092", true, "leader"),
                        new BrokerState(2, "127.0.0.2:9092", false, "voter"), new BrokerState(3, "127.0.0.3:9092", true, "voter")),
                        List.of(new PartitionReplicas("faker", 1, 3, List.of(2, 3, 1), List.of(3, 1))))),
                new Part.Answered<>(List.of(new NodeState("cassandra-1", "127.0.0.1:9042", "UP", "datacenter1"),
                        new NodeState("cassandra-2", "127.0.0.2:9042", "DOWN", "datacenter1"),
                        new NodeState("cassandra-3", "127.0.0.3:9042", "NOT IN RING", "-"))),
                List.of(new WorkerState("connect-1", "127.0.0.1:8083", true), new WorkerState("connect-2", "127.0.0.2:8083", false)));

        String report = StatusReport.render(new StackStatus(List.of(), new Part.Down<>("Kafka is slow"), new Part.Answered<>(CONNECTORS),
                new Part.Down<>("Cassandra is slow"), Optional.of(cluster)));

        assertLine(report, "2\\s+\\| 127.0.0.2:9092 \\| down\\s+\\| voter");
        assertLine(report, "1\\s+\\| 127.0.0.1:9092 \\| up\\s+\\| leader");
        assertLine(report, "1 under-replicated partitions:");
        assertLine(report, "faker-1\\s+\\| 3\\s+\\| 2,3,1\\s+\\| 3,1");
        assertLine(report, "cassandra-2\\s+\\| 127.0.0.2:9042 \\| down\\s+\\| datacenter1");
        assertLine(report, "cassandra-3\\s+\\| 127.0.0.3:9042 \\| not in ring \\| -");
        assertLine(report, "connect-2\\s+\\| 127.0.0.2:8083 \\| down\\s+\\| 1");
        assertLine(report, "fastf1-sink \\| RUNNING \\| 0:RUNNING on connect-2");
    }

    @Test
    void aSingleNodeShowsNeitherMembersNorWorkers() {
        String report = StatusReport.render(new StackStatus(List.of(), new Part.Down<>("Kafka is slow"), new Part.Answered<>(CONNECTORS),
                new Part.Down<>("Cassandra is slow")));

        assertLine(report, "faker-sink\\s+\\| RUNNING \\| 0:RUNNING");
        assertFalse(report.contains("BROKER") || report.contains("CASSANDRA NODE") || report.contains("WORKER") || report.contains(" on "), report);
    }

    private static void assertLine(String report, String line) {
        assertTrue(Pattern.compile("(?m)^" + line + "$").matcher(report).find(), "no line " + line + " in\n" + report);
    }
}

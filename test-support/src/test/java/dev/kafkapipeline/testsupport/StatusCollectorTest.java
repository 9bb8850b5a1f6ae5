package dev.kafkapipeline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.ServiceOutcome;
import dev.kafkapipeline.local.status.Part;
import dev.kafkapipeline.local.status.StackStatus;
import dev.kafkapipeline.local.status.StackStatus.RowCount;
import dev.kafkapipeline.local.status.StackStatus.TableRows;
import dev.kafkapipeline.local.status.StatusCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The status of the real stack: every part answers, a large table is not counted row by row, a clean slate forgets ended services. */
@NativeStackTest
class StatusCollectorTest {
    private static final int PEOPLE = StatusCollector.COUNT_CAP + 50;

    @Test
    void aTableBeyondTheCapIsCountedAsAtLeastOrEstimatedAndASmallOneExactly(NativeStack stack) throws Exception {
        try (CqlSession session = CassandraSessions.open(stack.cassandraSettings())) {
            PreparedStatement insert = session.prepare("INSERT INTO kafkapipeline.fakerdata (name, city) VALUES (?, 'Adelaide')");
            List<CompletionStage<AsyncResultSet>> writes = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                writes.add(session.executeAsync(insert.bind("person-" + i)));
                if (writes.size() == 256) {
                    awaitAll(writes);
                }
            }
            awaitAll(writes);
            session.execute("INSERT INTO kafkapipeline.lapsummary (session_key, driver, lap_number) VALUES ('2018/x', 'VER', 1)");
        }

        StackStatus status = new StatusCollector(stack, Duration.ofSeconds(10)).collect();

        assertTrue(status.kafka() instanceof Part.Answered, status.kafka().toString());
        assertTrue(status.connectors() instanceof Part.Answered, status.connectors().toString());
        Map<String, RowCount> rows = ((Part.Answered<List<TableRows>>) status.tables()).value().stream()
                .collect(Collectors.toMap(TableRows::table, t -> t.rows().orElseThrow()));
        RowCount people = rows.get("kafkapipeline.fakerdata");
        assertTrue(people.equals(new RowCount(StatusCollector.COUNT_CAP, RowCount.Accuracy.AT_LEAST))
                || people.accuracy() == RowCount.Accuracy.ESTIMATE && people.value() > StatusCollector.COUNT_CAP, people.toString());
        assertEquals(new RowCount(1, RowCount.Accuracy.EXACT), rows.get("kafkapipeline.lapsummary"));
        assertEquals(new RowCount(0, RowCount.Accuracy.EXACT), rows.get("kafkapipeline.weatherreport"));
    }

    /** An outcome left by a service that ran on the shared stack (an earlier class's `up`) is gone after a clean slate. */
    @Test
    void aCleanSlateForgetsTheServicesThatRanAndEnded(NativeStack stack) throws Exception {
        Path outcome = ServiceOutcome.fileOf(stack.settings(), "fastf1");
        Files.writeString(outcome, "done 846 laps sent\n");
        assertTrue(new StatusCollector(stack, Duration.ofSeconds(10)).services().stream().anyMatch(s -> s.name().equals("fastf1")),
                "status reports the service's outcome");

        new StackReset(stack, line -> { }).run();

        assertFalse(Files.exists(outcome), "the outcome file is gone");
        assertEquals(List.of("cassandra", "kafka", "connect"),
                new StatusCollector(stack, Duration.ofSeconds(10)).services().stream().map(StackStatus.ServiceStatus::name).toList());
    }

    private static void awaitAll(List<CompletionStage<AsyncResultSet>> writes) throws Exception {
        for (CompletionStage<AsyncResultSet> write : writes) {
            write.toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        writes.clear();
    }
}

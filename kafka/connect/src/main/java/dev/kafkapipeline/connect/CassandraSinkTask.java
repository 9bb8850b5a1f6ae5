package dev.kafkapipeline.connect;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.mapping.MappingException;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.cassandra.client.write.CassandraWriter;
import dev.kafkapipeline.cassandra.client.write.RejectedRecordException;
import dev.kafkapipeline.cassandra.client.write.Rejection;
import dev.kafkapipeline.cassandra.client.write.Row;
import dev.kafkapipeline.cassandra.client.write.WriterOptions;
import dev.kafkapipeline.common.json.InvalidJsonException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each batch Connect hands over and returns from {@link #put} only when
 * Cassandra acknowledged every row and every bad record reached the dead-letter
 * queue: Connect commits the offsets of records given to put once put returned,
 * so a committed offset always stands for a written (or dead-lettered) record.
 * While Cassandra is down, the writer retries and put waits: the task stalls
 * and resumes, it does not fail.
 */
public class CassandraSinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraSinkTask.class);

    private CassandraSettings settings;
    private List<TableMapping> mappings;
    private WriterOptions options;
    private ErrantRecordReporter deadLetters;
    private CqlSession session;
    private CassandraWriter writer;

    @Override
    public void start(Map<String, String> props) {
        CassandraSinkConfig config = new CassandraSinkConfig(props);
        settings = config.cassandraSettings();
        mappings = config.mappings();
        options = config.writerOptions();
        deadLetters = context.errantRecordReporter();
        if (deadLetters == null) {
            LOG.warn("No dead-letter queue configured (errors.tolerance=all and errors.deadletterqueue.topic.name): "
                    + "a record that cannot be written will fail the task");
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        CassandraWriter writer = writer();
        List<Row<SinkRecord>> rows = new ArrayList<>(records.size());
        List<Future<Void>> reported = new ArrayList<>();
        for (SinkRecord record : records) {
            try {
                rows.addAll(writer.rows(record.topic(), record, RecordValues.key(record.key()),
                        RecordValues.fields(record.value())));
            } catch (RejectedRecordException | InvalidJsonException e) {
                reported.add(deadLetter(record, e));
            }
        }
        for (Rejection<SinkRecord> rejection : await(writer.write(rows))) {
            reported.add(deadLetter(rejection.source(), rejection.reason()));
        }
        for (Future<Void> report : reported) {
            await(report);
        }
    }

    private CassandraWriter writer() {
        if (writer != null) {
            return writer;
        }
        try {
            session = CassandraSessions.open(settings);
            writer = CassandraWriter.open(session, mappings, options);
            LOG.info("Writing {} to Cassandra at {}", mappings, settings.address());
            return writer;
        } catch (MappingException e) {
            closeSession();
            throw new ConnectException(e.getMessage(), e);
        } catch (DriverException e) {
            closeSession();
            // Connect pauses the partitions and hands the same records to put again later.
            throw new RetriableException("Cassandra at " + settings.address() + " is not reachable yet: " + e.getMessage(), e);
        }
    }

    private Future<Void> deadLetter(SinkRecord record, Exception reason) {
        String where = record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
        if (deadLetters == null) {
            throw new ConnectException("record " + where + " cannot be written and there is no dead-letter queue: "
                    + reason.getMessage(), reason);
        }
        LOG.warn("Record {} goes to the dead-letter queue: {}", where, reason.getMessage());
        return deadLetters.report(record, reason);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for Cassandra", e);
        } catch (ExecutionException e) {
            throw new ConnectException("write failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void stop() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        closeSession();
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public String version() {
        return SinkVersion.VERSION;
    }
}

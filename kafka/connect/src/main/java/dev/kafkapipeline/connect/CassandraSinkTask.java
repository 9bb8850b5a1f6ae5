package dev.kafkapipeline.connect;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.mapping.MappingException;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.cassandra.client.write.CassandraWriter;
import dev.kafkapipeline.cassandra.client.write.RejectedRecordException;
import dev.kafkapipeline.cassandra.client.write.Row;
import dev.kafkapipeline.cassandra.client.write.WriterOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each batch Connect delivers to the writer and returns without waiting
 * for Cassandra, so the writer's window of requests stays full across polls.
 * {@link #preCommit} offers only the offsets of records Cassandra acknowledged
 * (or that reached the dead-letter queue), so a committed offset always stands
 * for a written record. While Cassandra is down, the writer retries and put
 * waits once {@code maxPendingRecords} are outstanding: the task stalls and
 * resumes, it does not fail.
 */
public class CassandraSinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraSinkTask.class);

    private CassandraSettings settings;
    private List<TableMapping> mappings;
    private WriterOptions options;
    private long maxPendingRecords;
    private PendingWrites pending;
    private ErrantRecordReporter deadLetters;
    private CqlSession session;
    private CassandraWriter writer;

    @Override
    public void start(Map<String, String> props) {
        CassandraSinkConfig config = new CassandraSinkConfig(props);
        settings = config.cassandraSettings();
        mappings = config.mappings();
        options = config.writerOptions();
        maxPendingRecords = config.getLong(CassandraSinkConfig.MAX_PENDING_RECORDS);
        deadLetters = context.errantRecordReporter();
        if (deadLetters == null) {
            LOG.warn("No dead-letter queue configured (errors.tolerance=all and errors.deadletterqueue.topic.name): "
                    + "a record that cannot be written will fail the task");
        }
        pending = new PendingWrites(this::deadLetter);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            pending.advance();
            return;
        }
        CassandraWriter writer = writer();
        List<Row<SinkRecord>> rows = new ArrayList<>(records.size());
        List<Future<Void>> reported = new ArrayList<>();
        for (SinkRecord record : records) {
            try {
                rows.addAll(writer.rows(record.topic(), record, RecordValues.key(record.key()),
                        RecordValues.fields(record.value(), writer::read)));
            } catch (RejectedRecordException e) {
                reported.add(deadLetter(record, e));
            }
        }
        pending.add(records, writer.write(rows), reported);
        pending.awaitAtMost(maxPendingRecords);
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        return pending.committable(currentOffsets.keySet());
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        pending.forget(partitions);
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

package dev.kafkapipeline.connect;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/** Writes the records of Kafka topics to Cassandra tables through the project's shared writer. */
public class CassandraSinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        // Fail at registration, not in the tasks, when the mapping is wrong.
        new CassandraSinkConfig(props).mappings();
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CassandraSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return CassandraSinkConfig.DEFINITION;
    }

    @Override
    public String version() {
        return SinkVersion.VERSION;
    }
}

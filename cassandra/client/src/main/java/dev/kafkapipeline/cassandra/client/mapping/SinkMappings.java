package dev.kafkapipeline.cassandra.client.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table mappings of a sink connector configuration, read from DataStax's keys
 * {@code topic.<topic>.<keyspace>.<table>.mapping} and
 * {@code topic.<topic>.<keyspace>.<table>.consistencyLevel}. The connector and
 * the consumers both read their mappings here, from the same sink JSON files,
 * each replacing the keyspace and table of the keys with what its environment
 * says (the files' {@code keyspace} and {@code table} settings).
 */
public final class SinkMappings {
    private static final Pattern MAPPING_KEY = Pattern.compile("topic\\.(.+)\\.([^.]+)\\.([^.]+)\\.mapping");

    private SinkMappings() {}

    /**
     * @param keyspace when not null, replaces the keyspace named in the keys, so one set of
     *                 files serves any CASSANDRA_KEYSPACE (configuration values can name the
     *                 environment, keys cannot)
     * @param table    when not null, replaces the table named in the key of the only mapping,
     *                 so the same files serve FASTF1_TABLE and friends
     * @throws MappingException when a table is given for a configuration with several mappings
     */
    public static List<TableMapping> parse(Map<String, String> config, String keyspace, String table) {
        List<TableMapping> mappings = new ArrayList<>();
        for (Map.Entry<String, String> entry : config.entrySet()) {
            Matcher key = MAPPING_KEY.matcher(entry.getKey());
            if (!key.matches()) {
                continue;
            }
            String prefix = entry.getKey().substring(0, entry.getKey().length() - "mapping".length());
            String topic = key.group(1);
            mappings.add(TableMapping.parse(topic, keyspace != null ? keyspace : key.group(2), table != null ? table : key.group(3),
                    entry.getValue(), TableMapping.consistency(config.get(prefix + "consistencyLevel"))));
        }
        if (table != null && mappings.size() != 1) {
            throw new MappingException("table '" + table + "' replaces the table of a configuration's only mapping, but it has "
                    + mappings.size() + ": name each table in its topic.<topic>.<keyspace>.<table>.mapping key instead");
        }
        mappings.sort(Comparator.comparing(TableMapping::topic).thenComparing(TableMapping::table));
        return mappings;
    }
}

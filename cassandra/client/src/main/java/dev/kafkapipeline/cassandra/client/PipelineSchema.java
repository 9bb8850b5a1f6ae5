package dev.kafkapipeline.cassandra.client;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's schema, read from the same keyspace.cql, schema.cql
 * (weatherreport), schema-faker.cql (fakerdata) and lapsummary.cql that the
 * Docker image applies. Every statement is IF NOT EXISTS, so applying it again
 * changes nothing, and a table made by an older version gets the columns added
 * since ({@code ALTER TABLE ... ADD IF NOT EXISTS}). Keyspace and table names
 * and the replication map are taken from {@link CassandraSettings}.
 */
public final class PipelineSchema {
    static final List<String> FILES = List.of("keyspace.cql", "schema.cql", "schema-faker.cql", "lapsummary.cql");
    private static final String FILE_KEYSPACE = "kafkapipeline";
    private static final Pattern REPLICATION = Pattern.compile("replication\\s*=\\s*\\{[^}]*}", Pattern.CASE_INSENSITIVE);

    private final List<String> statements;

    private PipelineSchema(List<String> statements) {
        this.statements = List.copyOf(statements);
    }

    public static PipelineSchema forSettings(CassandraSettings settings) {
        List<String> statements = new ArrayList<>();
        for (String file : FILES) {
            for (String statement : CqlScript.statements(readResource(file))) {
                statements.add(adapt(statement, settings));
            }
        }
        return new PipelineSchema(statements);
    }

    public List<String> statements() {
        return statements;
    }

    /** Creates whatever is missing; safe to call on every start. */
    public void apply(CqlSession session, CassandraSettings settings) {
        for (String statement : statements) {
            session.execute(SimpleStatement.newInstance(statement).setTimeout(settings.schemaTimeout()));
        }
        session.checkSchemaAgreement();
    }

    static String adapt(String statement, CassandraSettings settings) {
        String adapted = statement
                .replace(FILE_KEYSPACE + ".weatherreport", FILE_KEYSPACE + "." + settings.weatherTable())
                .replace(FILE_KEYSPACE + ".fakerdata", FILE_KEYSPACE + "." + settings.fakerTable())
                .replace(FILE_KEYSPACE + ".lapsummary", FILE_KEYSPACE + "." + settings.fastf1Table())
                .replaceAll("\\b" + FILE_KEYSPACE + "\\b", Matcher.quoteReplacement(settings.keyspace()));
        if (adapted.regionMatches(true, 0, "CREATE KEYSPACE", 0, "CREATE KEYSPACE".length())) {
            adapted = REPLICATION.matcher(adapted).replaceFirst(Matcher.quoteReplacement("replication = " + settings.replication()));
        }
        return adapted;
    }

    private static String readResource(String file) {
        String path = "/dev/kafkapipeline/cassandra/schema/" + file;
        try (InputStream in = PipelineSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema file " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

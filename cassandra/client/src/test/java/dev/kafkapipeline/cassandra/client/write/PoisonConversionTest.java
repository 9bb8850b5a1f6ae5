package dev.kafkapipeline.cassandra.client.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Generated, seeded: thousands of odd values per CQL type, and whole records of
 * them, through the writer's reading, conversion and encoding. Each either
 * becomes a value the driver can send, which reads back as what the JSON said
 * (see {@link FaithfulValues}), or is the record's rejection with a reason;
 * nothing else may come out. Set -Dpoison.seed to replay a run.
 */
class PoisonConversionTest {
    private static final long SEED = Long.getLong("poison.seed", System.nanoTime());
    private static final int VALUES_PER_TYPE = 3000;
    private static final int RECORDS = 2000;
    private static final RecordLimits LIMITS = RecordLimits.DEFAULTS;
    private static final List<DataType> TYPES = List.of(DataTypes.TEXT, DataTypes.INT, DataTypes.BIGINT, DataTypes.FLOAT,
            DataTypes.DOUBLE, DataTypes.BOOLEAN, DataTypes.TIMESTAMP);
    /**
     * Far more than any value within the limits takes, even on a loaded machine; expanding 1e999999999
     * takes minutes, or all the heap (an OutOfMemoryError is caught as any other escape).
     */
    private static final long SLOWEST_NANOS = 10_000_000_000L;

    static {
        System.out.println("PoisonConversionTest seed " + SEED + " (replay with -Dpoison.seed=" + SEED + ")");
    }

    private final JsonRecords records = new JsonRecords(LIMITS);
    private final List<String> problems = new ArrayList<>();

    @Test
    void everyValueOfEveryTypeIsWrittenFaithfullyOrRejectedWithAReason() {
        PoisonValues poison = new PoisonValues(SEED, LIMITS);
        for (DataType type : TYPES) {
            TableColumns columns = columns(type);
            for (int i = 0; i < VALUES_PER_TYPE; i++) {
                String literal = poison.next();
                check(columns, type, literal, "{\"k\":\"x\",\"v\":" + literal + "}");
            }
        }
        assertNoProblems();
    }

    @Test
    void plainlyRightValuesAreWrittenAsTheyAre() {
        for (PoisonValues.Right right : new PoisonValues(SEED, LIMITS).rightValues(500, TYPES.stream().map(PoisonConversionTest::cql).toList())) {
            DataType type = TYPES.stream().filter(t -> cql(t).equals(right.cqlType())).findFirst().orElseThrow();
            String literal = right.literal();
            try {
                RowValues row = columns(type).values(null, records.read(("{\"k\":\"x\",\"v\":" + literal + "}").getBytes(StandardCharsets.UTF_8)));
                Object written = decode(type, row.values().get(1));
                if (!right.value().equals(written)) {
                    problems.add(cql(type) + " " + literal + " written as " + written + ", not " + right.value());
                }
            } catch (RejectedRecordException e) {
                problems.add(cql(type) + " " + literal + " rejected: " + e.getMessage());
            }
        }
        assertNoProblems();
    }

    @Test
    void everyRecordBecomesARowOrARejection() {
        PoisonValues poison = new PoisonValues(SEED, LIMITS);
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> names = List.of("t", "i", "b", "f", "d", "flag", "ts");
        for (int c = 0; c < names.size(); c++) {
            fields.put(names.get(c), cql(TYPES.get(c)));
        }
        TableMapping mapping = TableMapping.parse("poison", "ks", "poison", "id=value.id, t=value.t, i=value.i, b=value.b, "
                + "f=value.f, d=value.d, flag=value.flag, ts=value.ts", TableMapping.DEFAULT_CONSISTENCY);
        List<DataType> types = new ArrayList<>(List.of(DataTypes.TEXT));
        types.addAll(TYPES);
        TableColumns columns = new TableColumns(mapping, types, List.of(CqlIdentifier.fromCql("id")),
                List.of(CqlIdentifier.fromCql("id")), CodecRegistry.DEFAULT, ProtocolVersion.DEFAULT, LIMITS);
        int rows = 0;
        for (int i = 0; i < RECORDS; i++) {
            byte[] record = poison.record("id", "rec-" + i, fields);
            String shown = new String(record, 0, Math.min(record.length, 300), StandardCharsets.UTF_8);
            long start = System.nanoTime();
            try {
                Map<String, Object> value = records.read(record);
                RowValues row = columns.values(null, value);
                rows++;
                for (int c = 0; c < types.size(); c++) {
                    String field = c == 0 ? "id" : names.get(c - 1);
                    faithful(types.get(c), value.get(field), row.values().get(c), shown);
                }
            } catch (RejectedRecordException e) {
                reasonGiven(e, shown);
            } catch (Throwable e) {
                problems.add("record " + shown + " threw " + stackTrace(e));
            }
            timely(start, shown);
        }
        assertNoProblems();
        assertTrue(rows > RECORDS / 20, "some generated records must make rows, not only " + rows + " (seed " + SEED + ")");
    }

    private void check(TableColumns columns, DataType type, String literal, String json) {
        String shown = cql(type) + " " + (literal.length() > 200 ? literal.substring(0, 200) + "..." : literal);
        long start = System.nanoTime();
        try {
            Map<String, Object> value = records.read(json.getBytes(StandardCharsets.UTF_8));
            RowValues row = columns.values(null, value);
            faithful(type, value.get("v"), row.values().get(1), shown);
        } catch (RejectedRecordException e) {
            reasonGiven(e, shown);
        } catch (Throwable e) {
            problems.add(shown + " threw " + stackTrace(e));
        }
        timely(start, shown);
    }

    private void faithful(DataType type, Object json, ByteBuffer encoded, String shown) {
        if (json == null) {
            if (encoded != null) {
                problems.add(shown + ": a null or absent value must leave the column unset");
            }
            return;
        }
        if (encoded == null) {
            problems.add(shown + ": a value was left unset");
            return;
        }
        Object written = decode(type, encoded);
        String problem = FaithfulValues.problem(cql(type), json, written);
        if (problem != null) {
            problems.add(shown + " written as " + written + ": " + problem);
        }
    }

    private void reasonGiven(RejectedRecordException e, String shown) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            problems.add(shown + " rejected without a reason");
        } else if (e.getMessage().length() > 1000) {
            problems.add(shown + " rejected with a reason of " + e.getMessage().length() + " characters");
        }
    }

    private void timely(long start, String shown) {
        long took = System.nanoTime() - start;
        if (took > SLOWEST_NANOS) {
            problems.add(shown + " took " + took / 1_000_000 + " ms");
        }
    }

    private void assertNoProblems() {
        assertEquals("", problems.stream().limit(20).collect(Collectors.joining("\n")),
                problems.size() + " problems with seed " + SEED + " (replay with -Dpoison.seed=" + SEED + ")");
    }

    private static TableColumns columns(DataType type) {
        TableMapping mapping = TableMapping.parse("poison", "ks", "poison", "k=value.k, v=value.v", TableMapping.DEFAULT_CONSISTENCY);
        return new TableColumns(mapping, List.of(DataTypes.TEXT, type), List.of(CqlIdentifier.fromCql("k")),
                List.of(CqlIdentifier.fromCql("k")), CodecRegistry.DEFAULT, ProtocolVersion.DEFAULT, LIMITS);
    }

    private static Object decode(DataType type, ByteBuffer encoded) {
        return CodecRegistry.DEFAULT.codecFor(type).decode(encoded.duplicate(), ProtocolVersion.DEFAULT);
    }

    private static String cql(DataType type) {
        return type.asCql(false, true).toLowerCase(Locale.ROOT);
    }

    private static String stackTrace(Throwable e) {
        StringBuilder trace = new StringBuilder(e.toString());
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 6); i++) {
            trace.append("\n    at ").append(frames[i]);
        }
        return trace.toString();
    }
}

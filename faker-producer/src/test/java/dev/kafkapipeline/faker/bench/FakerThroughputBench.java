package dev.kafkapipeline.faker.bench;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.producer.ProducerSettings;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.faker.FakerProducerMain;
import dev.kafkapipeline.faker.FakerSettings;
import dev.kafkapipeline.faker.FakerSource;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * The faker producer's budget: with SLEEP_TIME=0 it must reach at least half the
 * rate of Kafka's own ProducerPerformance for records of the same size, same
 * producer settings (acks=all, idempotent, defaults otherwise), same broker,
 * same topic, measured in the same run.
 *
 * <pre>
 * java -cp ... dev.kafkapipeline.faker.bench.FakerThroughputBench BOOTSTRAP [RECORDS] [ROUNDS]
 * </pre>
 *
 * Each round runs ProducerPerformance then the faker producer; the best round of
 * each is compared. The first faker run warms the JIT and is not counted.
 */
public final class FakerThroughputBench {
    private static final String TOPIC = "faker.bench";
    private static final double BUDGET = 0.5;
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private FakerThroughputBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FakerThroughputBench BOOTSTRAP [RECORDS=200000] [ROUNDS=3]");
            System.exit(2);
        }
        String bootstrap = args[0];
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        createTopic(bootstrap);

        FakerSettings faker = new FakerSettings(Locale.US, OptionalLong.of(1), true);
        int recordSize = averageValueSize(new FakerSource(faker), 2_000);
        System.out.printf(Locale.ROOT, "faker records: %d bytes of JSON on average (+ the name as key)%n", recordSize);

        runFaker(bootstrap, faker, Math.min(records, 50_000)); // JIT warm-up, not counted
        double bestTool = 0;
        double bestFaker = 0;
        for (int round = 1; round <= rounds; round++) {
            double tool = runProducerPerformance(bootstrap, records, recordSize);
            double fake = runFaker(bootstrap, faker, records);
            System.out.printf(Locale.ROOT, "round %d: ProducerPerformance %,.0f records/s, faker producer %,.0f records/s, ratio %.2f%n",
                    round, tool, fake, fake / tool);
            bestTool = Math.max(bestTool, tool);
            bestFaker = Math.max(bestFaker, fake);
        }
        double ratio = bestFaker / bestTool;
        System.out.printf(Locale.ROOT, "%nProducerPerformance (%d B records): %,.0f records/s%n", recordSize, bestTool);
        System.out.printf(Locale.ROOT, "faker producer, SLEEP_TIME=0:        %,.0f records/s%n", bestFaker);
        System.out.printf(Locale.ROOT, "ratio %.2f (budget >= %.2f): %s%n", ratio, BUDGET, ratio >= BUDGET ? "WITHIN BUDGET" : "OVER BUDGET");
    }

    private static int averageValueSize(FakerSource source, int sample) {
        long bytes = 0;
        for (int i = 0; i < sample; i++) {
            bytes += Json.toBytes(source.nextPerson().fields()).length;
        }
        return (int) Math.round(bytes / (double) sample);
    }

    /** Records/s of the faker producer's own loop, from start to flushed and closed. */
    private static double runFaker(String bootstrap, FakerSettings faker, int records) {
        EnvConfig env = new EnvConfig(Map.of("KAFKA_BROKER_URL", bootstrap, "TOPIC_NAME", TOPIC, "SLEEP_TIME", "0"));
        ProducerSettings settings = FakerProducerMain.producerSettings(env);
        FakerSource people = new FakerSource(faker);
        RecordSource source = RecordSource.of(new Iterator<KeyedRecord>() {
            private int left = records;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public KeyedRecord next() {
                left--;
                return people.next().orElseThrow();
            }
        });
        long start = System.nanoTime();
        ProducerLoop.Outcome outcome = new ProducerLoop(settings, source).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (outcome.sent() != records) {
            throw new IllegalStateException("faker producer sent " + outcome.sent() + " of " + records + " records, " + outcome.failed() + " failed");
        }
        return records / seconds;
    }

    /** Records/s that ProducerPerformance reports, with the producer settings of KafkaSettings.producer. */
    private static double runProducerPerformance(String bootstrap, int records, int recordSize) throws Exception {
        String[] args = {
            "--topic", TOPIC,
            "--num-records", Integer.toString(records),
            "--record-size", Integer.toString(recordSize),
            "--throughput", "-1",
            "--command-property", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
        };
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(console, captured), true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args);
        } finally {
            System.out.flush();
            System.setOut(console);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        double rate = -1;
        for (String line : output.split("\n")) {
            Matcher m = SUMMARY.matcher(line);
            if (m.find() && Long.parseLong(m.group(1)) == records) {
                rate = Double.parseDouble(m.group(2));
            }
        }
        if (rate < 0) {
            throw new IllegalStateException("no final summary in ProducerPerformance's output:\n" + output);
        }
        return rate;
    }

    private static void createTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Writes to the console and to a buffer, so ProducerPerformance's own report stays visible. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}

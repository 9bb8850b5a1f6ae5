package dev.kafkapipeline.local.chaos;

import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * A fault run: a producer streams unique keys to topic faker at a steady
 * rate while, one at a time, the Connect worker, the consumers, the Kafka
 * broker and Cassandra are killed with SIGKILL and started again; then every
 * key Kafka acknowledged is looked up in both paths' tables.
 *
 * <p>Each fault has a stream of its own: the stream runs, the kill comes once
 * the paths have records in flight, the service is started again, the stream
 * runs on until the stopped paths write again, then pauses until both paths
 * have committed all of it. So each fault's writes and keys are its own.
 * The Connect path starts with the first fault and the consumers with the
 * second, each behind the stream, and each is killed after its first commit
 * while it still works through that backlog: a path that committed before
 * writing loses records there.
 *
 * <p>The stack's servers must be running; the run leaves them running, also
 * when it fails. It adds its own connector and consumers process and removes
 * them at the end.
 */
public final class FaultRun {
    static final String TOPIC = Topics.FAKER;
    private static final List<String> SERVERS = List.of("cassandra", "kafka", "connect");
    private static final Duration KILL_MOMENT_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final NativeStack stack;
    private final ChaosSettings settings;
    private final Consumer<String> progress;
    private final long startedAt = System.nanoTime();
    private final String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000);
    private final KeyLedger ledger;
    private final ChaosConnector connector;
    private final ConsumersProcess consumers;
    private final Map<SinkPath, Integer> firstPhase = new EnumMap<>(SinkPath.class);
    private final AtomicBoolean cleanedUp = new AtomicBoolean();

    /**
     * @param consumersClasspath the classpath to run the consumers service with (its module's build, or a test's classpath)
     */
    public FaultRun(NativeStack stack, ChaosSettings settings, String consumersClasspath, Consumer<String> progress) {
        this.stack = stack;
        this.settings = settings;
        this.progress = progress;
        this.ledger = new KeyLedger(run, Fault.values().length);
        this.connector = new ChaosConnector(stack.connectUrl(), stack.settings().repository(), "chaos-sink-" + run);
        Map<String, String> environment = new HashMap<>(stack.clientEnvironment());
        environment.put("CASSANDRA_KEYSPACE", SinkPath.CONSUMERS.keyspace());
        environment.put("FAKER_TABLE", ChaosTables.TABLE);
        environment.put("TOPIC_NAME", TOPIC);
        environment.put("CONSUMER_GROUP", group(SinkPath.CONSUMERS));
        environment.put("CONSUMER_SESSION_TIMEOUT", Long.toString(settings.sessionTimeout().toSeconds()));
        this.consumers = new ConsumersProcess(stack.settings(), consumersClasspath, environment);
    }

    private String group(SinkPath path) {
        return path == SinkPath.CONNECT ? connector.group() : "chaos-consumers-" + run;
    }

    public ChaosReport run() {
        for (String server : SERVERS) {
            if (stack.process(server).running().isEmpty()) {
                throw new IllegalStateException(server + " is not running: start the stack first (./pipeline up)");
            }
        }
        CassandraSettings cassandra = stack.cassandraSettings();
        ChaosTables tables = new ChaosTables(cassandra);
        try (WriteCounts counts = new WriteCounts(cassandra, ChaosTables.TABLE);
                GroupOffsets offsets = new GroupOffsets(stack.kafkaBootstrap(), TOPIC);
                KeyStream stream = new KeyStream(stack.serviceEnvironment(), TOPIC, ledger, settings.rate())) {
            tables.prepare();
            String commitlogSync = tables.commitlogSync();
            Map<TopicPartition, Long> start = offsets.end();
            for (SinkPath path : SinkPath.values()) {
                offsets.startAt(group(path), start);
            }
            say(String.format(Locale.ROOT, "%,d records/s to topic %s; paths write to keyspaces %s and %s; Cassandra commitlog_sync: %s",
                    settings.rate(), TOPIC, SinkPath.CONNECT.keyspace(), SinkPath.CONSUMERS.keyspace(), commitlogSync));
            List<String> otherReaders = new ArrayList<>(connector.othersReading(TOPIC));
            if (stack.serviceNames().contains("consumers") && stack.process("consumers").running().isPresent()) {
                otherReaders.add("the consumers service");
            }
            if (!otherReaders.isEmpty()) {
                say("also reading topic " + TOPIC + ": " + String.join(", ", otherReaders)
                        + "; they write the run's records into the pipeline's own table as well, and add to Cassandra's load");
            }
            List<PhaseRecord> phases = new ArrayList<>();
            for (Fault fault : Fault.values()) {
                phases.add(new Phase(fault, counts, offsets, stream, start).run());
            }
            say("counting each path's rows, key by key");
            return ChaosReport.of(settings, commitlogSync, phases, tables.census(ledger, phases.size()), ledger, firstPhase);
        } finally {
            cleanUp();
        }
    }

    /**
     * Leaves the stack as the run found it: every server running, the run's
     * consumers stopped, its connector and consumer groups deleted. Safe to
     * call twice (from a shutdown hook while the run is stopped by Ctrl-C).
     */
    public void cleanUp() {
        if (!cleanedUp.compareAndSet(false, true)) {
            return;
        }
        for (String server : SERVERS) {
            if (stack.process(server).running().isEmpty()) {
                say("starting " + server + " again");
                attempt("starting " + server, () -> stack.start(server));
            }
        }
        consumers.stop(Duration.ofSeconds(30));
        if (firstPhase.containsKey(SinkPath.CONNECT)) {
            attempt("deleting the connector", connector::delete);
        }
        try (GroupOffsets offsets = new GroupOffsets(stack.kafkaBootstrap(), TOPIC)) {
            for (SinkPath path : SinkPath.values()) {
                if (!offsets.delete(group(path), Duration.ofSeconds(60))) {
                    say("could not delete consumer group " + group(path));
                }
            }
        }
    }

    private void attempt(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            say(what + " failed: " + e.getMessage());
        }
    }

    /** One fault, from the start of its stream until every path has committed all of it. */
    private final class Phase {
        private final Fault fault;
        private final int phase;
        private final WriteCounts counts;
        private final GroupOffsets offsets;
        private final KeyStream stream;
        private final Map<TopicPartition, Long> start;

        Phase(Fault fault, WriteCounts counts, GroupOffsets offsets, KeyStream stream, Map<TopicPartition, Long> start) {
            this.fault = fault;
            this.phase = fault.ordinal();
            this.counts = counts;
            this.offsets = offsets;
            this.stream = stream;
            this.start = start;
        }

        PhaseRecord run() {
            Map<SinkPath, Long> before = answered("Cassandra's write counts", counts::read);
            stream.start(phase);
            say(fault.label() + ": streaming");
            Optional<SinkPath> own = fault.path();
            hold(own.isPresent() ? settings.backlog() : settings.steady());
            own.ifPresent(this::startPath);
            ProcessHandle victim = victim();
            Map<SinkPath, Long> lagAtKill = awaitKillMoment();
            long producerInFlight = stream.unacknowledged();
            // Cassandra forgets its counts when it restarts: what it took up to the kill is read just before.
            Map<SinkPath, Long> atKill = fault == Fault.CASSANDRA ? counts.read() : Map.of();
            long killedAt = System.nanoTime();
            // SIGKILL straight after the readings: every moment in between is writes the counts miss.
            victim.destroyForcibly();
            kill();
            say(String.format(Locale.ROOT, "%s killed (SIGKILL) with records in flight: %s; producer %,d unacknowledged",
                    fault.label(), describe(lagAtKill), producerInFlight));
            hold(settings.downtime());
            restart();
            Set<SinkPath> interrupted = EnumSet.noneOf(SinkPath.class);
            interrupted.addAll(fault.interrupts());
            interrupted.retainAll(firstPhase.keySet());
            Map<SinkPath, Duration> writingAgain = awaitWritingAgain(interrupted, killedAt);
            hold(settings.steady());
            stream.pause();
            boolean drained = drain();
            Map<SinkPath, Long> after = answered("Cassandra's write counts", counts::read);
            Map<SinkPath, Long> writes = new EnumMap<>(SinkPath.class);
            for (SinkPath path : SinkPath.values()) {
                writes.put(path, fault == Fault.CASSANDRA
                        ? atKill.get(path) - before.get(path) + after.get(path)
                        : after.get(path) - before.get(path));
            }
            return new PhaseRecord(fault, lagAtKill, producerInFlight, interrupted, writingAgain, writes, drained);
        }

        private void startPath(SinkPath path) {
            long behind = GroupOffsets.lag(answered("the topic's end offsets", offsets::end), start);
            if (path == SinkPath.CONNECT) {
                connector.register();
            } else {
                consumers.start();
            }
            firstPhase.put(path, phase);
            say(String.format(Locale.ROOT, "started the %s path, %,d records behind the stream", path.label(), behind));
        }

        /**
         * Waits until the paths have records in flight: for a path's own
         * fault, until the path has committed once and still has a backlog;
         * for a server, until every running path has something uncommitted.
         * Returns each running path's lag just before the kill.
         */
        private Map<SinkPath, Long> awaitKillMoment() {
            long deadline = System.nanoTime() + KILL_MOMENT_WAIT.toNanos();
            long lastSaid = System.nanoTime();
            Map<SinkPath, Long> lags = new EnumMap<>(SinkPath.class);
            while (true) {
                try {
                    Map<TopicPartition, Long> end = offsets.end();
                    boolean ready = true;
                    for (SinkPath path : firstPhase.keySet()) {
                        Map<TopicPartition, Long> committed = offsets.committed(group(path));
                        long lag = GroupOffsets.lag(end, committed);
                        lags.put(path, lag);
                        if (fault.path().isEmpty()) {
                            ready &= lag >= 1;
                        } else if (fault.path().get() == path) {
                            ready &= lag >= settings.backlogAtKill() && GroupOffsets.committedPast(committed, start);
                        }
                    }
                    if (ready) {
                        return lags;
                    }
                } catch (IllegalStateException e) {
                    // The broker was slow to answer: ask again.
                }
                if (System.nanoTime() > deadline) {
                    say("no backlog in flight within " + KILL_MOMENT_WAIT.toSeconds() + " s; killing now");
                    return lags;
                }
                if (System.nanoTime() - lastSaid > PROGRESS_EVERY_NANOS) {
                    lastSaid = System.nanoTime();
                    say("waiting for records in flight, not yet committed: " + describe(lags));
                }
                pause(POLL);
            }
        }

        private ProcessHandle victim() {
            return fault.stackService().map(service -> stack.process(service).running()).orElseGet(consumers::running)
                    .orElseThrow(() -> new IllegalStateException(fault.label() + " is not running, so it cannot be killed"));
        }

        /** Waits until the killed process is gone, and keeps the stack's records of it straight. */
        private void kill() {
            fault.stackService().ifPresentOrElse(stack::kill, consumers::kill);
        }

        private void restart() {
            if (fault.stackService().isPresent()) {
                stack.start(fault.stackService().get());
            } else {
                consumers.start();
                say("consumers started again, log " + consumers.logFile());
            }
            if (fault == Fault.CASSANDRA) {
                counts.reconnect();
            }
        }

        /** Polls Cassandra's write counts until each interrupted path's count rises past where it stood after the restart. */
        private Map<SinkPath, Duration> awaitWritingAgain(Set<SinkPath> interrupted, long killedAt) {
            Map<SinkPath, Duration> writingAgain = new EnumMap<>(SinkPath.class);
            if (interrupted.isEmpty()) {
                return writingAgain;
            }
            // A restarted Cassandra counts from zero, and counts no commit-log replay.
            Map<SinkPath, Long> baseline = fault == Fault.CASSANDRA ? new EnumMap<>(Map.of(SinkPath.CONNECT, 0L, SinkPath.CONSUMERS, 0L))
                    : answered("Cassandra's write counts", counts::read);
            long[] lastSaid = {System.nanoTime()};
            Poll.until(() -> {
                Map<SinkPath, Long> now;
                try {
                    now = counts.read();
                } catch (RuntimeException e) {
                    return false;
                }
                for (SinkPath path : interrupted) {
                    if (!writingAgain.containsKey(path) && now.get(path) > baseline.get(path)) {
                        Duration after = Duration.ofNanos(System.nanoTime() - killedAt);
                        writingAgain.put(path, after);
                        say(String.format(Locale.ROOT, "%s path writing again, %.1f s after the kill", path.label(), after.toMillis() / 1000.0));
                    }
                }
                if (System.nanoTime() - lastSaid[0] > PROGRESS_EVERY_NANOS) {
                    lastSaid[0] = System.nanoTime();
                    say(String.format(Locale.ROOT, "waiting for %s to write again (%.0f s since the kill)",
                            interrupted.stream().filter(p -> !writingAgain.containsKey(p)).map(SinkPath::label).toList(),
                            (System.nanoTime() - killedAt) / 1e9));
                }
                return writingAgain.keySet().containsAll(interrupted);
            }, settings.deadline(), Duration.ofMillis(200));
            for (SinkPath path : interrupted) {
                if (!writingAgain.containsKey(path)) {
                    say(path.label() + " path not writing again within " + settings.deadline().toSeconds() + " s of the kill");
                }
            }
            return writingAgain;
        }

        /** Waits until every running path has committed the whole stream so far: then all of it is written. */
        private boolean drain() {
            Map<TopicPartition, Long> end = answered("the topic's end offsets", offsets::end);
            long[] lastSaid = {System.nanoTime()};
            boolean drained = Poll.until(() -> {
                Map<SinkPath, Long> lags = new EnumMap<>(SinkPath.class);
                try {
                    for (SinkPath path : firstPhase.keySet()) {
                        lags.put(path, GroupOffsets.lag(end, offsets.committed(group(path))));
                    }
                } catch (IllegalStateException e) {
                    return false;
                }
                if (System.nanoTime() - lastSaid[0] > PROGRESS_EVERY_NANOS) {
                    lastSaid[0] = System.nanoTime();
                    say("paths catching up, records not yet committed: " + describe(lags));
                }
                return lags.values().stream().allMatch(lag -> lag == 0);
            }, settings.deadline(), Duration.ofMillis(250));
            say(String.format(Locale.ROOT, "%s: %,d records acknowledged so far; %s", fault.label(), ledger.acknowledgedCount(),
                    drained ? "every path has committed all of them" : "a path has not committed all of them within " + settings.deadline().toSeconds() + " s"));
            return drained;
        }
    }

    private static String describe(Map<SinkPath, Long> lags) {
        List<String> parts = new ArrayList<>();
        for (SinkPath path : SinkPath.values()) {
            parts.add(path.label() + " " + (lags.containsKey(path) ? String.format(Locale.ROOT, "%,d", lags.get(path)) : "not started"));
        }
        return String.join(", ", parts);
    }

    /** Asks until it gets an answer: a server that was just restarted may not answer at once. */
    private <T> T answered(String what, Supplier<T> question) {
        List<T> answer = new ArrayList<>(1);
        List<String> last = new ArrayList<>(List.of(""));
        boolean got = Poll.until(() -> {
            try {
                answer.add(question.get());
                return true;
            } catch (RuntimeException e) {
                last.set(0, String.valueOf(e.getMessage()));
                return false;
            }
        }, settings.deadline(), Duration.ofMillis(500));
        if (!got) {
            throw new IllegalStateException("no answer for " + what + " within " + settings.deadline().toSeconds() + " s: " + last.get(0));
        }
        return answer.get(0);
    }

    /** The scenario's own durations (a stream's length, a downtime): a clock, never a stand-in for readiness. */
    private static void hold(Duration duration) {
        pause(duration);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void say(String line) {
        progress.accept(String.format(Locale.ROOT, "[%6.1fs] chaos      %s", (System.nanoTime() - startedAt) / 1e9, line));
    }
}

package dev.kafkapipeline.local.chaos;

import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.Poll;
import dev.kafkapipeline.local.stack.ServerMember;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * <p>On a cluster the same accounting runs with one member of a kind killed
 * at a time: the broker that leads most of the topic's partitions, the first
 * Cassandra node (every client's first contact point), the Connect worker that
 * runs the path's task, and one of the two consumers. Both paths start with
 * the first fault, behind the stream. After each kill the run waits, the
 * member still down, until each stopped path has committed past the kill on
 * every partition (the leaders moved, the task or the partitions moved to the
 * other worker or consumer, QUORUM held with two nodes), then starts the
 * member again; {@link WriteStall} tells afterwards how long writing stalled.
 *
 * <p>The stack's servers must be running; the run leaves them running, also
 * when it fails. It adds its own connector and consumers process(es) and
 * removes them at the end.
 */
public final class FaultRun {
    static final String TOPIC = Topics.FAKER;
    private static final Duration KILL_MOMENT_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final NativeStack stack;
    private final ChaosSettings settings;
    private final Consumer<String> progress;
    private final long startedAt = System.nanoTime();
    private final String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000);
    private final boolean cluster;
    private final List<Fault> faults;
    private final KeyLedger ledger;
    private final ChaosConnector connector;
    /** The consumers path's processes: one, or a cluster's members of one group. */
    private final List<ConsumersProcess> consumers = new ArrayList<>();
    private final Map<SinkPath, Integer> firstPhase = new EnumMap<>(SinkPath.class);
    private final AtomicBoolean cleanedUp = new AtomicBoolean();

    /**
     * @param consumersClasspath the classpath to run the consumers service with (its module's build, or a test's classpath)
     */
    public FaultRun(NativeStack stack, ChaosSettings settings, String consumersClasspath, Consumer<String> progress) {
        this.stack = stack;
        this.settings = settings;
        this.progress = progress;
        this.cluster = stack.settings().topology().isCluster();
        this.faults = Fault.order(cluster);
        this.ledger = new KeyLedger(run, faults.size());
        this.connector = new ChaosConnector(stack.connectUrl(), stack.settings().repository(), "chaos-sink-" + run);
        Map<String, String> environment = new HashMap<>(stack.clientEnvironment());
        environment.put("CASSANDRA_KEYSPACE", SinkPath.CONSUMERS.keyspace());
        environment.put("FAKER_TABLE", ChaosTables.TABLE);
        environment.put("TOPIC_NAME", TOPIC);
        environment.put("CONSUMER_GROUP", group(SinkPath.CONSUMERS));
        environment.put("CONSUMER_SESSION_TIMEOUT", Long.toString(settings.sessionTimeout().toSeconds()));
        for (String name : stack.membersOf("consumers")) {
            consumers.add(new ConsumersProcess(stack.settings(), name.replace("consumers", ConsumersProcess.NAME), consumersClasspath, environment));
        }
    }

    private String group(SinkPath path) {
        return path == SinkPath.CONNECT ? connector.group() : "chaos-consumers-" + run;
    }

    public ChaosReport run() {
        for (String server : stack.serverNames()) {
            if (stack.process(server).running().isEmpty()) {
                throw new IllegalStateException(server + " is not running: start the stack first (./pipeline up)");
            }
        }
        CassandraSettings cassandra = stack.cassandraSettings();
        ChaosTables tables = new ChaosTables(cassandra);
        try (WriteCounts counts = new WriteCounts(cassandra, stack.cassandraNodes(), ChaosTables.TABLE);
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
            if (stack.membersOf("consumers").stream().anyMatch(name -> stack.serviceNames().contains(name) && stack.process(name).running().isPresent())) {
                otherReaders.add("the consumers service");
            }
            if (!otherReaders.isEmpty()) {
                say("also reading topic " + TOPIC + ": " + String.join(", ", otherReaders)
                        + "; they write the run's records into the pipeline's own table as well, and add to Cassandra's load");
            }
            List<PhaseRecord> phases = new ArrayList<>();
            for (int phase = 0; phase < faults.size(); phase++) {
                phases.add(new Phase(faults.get(phase), phase, counts, offsets, stream, start).run());
            }
            say("counting each path's rows, key by key");
            return ChaosReport.of(settings, stack.settings().topology(), commitlogSync, phases, tables.census(ledger, phases.size()),
                    ledger, firstPhase);
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
        for (String server : stack.serverNames()) {
            if (stack.process(server).running().isEmpty()) {
                say("starting " + server + " again");
                attempt("starting " + server, () -> stack.start(server));
            }
        }
        consumers.forEach(member -> member.stop(Duration.ofSeconds(30)));
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

        Phase(Fault fault, int phase, WriteCounts counts, GroupOffsets offsets, KeyStream stream, Map<TopicPartition, Long> start) {
            this.fault = fault;
            this.phase = phase;
            this.counts = counts;
            this.offsets = offsets;
            this.stream = stream;
            this.start = start;
        }

        PhaseRecord run() {
            WriteCounts.Reading before = answered("Cassandra's write counts", counts::read);
            stream.start(phase);
            say(fault.label() + ": streaming");
            List<SinkPath> starting = startingNow();
            hold(starting.isEmpty() ? settings.steady() : settings.backlog());
            starting.forEach(this::startPath);
            String victim = victim();
            ProcessHandle process = process(victim);
            KillMoment moment = awaitKillMoment();
            long producerInFlight = stream.unacknowledged();
            // Cassandra forgets its counts when it restarts: what it took up to the kill is read just before.
            Optional<WriteCounts.Reading> atKill = fault == Fault.CASSANDRA ? Optional.of(counts.read()) : Optional.empty();
            long killedAt = System.nanoTime();
            long killedAtMicros = System.currentTimeMillis() * 1000;
            // SIGKILL straight after the readings: every moment in between is writes the counts miss.
            process.destroyForcibly();
            kill(victim);
            say(String.format(Locale.ROOT, "%s killed (SIGKILL) with records in flight: %s; producer %,d unacknowledged",
                    victim, describe(moment.lags()), producerInFlight));
            Set<SinkPath> interrupted = EnumSet.noneOf(SinkPath.class);
            interrupted.addAll(fault.interrupts());
            interrupted.retainAll(firstPhase.keySet());
            Map<SinkPath, Duration> writingAgain;
            if (cluster) {
                // The rest of the cluster must carry the stream while the member is down.
                writingAgain = awaitCommittingAgain(interrupted, moment.committed(), killedAt);
                hold(settings.downtime().minus(Duration.ofNanos(System.nanoTime() - killedAt)));
                restart(victim);
            } else {
                hold(settings.downtime());
                restart(victim);
                writingAgain = awaitWritingAgain(interrupted, killedAt);
            }
            hold(settings.steady());
            long streamEndMicros = System.currentTimeMillis() * 1000;
            stream.pause();
            boolean drained = drain();
            WriteCounts.Reading after = answered("Cassandra's write counts", counts::read);
            Optional<String> restarted = fault == Fault.CASSANDRA ? Optional.of(victim) : Optional.empty();
            Map<SinkPath, Long> writes = new EnumMap<>(SinkPath.class);
            for (SinkPath path : SinkPath.values()) {
                writes.put(path, after.since(before, path, restarted, atKill));
            }
            return new PhaseRecord(fault, victim, moment.lags(), producerInFlight, interrupted, writingAgain, writes, drained,
                    killedAtMicros, streamEndMicros);
        }

        /** On a single node a path starts with its own fault; on a cluster both start with the first. */
        private List<SinkPath> startingNow() {
            if (cluster) {
                return phase == 0 ? List.of(SinkPath.values()) : List.of();
            }
            return fault.path().map(List::of).orElse(List.of());
        }

        private void startPath(SinkPath path) {
            long behind = GroupOffsets.lag(answered("the topic's end offsets", offsets::end), start);
            if (path == SinkPath.CONNECT) {
                connector.register();
            } else {
                consumers.forEach(ConsumersProcess::start);
            }
            firstPhase.put(path, phase);
            say(String.format(Locale.ROOT, "started the %s path, %,d records behind the stream", path.label(), behind));
        }

        /** Each running path's lag and committed offsets just before the kill. */
        private record KillMoment(Map<SinkPath, Long> lags, Map<SinkPath, Map<TopicPartition, Long>> committed) {}

        /**
         * Waits until the paths have records in flight: a path that started
         * in this phase must have committed once and still have a backlog; any
         * other path the fault stops must have something uncommitted.
         */
        private KillMoment awaitKillMoment() {
            long deadline = System.nanoTime() + KILL_MOMENT_WAIT.toNanos();
            long lastSaid = System.nanoTime();
            Map<SinkPath, Long> lags = new EnumMap<>(SinkPath.class);
            Map<SinkPath, Map<TopicPartition, Long>> commits = new EnumMap<>(SinkPath.class);
            while (true) {
                try {
                    Map<TopicPartition, Long> end = offsets.end();
                    boolean ready = true;
                    for (SinkPath path : firstPhase.keySet()) {
                        Map<TopicPartition, Long> committed = offsets.committed(group(path));
                        long lag = GroupOffsets.lag(end, committed);
                        lags.put(path, lag);
                        commits.put(path, committed);
                        if (firstPhase.get(path) == phase) {
                            ready &= lag >= settings.backlogAtKill() && GroupOffsets.committedPast(committed, start);
                        } else if (fault.interrupts().contains(path)) {
                            ready &= lag >= 1;
                        }
                    }
                    if (ready) {
                        return new KillMoment(lags, commits);
                    }
                } catch (IllegalStateException e) {
                    // The broker was slow to answer: ask again.
                }
                if (System.nanoTime() > deadline) {
                    say("no backlog in flight within " + KILL_MOMENT_WAIT.toSeconds() + " s; killing now");
                    return new KillMoment(lags, commits);
                }
                if (System.nanoTime() - lastSaid > PROGRESS_EVERY_NANOS) {
                    lastSaid = System.nanoTime();
                    say("waiting for records in flight, not yet committed: " + describe(lags));
                }
                pause(POLL);
            }
        }

        /**
         * The service to kill: the stack's one of the fault's kind; on a
         * cluster, the broker that leads most of the topic's partitions (so
         * that leaders must move), the first Cassandra node (every client's
         * first contact point and a seed), the worker that runs the path's
         * task (so that it must move), the first consumer.
         */
        private String victim() {
            if (fault == Fault.CONSUMERS) {
                return consumers.get(0).name();
            }
            List<String> members = stack.membersOf(fault.kind().orElseThrow());
            if (!cluster) {
                return members.get(0);
            }
            return switch (fault) {
                case KAFKA_BROKER -> {
                    Map<Integer, Integer> leaders = answered("the partitions' leaders", offsets::leaders);
                    ServerMember busiest = stack.brokers().get(0);
                    for (ServerMember broker : stack.brokers()) {
                        if (Collections.frequency(leaders.values(), broker.number()) > Collections.frequency(leaders.values(), busiest.number())) {
                            busiest = broker;
                        }
                    }
                    yield busiest.name();
                }
                case CONNECT_WORKER -> {
                    String worker = answered("the worker of the connector's task", () -> connector.taskWorker()
                            .orElseThrow(() -> new IllegalStateException("the task runs on no worker yet")));
                    yield stack.connectWorkers().stream().filter(member -> worker.startsWith(member.host() + ":"))
                            .findFirst().orElseThrow(() -> new IllegalStateException("no worker of this stack is " + worker)).name();
                }
                default -> members.get(0);
            };
        }

        private ProcessHandle process(String victim) {
            Optional<ProcessHandle> running = fault == Fault.CONSUMERS ? member(victim).running() : stack.process(victim).running();
            return running.orElseThrow(() -> new IllegalStateException(victim + " is not running, so it cannot be killed"));
        }

        private ConsumersProcess member(String name) {
            return consumers.stream().filter(member -> member.name().equals(name)).findFirst().orElseThrow();
        }

        /** Waits until the killed process is gone, and keeps the stack's records of it straight. */
        private void kill(String victim) {
            if (fault == Fault.CONSUMERS) {
                member(victim).kill();
            } else {
                stack.kill(victim);
            }
        }

        private void restart(String victim) {
            if (fault == Fault.CONSUMERS) {
                member(victim).start();
                say(victim + " started again, log " + member(victim).logFile());
            } else {
                stack.start(victim);
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
                    : answered("Cassandra's write counts", counts::read).totals();
            long[] lastSaid = {System.nanoTime()};
            Poll.until(() -> {
                Map<SinkPath, Long> now;
                try {
                    now = counts.read().totals();
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

        /**
         * Polls the paths' committed offsets until each interrupted path has
         * committed past the kill on every partition of the topic: it wrote
         * again there too, whichever partitions the fault had stopped.
         */
        private Map<SinkPath, Duration> awaitCommittingAgain(Set<SinkPath> interrupted, Map<SinkPath, Map<TopicPartition, Long>> atKill,
                                                             long killedAt) {
            Map<SinkPath, Duration> again = new EnumMap<>(SinkPath.class);
            long[] lastSaid = {System.nanoTime()};
            Poll.until(() -> {
                for (SinkPath path : interrupted) {
                    if (again.containsKey(path)) {
                        continue;
                    }
                    Map<TopicPartition, Long> before = atKill.getOrDefault(path, Map.of());
                    Map<TopicPartition, Long> now;
                    Map<TopicPartition, Long> end;
                    try {
                        end = offsets.end();
                        now = offsets.committed(group(path));
                    } catch (IllegalStateException e) {
                        return false;
                    }
                    if (end.keySet().stream().allMatch(partition -> now.getOrDefault(partition, 0L) > before.getOrDefault(partition, 0L))) {
                        Duration after = Duration.ofNanos(System.nanoTime() - killedAt);
                        again.put(path, after);
                        say(String.format(Locale.ROOT, "%s path committing again on every partition, %.1f s after the kill",
                                path.label(), after.toMillis() / 1000.0));
                    }
                }
                boolean all = again.keySet().containsAll(interrupted);
                if (!all && System.nanoTime() - lastSaid[0] > PROGRESS_EVERY_NANOS) {
                    lastSaid[0] = System.nanoTime();
                    say(String.format(Locale.ROOT, "waiting for %s to commit again on every partition (%.0f s since the kill)",
                            interrupted.stream().filter(p -> !again.containsKey(p)).map(SinkPath::label).toList(), (System.nanoTime() - killedAt) / 1e9));
                }
                return all;
            }, settings.deadline(), Duration.ofMillis(200));
            for (SinkPath path : interrupted) {
                if (!again.containsKey(path)) {
                    say(path.label() + " path not committing again on every partition within " + settings.deadline().toSeconds() + " s of the kill");
                }
            }
            return again;
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
        if (!duration.isNegative()) {
            pause(duration);
        }
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

package dev.kafkapipeline.f1.bench;

import dev.kafkapipeline.f1.ArchiveFixtures;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.f1.laps.SessionLaps;
import dev.kafkapipeline.f1.laps.SessionLoader;
import dev.kafkapipeline.f1.stream.TimingStream;
import dev.kafkapipeline.f1.stream.Warnings;
import dev.kafkapipeline.testsupport.F1Archive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Budget: a whole race parsed and built into laps in at most 150 ms once warm
 * (2018 Baku: 2.5 MB, 23,500 lines of TimingData). {@code parseTimingData}
 * reads the same TimingData from memory without building laps, so the two
 * figures of one run show what the lap building itself costs.
 * Run from the repository root (compiles, writes the test classpath, runs JMH):
 * <pre>
 * ./mvnw -q -B -pl f1-producer -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *   -Dmdep.outputFile=target/test-classpath.txt &amp;&amp; (cd f1-producer &amp;&amp; java -cp \
 *   target/test-classes:target/classes:$(cat target/test-classpath.txt) org.openjdk.jmh.Main LapsBenchmark)
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class LapsBenchmark {
    private ArchiveClient archive;
    private SessionLoader loader;
    private byte[] timingData;

    @Setup(Level.Trial)
    public void open() throws IOException {
        archive = new ArchiveClient(ArchiveSettings.of(F1Archive.root().toString()));
        loader = new SessionLoader(archive);
        timingData = Files.readAllBytes(F1Archive.root().resolve(ArchiveFixtures.BAKU_2018_RACE)
                .resolve("TimingData.jsonStream"));
    }

    @TearDown(Level.Trial)
    public void close() {
        archive.close();
    }

    @Benchmark
    public SessionLaps wholeRace() {
        return loader.load(ArchiveFixtures.BAKU_2018_RACE);
    }

    @Benchmark
    public int parseTimingData(Blackhole hole) {
        InputStream in = new ByteArrayInputStream(timingData);
        return TimingStream.read(in, "TimingData.jsonStream", new Warnings(), (t, update, line) -> hole.consume(update));
    }
}

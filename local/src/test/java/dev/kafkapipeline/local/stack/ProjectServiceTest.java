package dev.kafkapipeline.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectServiceTest {
    @TempDir
    Path home;

    private static ServiceCatalog.Entry entry(String service) {
        return ServiceCatalog.ENTRIES.stream().filter(e -> e.name().equals(service)).findFirst().orElseThrow();
    }

    private Map<String, String> environment(String service, Map<String, String> exported) {
        EnvConfig env = new EnvConfig(exported).with(Map.of("PIPELINE_HOME", home.toString()));
        StackSettings settings = StackSettings.forCommandLine(env, Path.of("/repo"));
        ServiceCatalog.Entry entry = entry(service);
        return new ProjectService(entry, settings, new ModuleClasspath(Path.of("/repo", entry.module()), "classes")).environment();
    }

    /** The page's memory budget is measured natively; the image must start the same JVM or the figure says nothing of it. */
    @Test
    void theLivePagesImageStartsTheJvmTheNativeStackStarts() throws IOException {
        ServiceCatalog.Entry watch = entry("watch");
        List<String> dockerfile = Files.readAllLines(Path.of("..", "watch", "Dockerfile"));
        assertTrue(dockerfile.contains("ENV MALLOC_ARENA_MAX=" + watch.defaults().get("MALLOC_ARENA_MAX")),
                "watch/Dockerfile sets MALLOC_ARENA_MAX as the native stack does (" + watch.defaults().get("MALLOC_ARENA_MAX") + ")");
        String entrypoint = dockerfile.stream().filter(line -> line.startsWith("ENTRYPOINT")).findFirst().orElseThrow()
                .substring("ENTRYPOINT".length());
        List<String> command = Json.MAPPER.readValue(entrypoint, new TypeReference<List<String>>() {});
        List<String> expected = new ArrayList<>(List.of("-Xms" + watch.heap(), "-Xmx" + watch.heap(), "-XX:+UseSerialGC"));
        expected.addAll(watch.jvmOptions());
        assertEquals(expected, command.subList(1, command.indexOf("-cp")), "watch/Dockerfile's ENTRYPOINT");
    }

    /** The page's server rebuilds the stack's settings from its environment; a test's stack is not in the inherited one. */
    @Test
    void theLivePageFindsTheStackThatStartedItWhereverItsPortsAndHomeCameFrom() {
        StackSettings tests = StackSettings.forTests(new EnvConfig(Map.of()), Path.of("/repo"), home.resolve("test-stack"));
        ServiceCatalog.Entry watch = entry("watch");
        Map<String, String> env = new ProjectService(watch, tests, new ModuleClasspath(Path.of("/repo", watch.module()), "classes")).environment();

        StackSettings seen = StackSettings.forCommandLine(new EnvConfig(env), Path.of("/repo"));
        assertEquals(tests.ports(), seen.ports());
        assertEquals(tests.home(), seen.home());
        assertEquals(tests.topology(), seen.topology());
    }

    @Test
    void aServiceIsToldWhereToWriteHowItsRunEnded() {
        assertEquals(home.resolve("run/fastf1.outcome").toString(), environment("fastf1", Map.of()).get("PIPELINE_OUTCOME_FILE"));
    }

    @Test
    void offlineTheF1ProducerReplaysBakuFromTheArchiveSampleWhateverArchiveWasExported() {
        Map<String, String> env = environment("fastf1", Map.of("PIPELINE_OFFLINE", "true",
                "F1_ARCHIVE_URL", "https://livetiming.formula1.com/static", "F1_ARCHIVE_MIRRORS", "https://mirror.example",
                "F1_SESSION", "2023 Austria Race", "F1_DRIVERS", "HAM,RUS"));
        assertEquals("/repo/f1-producer/archive-sample", env.get("F1_ARCHIVE_URL"));
        assertEquals("", env.get("F1_ARCHIVE_MIRRORS"));
        assertEquals("2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race", env.get("F1_SESSION"));
        assertEquals("HAM,RUS", env.get("F1_DRIVERS"), "the drivers are the user's to choose");
        assertEquals("0.5", env.get("SLEEP_TIME"), "one lap every half second unless SLEEP_TIME says otherwise");
        assertEquals("true", env.get("PIPELINE_OFFLINE"));
    }

    @Test
    void theOfflineLineNamesTheDriversAndPaceTheProducerWillUse() {
        String usual = announcement(Map.of());
        assertTrue(usual.contains("(VER,LEC)") && usual.contains("one lap every 0.5 s"), usual);
        String replay = announcement(Map.of("F1_DRIVERS", "all", "F1_REPLAY_SPEED", "20"));
        assertTrue(replay.contains("(all)") && replay.contains("at 20 times the pace") && !replay.contains("lap every"), replay);
    }

    private String announcement(Map<String, String> exported) {
        return OfflineRace.announcement(StackSettings.forCommandLine(new EnvConfig(exported).with(Map.of("PIPELINE_HOME", home.toString())),
                Path.of("/repo")));
    }

    @Test
    void offlineTheWeatherProducerIsToldSoAndOnlineNoServiceIs() {
        assertEquals("true", environment("weather", Map.of("PIPELINE_OFFLINE", "true")).get("PIPELINE_OFFLINE"));
        Map<String, String> online = environment("fastf1", Map.of());
        assertFalse(online.containsKey("PIPELINE_OFFLINE"));
        assertFalse(online.containsKey("F1_SESSION"));
    }
}

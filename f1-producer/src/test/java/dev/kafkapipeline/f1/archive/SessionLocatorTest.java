package dev.kafkapipeline.f1.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.f1.ArchiveFixtures;
import dev.kafkapipeline.testsupport.F1Archive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLocatorTest {
    private static ArchiveClient archive;
    private static SessionLocator locator;

    @BeforeAll
    static void open() {
        archive = new ArchiveClient(ArchiveSettings.of(F1Archive.root().toString()));
        locator = new SessionLocator(archive);
    }

    @AfterAll
    static void close() {
        archive.close();
    }

    @Test
    void findsAnEventByLocationAndASessionByShorthand() {
        assertEquals(ArchiveFixtures.BAKU_2023_SPRINT, locator.locate(SessionQuery.parse("2023 baku S")));
        assertEquals(ArchiveFixtures.BAKU_2023_SPRINT, locator.locate(SessionQuery.parse(List.of("2023", "Azerbaijan", "Sprint"))));
    }

    @Test
    void findsAnEventByNameWords() {
        assertEquals(ArchiveFixtures.MONZA_2021_FP2, locator.locate(SessionQuery.parse("2021 Italian FP2")));
        assertEquals("2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-28_Qualifying",
                locator.locate(SessionQuery.parse("2023 Azerbaijan Grand Prix Q")));
    }

    /** A network error is worth another try; an index that arrived whole but is not JSON is not. */
    @Test
    void anIndexThatIsNotJsonIsMalformed(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("2023"));
        Files.writeString(root.resolve("2023/Index.json"), "<html>Moved</html>");
        try (ArchiveClient client = new ArchiveClient(ArchiveSettings.of(root.toString()))) {
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> new SessionLocator(client).locate(SessionQuery.parse("2023 Baku S")));
            assertEquals(ArchiveException.Reason.MALFORMED, e.reason());
            assertTrue(e.getMessage().startsWith("2023/Index.json is not valid JSON: "), e.getMessage());
        }
    }

    @Test
    void aPathIsTakenAsItIs() {
        assertEquals(ArchiveFixtures.BAKU_2018_RACE, locator.locate(SessionQuery.parse("/" + ArchiveFixtures.BAKU_2018_RACE + "/")));
    }

    @Test
    void anUnknownEventListsTheSeasonsEvents() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> locator.locate(SessionQuery.parse("2023 Atlantis Race")));
        assertEquals(ArchiveException.Reason.UNKNOWN_SESSION, e.reason());
        assertTrue(e.getMessage().contains("Atlantis") && e.getMessage().contains("Azerbaijan Grand Prix"), e.getMessage());
    }

    @Test
    void anUnknownSessionListsTheEventsSessions() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> locator.locate(SessionQuery.parse("2023 Baku FP9")));
        assertEquals(ArchiveException.Reason.UNKNOWN_SESSION, e.reason());
        assertTrue(e.getMessage().contains("FP9") && e.getMessage().contains("Sprint"), e.getMessage());
    }

    @Test
    void aSeasonWithoutAnIndexIsNotFound() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> locator.locate(SessionQuery.parse("1949 Silverstone Race")));
        assertEquals(ArchiveException.Reason.NOT_FOUND, e.reason());
    }

    /** An index entry whose path climbs out of the archive is refused, whatever the archive's index says. */
    @Test
    void anIndexPathThatLeavesTheArchiveIsRefused() throws Exception {
        JsonNode index = Json.MAPPER.readTree("{\"Meetings\":[{\"Name\":\"Azerbaijan Grand Prix\",\"Location\":\"Baku\","
                + "\"Sessions\":[{\"Name\":\"Sprint\",\"Path\":\"2023/../../../etc/\"}]}]}");
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> SessionLocator.locate(SessionQuery.parse("2023 Baku S"), index, "2023/Index.json"));
        assertEquals(ArchiveException.Reason.REFUSED, e.reason());
        assertEquals("2023/Index.json: the path of Azerbaijan Grand Prix Sprint, \"2023/../../../etc/\", leaves the archive root; refused",
                e.getMessage());
    }

    @Test
    void aQueryNeedsYearEventAndSession() {
        assertThrows(IllegalArgumentException.class, () -> SessionQuery.parse("2023 Austria"));
        assertThrows(IllegalArgumentException.class, () -> SessionQuery.parse("Austria 2023 Race"));
    }
}

package dev.kafkapipeline.vis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderRequestTest {

    @Test
    void defaultsToTheLatestSessionVerstappenAgainstLeclercAndImg() {
        assertEquals(new RenderRequest(Optional.empty(), List.of("VER", "LEC"), Path.of("img")), RenderRequest.parse());
    }

    @Test
    void readsSessionDriversAndOutputFolder() {
        RenderRequest request = RenderRequest.parse("--drivers", "ham, bot,HAM", "--session", "2018/x/y", "--out", "/tmp/charts");
        assertEquals(new RenderRequest(Optional.of("2018/x/y"), List.of("HAM", "BOT"), Path.of("/tmp/charts")), request);
    }

    @Test
    void rejectsOneDriverUnknownOptionsAndMissingValues() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RenderRequest.parse("--drivers", "VER"))
                .getMessage().startsWith("--drivers 'VER' must name at least two drivers"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RenderRequest.parse("--colour", "red"))
                .getMessage().startsWith("unknown option '--colour'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RenderRequest.parse("--out"))
                .getMessage().startsWith("option '--out' needs a value"));
    }
}

package dev.kafkapipeline.watch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StaticFilesTest {
    private final StaticFiles files = new StaticFiles();

    @Test
    void thePageAndItsChartLibraryComeFromTheClasspath() {
        StaticFiles.File page = files.find("/").orElseThrow();
        assertEquals("text/html; charset=utf-8", page.type());
        String html = new String(page.bytes(), StandardCharsets.UTF_8);
        assertTrue(html.contains("src=\"" + StaticFiles.CHART_LIBRARY + "\""), "the page loads uPlot from this server");
        assertTrue(!html.contains("https://") && !html.contains("http://"), "the page names no other server");
        StaticFiles.File library = files.find(StaticFiles.CHART_LIBRARY).orElseThrow();
        assertEquals("text/javascript; charset=utf-8", library.type());
        assertTrue(new String(library.bytes(), StandardCharsets.UTF_8).contains("uPlot"));
        assertTrue(files.find(StaticFiles.CHART_STYLES).isPresent());
        assertTrue(files.find("/watch.js").isPresent());
    }

    @Test
    void nothingOutsideThePagesFolderIsServed() {
        for (String path : new String[] {"/../logback.xml", "/watch/../application.conf", "/.hidden", "/application.conf",
                "/META-INF/MANIFEST.MF", "/lib/uPlot.cjs.js"}) {
            assertTrue(files.find(path).isEmpty(), path);
        }
    }
}

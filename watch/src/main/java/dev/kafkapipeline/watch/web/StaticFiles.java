package dev.kafkapipeline.watch.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The page's files, from the classpath only: the page itself from
 * {@code watch/}, the chart library from its WebJar. Nothing is fetched from
 * elsewhere, so the page works without internet.
 */
final class StaticFiles {
    /** Where the page finds uPlot; the WebJar's own version decides the path inside it. */
    static final String CHART_LIBRARY = "/lib/uPlot.iife.min.js";
    static final String CHART_STYLES = "/lib/uPlot.min.css";

    private static final Pattern SAFE_NAME = Pattern.compile("/[A-Za-z0-9._-]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png");

    record File(byte[] bytes, String type) {}

    private final String webJarRoot;

    StaticFiles() {
        this.webJarRoot = "META-INF/resources/webjars/uplot/" + webJarVersion("org.webjars.npm", "uplot") + "/dist";
    }

    /** The file for a request path, or empty when there is none (a name with a slash or dots in front never matches). */
    Optional<File> find(String path) {
        String resource;
        if (path.equals("/")) {
            resource = "watch/index.html";
        } else if (path.equals(CHART_LIBRARY) || path.equals(CHART_STYLES)) {
            resource = webJarRoot + path.substring("/lib".length());
        } else if (SAFE_NAME.matcher(path).matches() && !path.startsWith("/.")) {
            resource = "watch" + path;
        } else {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            return Optional.of(new File(in.readAllBytes(), TYPES.getOrDefault(extension, "application/octet-stream")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webJarVersion(String group, String artifact) {
        String properties = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + group + ":" + artifact + " is not on the classpath");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.kafkapipeline.vis.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Objects;
import java.util.Properties;

/**
 * Guards the one class this module replaces in rapaio-jupyter-kernel. The
 * replacement wins only by coming first on the classpath, and it was written
 * against one version of the stock class: a newer kernel jar, or a classpath
 * that puts the stock jar first, would quietly bring back the start-up hang.
 * Either stops the kernel at start with a message saying what to do.
 *
 * @param replaced     the replaced class
 * @param writtenFor   the version of the stock jar the replacement was written against
 * @param stockVersion the version of the stock jar on the classpath
 */
record PatchedClass(Class<?> replaced, String writtenFor, String stockVersion) {
    static final String STOCK_ARTIFACT = "io.github.padreati/rapaio-jupyter-kernel";

    /** The stock jar's version as its pom.properties records it, or "unknown". */
    static String stockVersion(ClassLoader loader) {
        URL resource = loader.getResource("META-INF/maven/" + STOCK_ARTIFACT + "/pom.properties");
        if (resource == null) {
            return "unknown";
        }
        Properties pom = new Properties();
        try (InputStream in = resource.openStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return pom.getProperty("version", "unknown");
    }

    /**
     * Fails unless the stock jar is the version the replacement was written for
     * and the replacement, not the stock class, was loaded (same code source as
     * {@code patchOrigin}, a class of this module).
     */
    void check(Class<?> patchOrigin) {
        if (!writtenFor.equals(stockVersion)) {
            throw new IllegalStateException(STOCK_ARTIFACT + " " + stockVersion + " is on the classpath, but "
                    + replaced.getName() + " in data-vis/kernel replaces the class of " + writtenFor
                    + ": compare it with the new version's and update it (and its version) before using the kernel");
        }
        if (!Objects.equals(location(replaced), location(patchOrigin))) {
            throw new IllegalStateException("the stock " + replaced.getName() + " (from " + location(replaced)
                    + ") shadows the patched one: data-vis/kernel's classes must come before the kernel jar on the classpath");
        }
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? "unknown" : String.valueOf(source.getLocation());
    }
}

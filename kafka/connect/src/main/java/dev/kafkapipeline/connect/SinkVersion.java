package dev.kafkapipeline.connect;

/** The plugin's version as Connect reports it, from the jar's build. */
final class SinkVersion {
    static final String VERSION = versionOf();

    private SinkVersion() {}

    private static String versionOf() {
        String version = SinkVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "1.0.0-SNAPSHOT";
    }
}

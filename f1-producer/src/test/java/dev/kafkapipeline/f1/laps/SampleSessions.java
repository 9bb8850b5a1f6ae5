package dev.kafkapipeline.f1.laps;

import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.testsupport.F1Archive;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions of the archive sample, each read once per test JVM. */
final class SampleSessions {
    private static final Map<String, SessionLaps> LOADED = new ConcurrentHashMap<>();

    private SampleSessions() {}

    static SessionLaps load(String path) {
        return LOADED.computeIfAbsent(path, p -> {
            try (ArchiveClient archive = new ArchiveClient(ArchiveSettings.of(F1Archive.root().toString()))) {
                return new SessionLoader(archive).load(p);
            }
        });
    }

    /** One driver's lap by number; fails the test when the session has no such lap. */
    static Lap lap(SessionLaps session, String code, int number) {
        return session.lapsOf(code).stream().filter(l -> l.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError(code + " has no lap " + number + " in " + session.session().key()));
    }
}

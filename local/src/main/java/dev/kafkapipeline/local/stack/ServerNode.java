package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.process.ModuleClasspath;
import java.nio.file.Path;
import java.util.Map;

/** A server of the stack (Cassandra, the broker, Connect): run from its node module, with a folder of its own under data/. */
abstract class ServerNode implements StackService {
    protected final StackSettings settings;
    protected final ModuleClasspath classpath;
    protected final ServerMember member;

    ServerNode(ServerMember member, StackSettings settings, ModuleClasspath classpath) {
        this.member = member;
        this.settings = settings;
        this.classpath = classpath;
    }

    @Override
    public final String name() {
        return member.name();
    }

    /** This server's data and configuration folder. */
    protected final Path home() {
        return settings.dataDirectory().resolve(member.name());
    }

    /** The log4j2 or logback file its node module ships, by path, so no other copy on the classpath can win. */
    protected final Path loggingConfig(String file) {
        return classpath.module().resolve("target/classes").resolve(file);
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }
}

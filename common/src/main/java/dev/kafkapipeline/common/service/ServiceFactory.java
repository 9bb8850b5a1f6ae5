package dev.kafkapipeline.common.service;

import dev.kafkapipeline.common.config.EnvConfig;

/**
 * Reads a service's configuration and builds the service, without starting
 * any work; a missing or malformed value throws a ConfigException naming it.
 */
@FunctionalInterface
public interface ServiceFactory {
    Service create(EnvConfig env);
}

package dev.kafkapipeline.cassandra.client.write;

/** A record whose row Cassandra refused for good, with the reason. */
public record Rejection<S>(S source, RejectedRecordException reason) {}

package dev.kafkapipeline.watch.flow;

/**
 * Where the page's flow comes from: the same reading of the stack as
 * {@code ./pipeline status}. It must return within a few seconds whatever is
 * down, with each part that could not be read marked as such.
 */
public interface FlowSnapshotSource extends AutoCloseable {

    FlowSnapshot snapshot();

    @Override
    void close();
}

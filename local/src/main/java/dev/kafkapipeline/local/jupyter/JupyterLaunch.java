package dev.kafkapipeline.local.jupyter;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start Jupyter for the pipeline: run {@code command} in {@code workingDirectory}
 * with {@code environment} added to the parent's (the token is there, JUPYTER_TOKEN,
 * never on the command line); users open {@code url} (it carries the token).
 */
public record JupyterLaunch(
        List<String> command, Map<String, String> environment, Path workingDirectory, URI url, String token, int port) {

    /** The status endpoint that answers 200 once the server serves requests. */
    public URI statusUrl() {
        return URI.create("http://127.0.0.1:" + port + "/api/status?token=" + token);
    }

    @Override
    public String toString() {
        // The token is a credential: keep it out of logs that print the launch.
        return "JupyterLaunch[command=" + command.get(0) + " notebook, port=" + port + ", dir=" + workingDirectory + "]";
    }
}

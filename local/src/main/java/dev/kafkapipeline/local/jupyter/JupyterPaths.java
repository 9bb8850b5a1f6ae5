package dev.kafkapipeline.local.jupyter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jupyter's data, config and runtime folders (and IPython's) inside one project folder. */
public record JupyterPaths(Path data, Path config, Path runtime, Path ipython) {

    public static JupyterPaths under(Path root) {
        return new JupyterPaths(root.resolve("data"), root.resolve("config"), root.resolve("runtime"), root.resolve("ipython"));
    }

    public void create() throws IOException {
        for (Path dir : new Path[] {data, config, runtime, ipython}) {
            Files.createDirectories(dir);
        }
    }

    /** The variables that keep Jupyter out of the user's home; JUPYTER_PATH makes it find the project's kernel. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JUPYTER_PATH", data.toString());
        env.put("JUPYTER_DATA_DIR", data.toString());
        env.put("JUPYTER_CONFIG_DIR", config.toString());
        env.put("JUPYTER_RUNTIME_DIR", runtime.toString());
        env.put("IPYTHONDIR", ipython.toString());
        return env;
    }
}

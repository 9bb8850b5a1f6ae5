package dev.kafkapipeline.local.jupyter;

import dev.kafkapipeline.local.process.ModuleClasspath;
import dev.kafkapipeline.local.stack.LoopbackHttp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jupyter Notebook for the native stack: the project's Java kernel installed into
 * a project-local Jupyter path under the stack's state directory (never the
 * user's home), the server on 127.0.0.1 with a fresh token, in data-vis/notebooks.
 */
public final class JupyterService {
    /** Debian's jupyter; another python3 earlier on PATH may lack the notebook package. */
    public static final Path DEBIAN_JUPYTER = Path.of("/usr/bin/jupyter");
    public static final String INSTALL_HINT = "Jupyter is not installed, so no notebook server was started. "
            + "Install it with: sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel";

    private JupyterService() {}

    /** The jupyter executable, if Debian's is installed and has the notebook server. */
    public static Optional<Path> findJupyter() {
        return Files.isExecutable(DEBIAN_JUPYTER) && Files.isExecutable(Path.of("/usr/bin/jupyter-notebook"))
                ? Optional.of(DEBIAN_JUPYTER)
                : Optional.empty();
    }

    /**
     * Installs the kernel under {@code stateDir/jupyter} and returns how to start the
     * server; data-vis and data-vis/kernel must be packaged (their target/classpath.txt).
     */
    public static JupyterLaunch prepare(Path stateDir, Path repoRoot, int port) throws IOException {
        return prepare(stateDir, repoRoot, port, DEBIAN_JUPYTER, token(stateDir));
    }

    static JupyterLaunch prepare(Path stateDir, Path repoRoot, int port, Path jupyter, String token) throws IOException {
        JupyterPaths paths = JupyterPaths.under(stateDir.toAbsolutePath().resolve("jupyter"));
        paths.create();
        Path root = repoRoot.toAbsolutePath();
        KernelSpec spec = new KernelSpec(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                built(root.resolve("data-vis/kernel")),
                built(root.resolve("data-vis")));
        spec.installInto(paths.data());

        Path notebooks = root.resolve("data-vis/notebooks");
        List<String> command = new ArrayList<>(List.of(
                jupyter.toString(), "notebook",
                "--no-browser",
                "--ip=127.0.0.1",
                "--port=" + port,
                "--port-retries=0",
                "--notebook-dir=" + notebooks,
                "--MappingKernelManager.default_kernel_name=" + KernelSpec.NAME));
        if (runningAsRoot()) {
            // CI and containers run as root; the notebook server refuses to start there without this.
            command.add("--allow-root");
        }
        Map<String, String> env = new LinkedHashMap<>(paths.environment());
        // Jupyter Notebook 6 reads its token from JUPYTER_TOKEN; a command line
        // would show it to every user of the machine (ps), an environment only to its owner.
        env.put("JUPYTER_TOKEN", token);
        URI url = URI.create("http://127.0.0.1:" + port + "/tree?token=" + token);
        return new JupyterLaunch(List.copyOf(command), env, notebooks, url, token, port);
    }

    /** True once the server answers its status endpoint with 200 (false while it is still starting). */
    public static boolean isReady(JupyterLaunch launch) {
        return LoopbackHttp.answersOk(launch.statusUrl().toString(), Duration.ofSeconds(3));
    }

    private static ModuleClasspath built(Path module) {
        return ModuleClasspath.of(module).orElseThrow(() -> new IllegalStateException(module
                + " is not built: run ./mvnw -q -B -DskipTests package"));
    }

    /**
     * The server's token, made once per state directory and kept there, so that
     * {@code ./pipeline status} can show the same URL as {@code up}. The file is
     * created readable by its owner only, never for a moment by anyone else, in
     * folders it creates owner-only too.
     */
    public static String token(Path stateDir) throws IOException {
        Path file = stateDir.toAbsolutePath().resolve("jupyter/token");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String token = newToken();
        try (SeekableByteChannel out = Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            out.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (FileAlreadyExistsException madeMeanwhile) {
            return Files.readString(file).trim();
        }
        return token;
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

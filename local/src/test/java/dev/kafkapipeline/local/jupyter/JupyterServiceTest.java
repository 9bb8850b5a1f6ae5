package dev.kafkapipeline.local.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JupyterServiceTest {
    @TempDir
    Path temp;

    @Test
    void installsTheKernelUnderTheStateDirectoryWithBothClasspaths() throws Exception {
        Path repo = FakeRepo.create(temp.resolve("repo"));
        Path state = temp.resolve("state");
        JupyterService.prepare(state, repo, 8888, Path.of("/usr/bin/jupyter"), "t0k3n");

        Path kernelJson = state.resolve("jupyter/data/kernels/pipeline-java/kernel.json");
        Map<String, Object> spec = Json.readObject(Files.readAllBytes(kernelJson));
        List<?> argv = (List<?>) spec.get("argv");
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0));
        assertEquals("-cp", argv.get(2));
        assertEquals(repo.resolve("data-vis/kernel/target/classes") + ":/m2/rapaio-jupyter-kernel-3.0.1.jar", argv.get(3));
        assertEquals("dev.kafkapipeline.vis.kernel.KernelMain", argv.get(4));
        assertEquals("{connection_file}", argv.get(5));
        assertEquals(Map.of("RJK_CLASSPATH", repo.resolve("data-vis/target/classes") + ";/m2/jfreechart.jar;/m2/driver.jar"),
                spec.get("env"));
    }

    @Test
    void commandListensOnLoopbackInTheNotebooksFolderWithTheTokenInItsEnvironment() throws Exception {
        Path repo = FakeRepo.create(temp.resolve("repo"));
        Path state = temp.resolve("state");
        JupyterLaunch launch = JupyterService.prepare(state, repo, 18888, Path.of("/usr/bin/jupyter"), "t0k3n");

        List<String> expected = new ArrayList<>(List.of("/usr/bin/jupyter", "notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=18888", "--port-retries=0", "--notebook-dir=" + repo.resolve("data-vis/notebooks"),
                "--MappingKernelManager.default_kernel_name=pipeline-java"));
        if ("root".equals(System.getProperty("user.name"))) {
            expected.add("--allow-root");
        }
        assertEquals(expected, launch.command());
        assertEquals("t0k3n", launch.environment().get("JUPYTER_TOKEN"), "the token goes by environment, which ps does not show");
        assertEquals(repo.resolve("data-vis/notebooks"), launch.workingDirectory());
        assertEquals("http://127.0.0.1:18888/tree?token=t0k3n", launch.url().toString());
        assertEquals("http://127.0.0.1:18888/api/status?token=t0k3n", launch.statusUrl().toString());
        assertTrue(!launch.toString().contains("t0k3n"), "the token stays out of toString");
    }

    @Test
    void everyJupyterFolderIsInsideTheStateDirectory() throws Exception {
        Path state = temp.resolve("state");
        JupyterLaunch launch = JupyterService.prepare(state, FakeRepo.create(temp.resolve("repo")), 8888,
                Path.of("/usr/bin/jupyter"), "t");
        Map<String, String> env = launch.environment();
        assertEquals(state.resolve("jupyter/data").toString(), env.get("JUPYTER_PATH"));
        assertEquals(state.resolve("jupyter/data").toString(), env.get("JUPYTER_DATA_DIR"));
        assertEquals(state.resolve("jupyter/config").toString(), env.get("JUPYTER_CONFIG_DIR"));
        assertEquals(state.resolve("jupyter/runtime").toString(), env.get("JUPYTER_RUNTIME_DIR"));
        assertEquals(state.resolve("jupyter/ipython").toString(), env.get("IPYTHONDIR"));
    }

    @Test
    void anUnbuiltModuleIsNamedWithTheCommandThatBuildsIt() throws Exception {
        Path repo = FakeRepo.create(temp.resolve("repo"));
        Files.delete(repo.resolve("data-vis/kernel/target/classpath.txt"));
        var error = assertThrows(IllegalStateException.class,
                () -> JupyterService.prepare(temp.resolve("state"), repo, 8888, Path.of("/usr/bin/jupyter"), "t"));
        assertTrue(error.getMessage().contains(repo.resolve("data-vis/kernel") + " is not built"), error.getMessage());
        assertTrue(error.getMessage().contains("./mvnw"), error.getMessage());
    }

    /** The token file and the folders made for it are readable by their owner alone, from the moment they exist. */
    @Test
    void theTokenIsKeptOwnerOnlyAndReadBackTheSame() throws Exception {
        Path state = temp.resolve("state");
        String token = JupyterService.token(state);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("jupyter/token"))));
        for (Path folder : List.of(state, state.resolve("jupyter"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder.toString());
        }
        assertEquals(token, JupyterService.token(state), "made once, then read");
    }

    @Test
    void tokensAreLongAndFresh() {
        String token = JupyterService.newToken();
        assertEquals(48, token.length());
        assertNotEquals(token, JupyterService.newToken());
    }
}

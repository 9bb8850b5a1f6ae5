package dev.kafkapipeline.vis.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel on the connection file Jupyter passes
 * ({@code {connection_file}} in kernel.json), holding the channels' loops until
 * the kernel has registered its message handlers. The kernel object itself is
 * the stock {@link MainApp#kernel}, which the notebook's display(...) reaches.
 */
public final class KernelMain {
    /** The stock kernel version that data-vis/kernel's LoopThread replaces a class of. */
    static final String PATCHED_FOR = "3.0.1";

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain <connection_file>");
            System.exit(2);
        }
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            throw new IllegalArgumentException("connection file " + connectionFile + " does not exist");
        }
        try {
            new PatchedClass(LoopThread.class, PATCHED_FOR, PatchedClass.stockVersion(KernelMain.class.getClassLoader()))
                    .check(KernelMain.class);
        } catch (IllegalStateException e) {
            System.err.println("kernel: " + e.getMessage());
            System.exit(1);
        }
        configureLogging();
        ConnectionProperties connection = Transform.fromJson(Files.readString(connectionFile), ConnectionProperties.class);
        LoopThread.holdLoops();
        Channels channels = new Channels(connection);
        try {
            channels.connect(MainApp.kernel);
        } finally {
            LoopThread.releaseLoops();
        }
        channels.joinUntilClose();
    }

    /** The stock kernel's java.util.logging setup: INFO and up to stderr, which Jupyter shows in its log. */
    private static void configureLogging() throws IOException {
        try (InputStream config = MainApp.class.getClassLoader().getResourceAsStream("logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        }
    }
}

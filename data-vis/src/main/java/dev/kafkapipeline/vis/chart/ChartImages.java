package dev.kafkapipeline.vis.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** Draws charts at one fixed size, so README images and notebook outputs look alike and diff cleanly. */
public final class ChartImages {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;

    private ChartImages() {}

    public static BufferedImage image(JFreeChart chart) {
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    public static void writePng(JFreeChart chart, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image(chart), "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }
}

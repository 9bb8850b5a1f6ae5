package dev.kafkapipeline.vis.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.LoopThread;

class PatchedClassTest {

    @Test
    void theBuildPutsThePatchFirstAndTheStockJarIsTheVersionItWasWrittenFor() {
        String stock = PatchedClass.stockVersion(getClass().getClassLoader());
        assertEquals(KernelMain.PATCHED_FOR, stock, "the pom's rapaio-kernel.version and KernelMain.PATCHED_FOR disagree");
        new PatchedClass(LoopThread.class, KernelMain.PATCHED_FOR, stock).check(KernelMain.class);
    }

    @Test
    void anotherStockVersionStopsTheKernelWithWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PatchedClass(LoopThread.class, KernelMain.PATCHED_FOR, "3.1.0").check(KernelMain.class));
        assertTrue(e.getMessage().contains("3.1.0") && e.getMessage().contains("LoopThread"), e.getMessage());
    }

    @Test
    void aStockClassLoadedInsteadOfThePatchIsRefused() {
        // MainApp comes from the stock jar: standing in for a LoopThread loaded from there.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PatchedClass(MainApp.class, KernelMain.PATCHED_FOR, KernelMain.PATCHED_FOR).check(KernelMain.class));
        assertTrue(e.getMessage().contains("shadows"), e.getMessage());
    }
}

package org.rapaio.jupyter.kernel.channels;

import java.util.concurrent.CountDownLatch;

/**
 * Replaces rapaio-jupyter-kernel 3.0.1's class of the same name (this module's
 * classes come before the stock jar on the kernel's classpath), keeping its
 * constructor and methods. Two changes make kernel starts reliable:
 * <ul>
 *   <li>the thread is marked running before it starts: the stock class started
 *       it first, so a loop that got the CPU at once saw "not running" and ended,
 *       leaving a channel that never answers;</li>
 *   <li>loops wait for {@link #releaseLoops()} when {@link #holdLoops()} was called
 *       first: the channels bind their sockets before the kernel registers its
 *       message handlers, and a request read in between found no handler. Held,
 *       early requests wait in the socket until the handlers exist.</li>
 * </ul>
 */
public final class LoopThread extends Thread {
    private static volatile CountDownLatch gate = new CountDownLatch(0);

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    /** Loops started from now on wait, before their first pass, until {@link #releaseLoops()}. */
    public static void holdLoops() {
        gate = new CountDownLatch(1);
    }

    public static void releaseLoops() {
        gate.countDown();
    }

    @Override
    public void run() {
        try {
            gate.await();
            while (running) {
                loopBody.run();
                Thread.sleep(sleep);
            }
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}

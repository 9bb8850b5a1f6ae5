package dev.kafkapipeline.watch;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.service.Service;
import dev.kafkapipeline.common.service.ServiceRunner;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackSettings;
import dev.kafkapipeline.watch.web.WatchServer;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live page as a service. Started by ./pipeline up with WATCH_STACK=native,
 * it reads the same stack settings as ./pipeline (PIPELINE_HOME, the ports) to
 * find the processes and servers; elsewhere (Docker) it takes the services'
 * variables plus CONNECT_URL, WATCH_PORT and WATCH_BIND.
 */
public final class WatchMain {
    private static final Logger LOG = LoggerFactory.getLogger(WatchMain.class);

    private WatchMain() {}

    public static void main(String[] args) {
        new ServiceRunner("watch", WatchMain::service).runAndExit();
    }

    private static Service service(EnvConfig env) {
        WatchSettings settings = env.string("WATCH_STACK", "").equals("native") ? nativeStack(env) : WatchSettings.fromEnvironment(env);
        CountDownLatch stopped = new CountDownLatch(1);
        return new Service() {
            @Override
            public void run() throws InterruptedException {
                try (WatchServer server = WatchServer.start(settings)) {
                    LOG.info("the live page is at {} (Kafka {}, Connect {}, Cassandra {})", settings.url(),
                            settings.clients().raw("KAFKA_BROKER_URL"), settings.connectUrl(), settings.cassandra().address());
                    stopped.await();
                }
            }

            @Override
            public void stop() {
                stopped.countDown();
            }
        };
    }

    private static WatchSettings nativeStack(EnvConfig env) {
        StackSettings stack = StackSettings.forCommandLine(env, StackSettings.findRepository());
        return WatchSettings.forStack(NativeStack.of(stack, line -> { }), stack.ports().watch());
    }
}

package dev.arbiter.engine.service;

import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** The decision service. */
@SpringBootApplication
public class ArbiterService {

    /** Starts the service on {@code port} and blocks until it shuts down (Ctrl-C, SIGTERM). */
    public static void serveUntilShutdown(int port) {
        CountDownLatch closed = new CountDownLatch(1);
        SpringApplication app = new SpringApplication(ArbiterService.class);
        app.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        // A command-line property outranks application.properties, so --port always wins.
        ConfigurableApplicationContext context = app.run("--server.port=" + port);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        }
    }
}

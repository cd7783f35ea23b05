package io.accords.ops;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once every start-up step has run: schema migrated and validated, seed data loaded when asked. Observes the
 * start-up event after every other observer, so a long first seeding keeps the startup probe waiting rather than
 * failing liveness.
 */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    private final AtomicBoolean started = new AtomicBoolean();

    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        started.set(true);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accords-started")
                .status(started.get())
                .build();
    }
}

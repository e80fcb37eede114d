package io.inkstream.resultstore.messaging;

import org.jboss.logging.Logger;

import io.inkstream.resultstore.config.InkstreamConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Test-only fault injection. {@code inkstream.faults.crash-after-commit=true} halts the process right after a
 * consumed record's transaction committed and before the outbox relay runs, which is exactly the window the
 * outbox exists for. Refused at startup in the prod profile.
 */
@ApplicationScoped
public class FaultHooks {

    private static final Logger LOG = Logger.getLogger(FaultHooks.class);

    @Inject
    InkstreamConfig config;

    void check(@Observes StartupEvent ev) {
        if (config.faults().crashAfterCommit()) {
            if (LaunchMode.current() == LaunchMode.NORMAL
                    && "prod".equals(io.quarkus.runtime.configuration.ConfigUtils.getProfiles().get(0))) {
                throw new IllegalStateException("inkstream.faults.crash-after-commit is refused in the prod profile");
            }
            LOG.warn("FAULT HOOK ARMED: the process halts after the next committed record");
        }
    }

    /** Called after a record's transaction committed, before its events are published. */
    public void afterCommit() {
        if (config.faults().crashAfterCommit()) {
            LOG.warn("fault hook: halting after commit");
            Runtime.getRuntime().halt(137);
        }
    }
}

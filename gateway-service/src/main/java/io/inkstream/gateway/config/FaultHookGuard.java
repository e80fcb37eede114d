package io.inkstream.gateway.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

/** Refuses to start when test fault hooks are switched on in the prod profile. */
@ApplicationScoped
public class FaultHookGuard {

    void check(@Observes StartupEvent ev, GatewayConfig config) {
        if (!config.faults().enabled()) {
            return;
        }
        var profiles = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
        if (LaunchMode.current() == LaunchMode.NORMAL && profiles.contains("prod")) {
            throw new IllegalStateException(
                    "inkstream.faults.enabled=true is refused in the prod profile; run tests with another profile");
        }
    }
}

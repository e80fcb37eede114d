package io.inkstream.gateway.config;

import org.jboss.logging.Logger;

import io.inkstream.gateway.service.ApiKeys;
import io.inkstream.gateway.service.Plan;
import io.inkstream.gateway.service.TenantAdmin;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Makes sure the configured bootstrap tenant and key exist, so a fresh installation can be used at once. */
@ApplicationScoped
public class BootstrapTenant {

    private static final Logger LOG = Logger.getLogger(BootstrapTenant.class);

    void ensure(@Observes StartupEvent ev, GatewayConfig config, TenantAdmin admin) throws Throwable {
        var key = config.bootstrap().apiKey().filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            return;
        }
        if (!ApiKeys.wellFormed(key.get())) {
            throw new IllegalStateException("inkstream.bootstrap.api-key must start with isk_live_ or isk_test_");
        }
        VertxContextSupport.subscribeAndAwait(() -> admin.ensureBootstrap(config.bootstrap().tenant(),
                Plan.of(config.bootstrap().plan()), key.get()));
        LOG.infof("bootstrap tenant %s is ready", config.bootstrap().tenant());
    }
}

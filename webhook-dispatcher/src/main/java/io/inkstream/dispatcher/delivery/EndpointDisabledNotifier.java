package io.inkstream.dispatcher.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Ids;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.dispatcher.repository.DeliveryStore;
import io.inkstream.dispatcher.repository.DeliveryStore.DisabledEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells a tenant's other enabled endpoints (filter selecting {@code endpoint.disabled}, or no filter) that one of
 * its endpoints was disabled: an ordinary message per endpoint, signed, leased and retried like every other.
 */
@ApplicationScoped
public class EndpointDisabledNotifier {

    public static final String TYPE = "endpoint.disabled";
    public static final String SOURCE = "/inkstream/webhook-dispatcher";

    private static final Logger LOG = Logger.getLogger(EndpointDisabledNotifier.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    DeliveryStore store;

    /** Enqueues the notification; the endpoint is already disabled, so it never notifies itself. */
    public Uni<Integer> notifyDisabled(DisabledEndpoint endpoint, long delayMs) {
        String eventId = eventId(endpoint);
        String payload;
        try {
            payload = payload(mapper, eventId, endpoint);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        LOG.infof("endpoint %s of tenant %s disabled: %s", endpoint.id(), endpoint.tenantId(), endpoint.reason());
        return store.insertForEndpoints(eventId, endpoint.tenantId(), null, TYPE, payload, null, delayMs);
    }

    /** Deterministic per disabling, so a re-run of the same transition is recognised by id. */
    static String eventId(DisabledEndpoint endpoint) {
        return Ids.uuidV5(Ids.NAMESPACE, "endpoint.disabled:" + endpoint.id() + ":" + endpoint.disabledAt())
                .toString();
    }

    static String payload(ObjectMapper mapper, String eventId, DisabledEndpoint endpoint)
            throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpoint_id", endpoint.id().toString());
        data.put("url", endpoint.url());
        data.put("reason", endpoint.reason());
        data.put("disabled_at", endpoint.disabledAt().toString());
        Instant time = endpoint.disabledAt();
        return mapper.writeValueAsString(new CloudEvent(CloudEvent.SPEC_VERSION, eventId, SOURCE, TYPE,
                endpoint.id().toString(), time, CloudEvent.JSON, null, mapper.valueToTree(data)));
    }
}

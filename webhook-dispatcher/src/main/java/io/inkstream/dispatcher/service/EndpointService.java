package io.inkstream.dispatcher.service;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.dispatcher.delivery.EndpointDisabledNotifier;
import io.inkstream.dispatcher.delivery.SsrfGuard;
import io.inkstream.dispatcher.entity.Endpoint;
import io.inkstream.dispatcher.entity.Message;
import io.inkstream.dispatcher.repository.EndpointRepository;
import io.inkstream.dispatcher.repository.MessageRepository;
import io.inkstream.dispatcher.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Registered endpoints: validated create, read, replace and delete within a tenant. */
@ApplicationScoped
public class EndpointService {

    /** The writable fields of an endpoint. */
    public record EndpointSpec(String url, String description, List<String> eventTypes, Boolean enabled,
            Integer rateLimit) {
    }

    @Inject
    EndpointRepository endpoints;

    @Inject
    MessageRepository messages;

    @Inject
    SsrfGuard ssrf;

    @Inject
    Vertx vertx;

    /** Event types an endpoint filter may name: the lifecycle events and the dispatcher's own. */
    public static final Set<String> KNOWN_EVENT_TYPES = Stream.concat(EventTypes.LIFECYCLE_TYPES.stream(),
            Stream.of(EndpointDisabledNotifier.TYPE)).collect(Collectors.toUnmodifiableSet());

    /**
     * Validates the spec and refuses a URL whose host resolves to an address the SSRF guard refuses (delivery
     * checks again: DNS answers change). DNS blocks, so it resolves on a worker and resumes on the caller's context.
     */
    public Uni<Void> checkSpec(EndpointSpec spec) {
        validate(spec);
        String url = spec.url().trim();
        return vertx.executeBlocking(Uni.createFrom().item(() -> ssrf.check(url)), false).map(verdict -> {
            if (verdict instanceof SsrfGuard.Refused refused) {
                throw new ProblemException(ErrorCode.INVALID_REQUEST, "url is refused: " + refused.reason());
            }
            // an unresolvable host is accepted: it may resolve later and is checked again at every delivery
            return null;
        });
    }

    @WithTransaction
    public Uni<Endpoint> create(String tenantId, EndpointSpec spec) {
        validate(spec);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Endpoint e = new Endpoint();
        e.id = UUID.randomUUID();
        e.tenantId = tenantId;
        e.createdAt = now;
        apply(e, spec, now);
        return endpoints.persist(e);
    }

    @WithSession
    public Uni<List<Endpoint>> list(String tenantId) {
        return endpoints.listForTenant(tenantId);
    }

    @WithSession
    public Uni<Endpoint> get(String tenantId, UUID id) {
        return endpoints.findForTenant(tenantId, id).map(e -> require(e, id));
    }

    /** Replaces the writable fields; enabling a disabled endpoint clears its disabled reason and failure clock. */
    @WithTransaction
    public Uni<Endpoint> replace(String tenantId, UUID id, EndpointSpec spec) {
        validate(spec);
        return endpoints.findForTenant(tenantId, id).map(e -> {
            apply(require(e, id), spec, Instant.now().truncatedTo(ChronoUnit.MICROS));
            return e;
        });
    }

    /** Deletes the endpoint; its pending messages fail so they are never sent as endpoint-less deliveries. */
    @WithTransaction
    public Uni<Void> delete(String tenantId, UUID id) {
        return endpoints.findForTenant(tenantId, id).flatMap(e -> {
            require(e, id);
            return messages.update("status = ?1, lastError = ?2, lockedUntil = null where endpointId = ?3 and status = ?4",
                    Message.FAILED, "endpoint deleted", id, Message.PENDING)
                    .flatMap(ignored -> endpoints.delete(e));
        });
    }

    private static Endpoint require(Endpoint e, UUID id) {
        if (e == null) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "endpoint " + id + " not found");
        }
        return e;
    }

    private static void apply(Endpoint e, EndpointSpec spec, Instant now) {
        e.url = spec.url().trim();
        e.description = spec.description();
        e.eventTypes = spec.eventTypes() == null || spec.eventTypes().isEmpty() ? null
                : String.join(",", spec.eventTypes());
        boolean enabled = spec.enabled() == null || spec.enabled();
        if (enabled) {
            e.disabledReason = null;
            e.disabledAt = null;
            // re-enabling gives the endpoint a fresh failure window
            if (!e.enabled) {
                e.failingSince = null;
            }
        } else if (e.enabled || e.disabledReason == null) {
            e.disabledReason = "disabled by request";
            e.disabledAt = now;
        }
        e.enabled = enabled;
        e.rateLimit = spec.rateLimit();
        e.updatedAt = now;
    }

    static void validate(EndpointSpec spec) {
        if (spec == null || spec.url() == null || spec.url().isBlank()) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "url is required");
        }
        if (spec.url().length() > 2048) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "url must be at most 2048 characters");
        }
        try {
            URI uri = new URI(spec.url().trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw new ProblemException(ErrorCode.INVALID_REQUEST,
                        "url must be an absolute http(s) URL with a host and no credentials");
            }
        } catch (java.net.URISyntaxException ex) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "url is not a valid URI");
        }
        if (spec.description() != null && spec.description().length() > 512) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "description must be at most 512 characters");
        }
        if (spec.eventTypes() != null) {
            for (String type : spec.eventTypes()) {
                if (type == null || !KNOWN_EVENT_TYPES.contains(type)) {
                    throw new ProblemException(ErrorCode.INVALID_REQUEST,
                            "event_types entries must be among " + new TreeSet<>(KNOWN_EVENT_TYPES));
                }
            }
        }
        if (spec.rateLimit() != null && (spec.rateLimit() < 1 || spec.rateLimit() > 10_000)) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, "rate_limit must be 1..10000 deliveries/s");
        }
    }
}

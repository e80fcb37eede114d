package io.inkstream.gateway.service;

import java.time.Duration;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.rest.ApiException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Idempotency-Key records in Redis for 24 h, per tenant: the first request claims the key with its body's
 * fingerprint; a concurrent repeat gets 409, a repeat with another body 422, a later repeat the same job.
 * Redis only speeds this up: if it forgot a key, the derived job id still prevents a second job.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    static final Duration TTL = Duration.ofHours(24);
    static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

    /** What to do with a request carrying a key. */
    public enum Claim {
        /** First use (or Redis unavailable): process it. */
        FRESH,
        /** A finished earlier request with the same body: answer with its job. */
        REPLAY
    }

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper mapper;

    IdempotencyStore(ReactiveRedisDataSource redis, ObjectMapper mapper) {
        this.redis = redis;
        this.mapper = mapper;
    }

    public Uni<Claim> claim(String tenantId, String key, String fingerprint, String jobId) {
        String record = mapper.createObjectNode().put("fingerprint", fingerprint).put("job_id", jobId)
                .put("state", "in_flight").toString();
        return redis.execute(Command.SET, redisKey(tenantId, key), record, "NX", "EX",
                String.valueOf(TTL.toSeconds()))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .chain(set -> set != null ? Uni.createFrom().item(Claim.FRESH) : existing(tenantId, key, fingerprint))
                .onFailure(e -> !(e instanceof ApiException)).recoverWithItem(e -> {
                    LOG.warnf("idempotency records unavailable, relying on derived job ids: %s", e.toString());
                    return Claim.FRESH;
                });
    }

    private Uni<Claim> existing(String tenantId, String key, String fingerprint) {
        return redis.execute(Command.GET, redisKey(tenantId, key)).map(r -> {
            if (r == null) {
                // Expired between SET and GET: treat as first use; the derived job id still guards duplicates.
                return Claim.FRESH;
            }
            JsonNode rec = parse(r);
            if (!fingerprint.equals(rec.path("fingerprint").asText())) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used with a different request body");
            }
            if ("in_flight".equals(rec.path("state").asText())) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_IN_FLIGHT,
                        "a request with this Idempotency-Key is still being processed", java.util.Map.of(), 1);
            }
            return Claim.REPLAY;
        });
    }

    /** Marks the key's request done so repeats replay it. */
    public Uni<Void> complete(String tenantId, String key, String fingerprint, String jobId) {
        String record = mapper.createObjectNode().put("fingerprint", fingerprint).put("job_id", jobId)
                .put("state", "done").toString();
        return redis.execute(Command.SET, redisKey(tenantId, key), record, "XX", "KEEPTTL")
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("could not mark an idempotency key done: %s", e.toString());
                    return null;
                });
    }

    /** Releases the key after a failure the client may retry. */
    public Uni<Void> release(String tenantId, String key) {
        return redis.execute(Command.DEL, redisKey(tenantId, key))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> null);
    }

    private JsonNode parse(Response r) {
        try {
            return mapper.readTree(r.toString());
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }

    private static String redisKey(String tenantId, String key) {
        return "idem:" + tenantId + ":" + key;
    }
}

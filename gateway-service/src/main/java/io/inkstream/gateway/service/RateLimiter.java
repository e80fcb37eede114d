package io.inkstream.gateway.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per-tenant request limits across every gateway replica: one Lua script in Redis takes a token atomically,
 * with Redis's clock. When Redis cannot answer in time the replica falls back to a local bucket with the
 * plan's limits (degraded, counted, never unlimited).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    static final Duration REDIS_TIMEOUT = Duration.ofMillis(250);

    /** Mirrors {@link TokenBucket}; TIME keeps replicas on one clock. */
    static final String SCRIPT = """
            local rate = tonumber(ARGV[1]) / 60000
            local burst = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local s = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(s[1]) or burst
            local ts = tonumber(s[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
            local allowed = 0
            if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
            local retry = 0
            if allowed == 0 then retry = math.ceil((1 - tokens) / rate / 1000) end
            local reset = math.ceil((burst - tokens) / rate / 1000)
            return {allowed, math.floor(tokens), reset, retry}
            """;

    private final ReactiveRedisDataSource redis;
    private final MeterRegistry metrics;
    private final Map<String, TokenBucket> local = new ConcurrentHashMap<>();

    RateLimiter(ReactiveRedisDataSource redis, MeterRegistry metrics) {
        this.redis = redis;
        this.metrics = metrics;
    }

    public Uni<RateLimitDecision> acquire(Tenant tenant) {
        Plan plan = Plan.of(tenant.plan());
        String key = "rl:" + tenant.id() + (tenant.test() ? ":test" : ":live");
        return redis.execute(Command.EVAL, SCRIPT, "1", key, String.valueOf(plan.requestsPerMinute()),
                String.valueOf(plan.burst()))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .map(r -> decision(r, plan))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("rate limiter degraded to local buckets: %s", e.toString());
                    metrics.counter("ocr_ratelimit_degraded_total").increment();
                    long now = System.currentTimeMillis();
                    return local.computeIfAbsent(key, k -> new TokenBucket(plan.burst(), now))
                            .take(plan.requestsPerMinute(), plan.burst(), now);
                });
    }

    private static RateLimitDecision decision(Response r, Plan plan) {
        List<Long> v = List.of(r.get(0).toLong(), r.get(1).toLong(), r.get(2).toLong(), r.get(3).toLong());
        return new RateLimitDecision(v.get(0) == 1, plan.burst(), v.get(1).intValue(), v.get(2), v.get(3), false);
    }
}

package io.inkstream.gateway.service;

import java.time.Duration;
import java.util.Map;

import org.jboss.logging.Logger;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.rest.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per-tenant concurrent-job limits, shared by all replicas in Redis: a sorted set of the tenant's unfinished
 * jobs, scored by acceptance time. A job leaves it when its final lifecycle event arrives; entries older than
 * {@link #STALE} are dropped, so a missed event cannot block a tenant for good.
 */
@ApplicationScoped
public class ActiveJobs {

    private static final Logger LOG = Logger.getLogger(ActiveJobs.class);
    static final Duration STALE = Duration.ofHours(6);
    static final Duration REDIS_TIMEOUT = Duration.ofMillis(250);

    /** Admits a job when under the limit; an already admitted job (a retry) is admitted again. */
    static final String ADMIT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[3]))
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 1 end
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            redis.call('ZADD', KEYS[1], now, ARGV[1])
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final MeterRegistry metrics;

    ActiveJobs(ReactiveRedisDataSource redis, MeterRegistry metrics) {
        this.redis = redis;
        this.metrics = metrics;
    }

    public Uni<Void> admit(Tenant tenant, String jobId) {
        Plan plan = Plan.of(tenant.plan());
        return redis.execute(Command.EVAL, ADMIT, "1", key(tenant.id(), tenant.test()), jobId,
                String.valueOf(plan.concurrentJobs()), String.valueOf(STALE.toMillis()))
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .map(r -> r.toInteger() == 1)
                .onFailure().recoverWithItem(e -> {
                    // Without Redis no replica can count the others' jobs; admitting keeps accepting work.
                    LOG.warnf("concurrent-job limit not checked, Redis unavailable: %s", e.toString());
                    metrics.counter("ocr_concurrency_unchecked_total").increment();
                    return true;
                })
                .invoke(admitted -> {
                    if (!admitted) {
                        metrics.counter("ocr_rate_limited_total", "plan", tenant.plan(), "limit", "concurrent")
                                .increment();
                        throw new ApiException(ErrorCode.RATE_LIMITED, "the plan allows " + plan.concurrentJobs()
                                + " unfinished jobs at a time; retry when one completes", Map.of(), 5);
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> release(String tenantId, boolean test, String jobId) {
        return redis.execute(Command.ZREM, key(tenantId, test), jobId)
                .ifNoItem().after(REDIS_TIMEOUT).fail()
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> null);
    }

    private static String key(String tenantId, boolean test) {
        return "active:" + tenantId + (test ? ":test" : ":live");
    }
}

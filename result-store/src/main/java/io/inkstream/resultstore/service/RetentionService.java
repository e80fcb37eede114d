package io.inkstream.resultstore.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.inkstream.contracts.blob.BlobRef;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.resultstore.config.InkstreamConfig;
import io.inkstream.resultstore.repository.JobRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Retention: jobs older than {@code inkstream.results.retention} (default 30 days) are deleted with their results,
 * audit and blobs; published outbox rows and orphaned early results age out too. Purges are counted.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    private static final int BATCH = 100;

    @Inject
    InkstreamConfig config;
    @Inject
    JobRepository jobs;
    @Inject
    LifecycleService lifecycle;
    @Inject
    BlobStore blobs;
    @Inject
    MeterRegistry registry;

    private Counter purgedJobs;
    private Counter purgedBlobs;

    @PostConstruct
    void init() {
        purgedJobs = Counter.builder("inkstream_retention_purged_jobs_total")
                .description("Jobs deleted by retention").register(registry);
        purgedBlobs = Counter.builder("inkstream_retention_purged_blobs_total")
                .description("Blobs deleted by retention").register(registry);
    }

    @Scheduled(every = "${inkstream.results.purge-every:1h}", delayed = "${inkstream.results.purge-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledPurge() {
        return purgeOlderThan(Instant.now().minus(config.results().retention()))
                .onFailure().invoke(e -> LOG.warnf("retention purge failed (%s)", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Purges every job created before {@code cutoff}; returns how many jobs were deleted. */
    public Uni<Integer> purgeOlderThan(Instant cutoff) {
        List<String> refs = new ArrayList<>();
        return purgeBatch(cutoff, 0, refs)
                .call(() -> sweepTables(cutoff))
                // blob deletes are blocking IO: last, off the event loop, after every row is gone
                .call(() -> deleteBlobs(refs))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("retention purged %d jobs created before %s", n, cutoff);
                    }
                });
    }

    private Uni<Integer> purgeBatch(Instant cutoff, int soFar, List<String> refs) {
        return candidates(cutoff).chain(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().item(soFar);
            }
            return Multi.createFrom().iterable(ids)
                    .onItem().transformToUniAndConcatenate(id -> lifecycle.purge(id).invoke(refs::addAll))
                    .collect().asList()
                    .invoke(() -> purgedJobs.increment(ids.size()))
                    .chain(() -> ids.size() < BATCH ? Uni.createFrom().item(soFar + ids.size())
                            : purgeBatch(cutoff, soFar + ids.size(), refs));
        });
    }

    @WithSession
    Uni<List<String>> candidates(Instant cutoff) {
        return jobs.idsCreatedBefore(cutoff, BATCH);
    }

    @WithTransaction
    Uni<Void> sweepTables(Instant cutoff) {
        Instant published = Instant.now().minus(config.outbox().keepPublished());
        return Panache.getSession().chain(s -> s
                .createNativeQuery("delete from result_store.outbox where published_at is not null and published_at < :p")
                .setParameter("p", published).executeUpdate()
                .chain(() -> s.createNativeQuery("delete from result_store.pending_results where created_at < :c")
                        .setParameter("c", cutoff).executeUpdate()))
                .replaceWithVoid();
    }

    private Uni<Void> deleteBlobs(List<String> refs) {
        if (refs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            for (String ref : refs) {
                try {
                    blobs.delete(BlobRef.parse(ref));
                    purgedBlobs.increment();
                } catch (Exception e) {
                    LOG.warnf("retention could not delete a blob (%s)", e.getClass().getSimpleName());
                }
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }
}

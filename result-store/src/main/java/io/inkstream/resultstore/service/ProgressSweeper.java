package io.inkstream.resultstore.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import io.inkstream.resultstore.messaging.OutboxRelay;
import io.inkstream.resultstore.repository.JobRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Publishes the trailing job.progress of jobs whose progress changed inside the one-second coalescing window. */
@ApplicationScoped
public class ProgressSweeper {

    private static final Logger LOG = Logger.getLogger(ProgressSweeper.class);

    @Inject
    JobRepository jobs;
    @Inject
    LifecycleService lifecycle;
    @Inject
    OutboxRelay relay;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return due()
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(lifecycle::flushProgress)
                        .collect().asList())
                .invoke(flushed -> {
                    if (flushed.contains(Boolean.TRUE)) {
                        relay.kick();
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("progress sweep failed (%s)", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @WithSession
    Uni<List<String>> due() {
        return jobs.idsWithDueProgress(Instant.now().minus(Duration.ofSeconds(1)), 200);
    }
}

package io.inkstream.resultstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.contracts.blob.StoredBlob;
import io.inkstream.resultstore.service.RetentionService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;

@QuarkusTest
class RetentionTest extends InMemoryBase {

    @Inject
    RetentionService retention;
    @Inject
    BlobStore blobs;

    @Test
    void givenJobOlderThanRetention_whenPurgeRuns_thenJobAndBlobGoneAndRecentJobKept() throws Throwable {
        String tenant = TestData.newTenant();
        StoredBlob blob = blobs.put(tenant, new ByteArrayInputStream("old".getBytes(StandardCharsets.UTF_8)));
        TestData old = new TestData(tenant, 1);
        sendJob(old.jobAccepted(List.of(blob.ref().toString()), Instant.now().minus(Duration.ofDays(40))));
        sendResult(old.page(0, 1, 1, "old text"));
        TestData recent = new TestData(tenant, 1);
        sendJob(recent.jobAccepted());
        awaitState(tenant, old.jobId, "completed");
        awaitState(tenant, recent.jobId, "queued");

        Integer purged = VertxContextSupport.subscribeAndAwait(
                () -> retention.purgeOlderThan(Instant.now().minus(Duration.ofDays(30))));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        job(tenant, old.jobId).statusCode(404);
        job(tenant, recent.jobId).statusCode(200);
        assertThat(blobs.exists(blob.ref())).isFalse();
    }
}

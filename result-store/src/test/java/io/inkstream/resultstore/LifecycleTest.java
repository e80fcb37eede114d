package io.inkstream.resultstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.inkstream.contracts.message.EventTypes;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LifecycleTest extends InMemoryBase {

    @Test
    void givenJobAcceptedTwice_whenConsumed_thenOneJobAndOneAcceptedEvent() {
        TestData t = new TestData(TestData.newTenant(), 2);
        sendJob(t.jobAccepted());
        sendJob(t.jobAccepted());
        awaitEvents(t.jobId, 1);
        // a third JobAccepted after the first two were processed: still a no-op
        sendJob(t.jobAccepted());
        // a result sent after it proves the jobs channel was drained (same job lock, in order per channel)
        sendResult(t.split(0, 2));
        await().atMost(Duration.ofSeconds(90)).until(() -> jobJson(t.tenant, t.jobId).get("progress")
                .get("pages_total").asInt() == 2);

        JsonNode job = jobJson(t.tenant, t.jobId);
        assertThat(job.get("documents")).hasSize(2);
        assertThat(job.get("progress").get("documents_total").asInt()).isEqualTo(2);
        assertThat(job.get("audit").findValuesAsText("state")).containsExactly("queued", "processing");
        assertThat(eventTypes(t.jobId)).filteredOn(EventTypes.JOB_ACCEPTED::equals).hasSize(1);
    }

    @Test
    void givenPageResultsTwiceAndOutOfOrder_whenConsumed_thenCountsUnchangedAndStatesRight() {
        TestData t = new TestData(TestData.newTenant(), 1);
        sendJob(t.jobAccepted());
        sendResult(t.page(0, 3, 3, "three"));
        sendResult(t.page(0, 1, 3, "one"));
        sendResult(t.page(0, 3, 3, "three"));
        sendResult(t.split(0, 3));
        sendResult(t.split(0, 3));
        sendResult(t.page(0, 2, 3, "two"));
        sendResult(t.page(0, 1, 3, "one"));
        sendResult(t.page(0, 2, 3, "two"));

        awaitState(t.tenant, t.jobId, "completed");
        awaitEvents(t.jobId, 3);
        job(t.tenant, t.jobId)
                .body("progress.pages_done", equalTo(3))
                .body("progress.pages_total", equalTo(3))
                .body("progress.documents_done", equalTo(1))
                .body("documents[0].state", equalTo("completed"))
                .body("documents[0].pages_done", equalTo(3))
                .body("documents[0].page_count", equalTo(3));
        assertThat(eventTypes(t.jobId)).filteredOn(EventTypes.EXTRACTION_COMPLETED::equals).hasSize(1);
        assertThat(eventTypes(t.jobId)).filteredOn(EventTypes.JOB_COMPLETED::equals).hasSize(1);
        assertThat(eventTypes(t.jobId)).last().isEqualTo(EventTypes.JOB_COMPLETED);
    }

    @Test
    void givenResultsBeforeJobAccepted_whenJobArrives_thenResultsAreApplied() {
        TestData t = new TestData(TestData.newTenant(), 1);
        sendResult(t.page(0, 1, 2, "one"));
        sendResult(t.page(0, 2, 2, "two"));
        sendResult(t.page(0, 2, 2, "two"));
        sendJob(t.jobAccepted());

        awaitState(t.tenant, t.jobId, "completed");
        job(t.tenant, t.jobId).body("progress.pages_done", equalTo(2)).body("documents[0].state", equalTo("completed"));
        awaitEvents(t.jobId, 3);
        assertThat(eventTypes(t.jobId)).filteredOn(type -> !type.equals(EventTypes.JOB_PROGRESS))
                .containsExactly(EventTypes.JOB_ACCEPTED, EventTypes.EXTRACTION_COMPLETED, EventTypes.JOB_COMPLETED);
    }

    @Test
    void givenSomeDocumentsFailed_whenAllFinal_thenJobPartiallyCompleted() {
        TestData t = new TestData(TestData.newTenant(), 2);
        sendJob(t.jobAccepted());
        sendResult(t.page(0, 1, 1, "ok"));
        sendResult(t.documentFailed(1, "DOCUMENT_ENCRYPTED"));

        awaitState(t.tenant, t.jobId, "partially_completed");
        job(t.tenant, t.jobId)
                .body("documents[1].state", equalTo("failed"))
                .body("documents[1].code", equalTo("DOCUMENT_ENCRYPTED"))
                .body("documents[0].state", equalTo("completed"));
        awaitEvents(t.jobId, 4);
        assertThat(eventTypes(t.jobId)).contains(EventTypes.EXTRACTION_FAILED, EventTypes.EXTRACTION_COMPLETED);
        assertThat(events(t.jobId)).filteredOn(e -> e.type().equals(EventTypes.JOB_COMPLETED))
                .singleElement().satisfies(e -> assertThat(e.data().get("state").asText())
                        .isEqualTo("partially_completed"));
    }

    @Test
    void givenEveryDocumentFailed_whenAllFinal_thenJobFailed() {
        TestData t = new TestData(TestData.newTenant(), 2);
        sendJob(t.jobAccepted());
        sendResult(t.documentFailed(0, "DOCUMENT_UNREADABLE"));
        sendResult(t.pageFailed(1, 1, 1, "PAGE_TIMEOUT"));

        awaitState(t.tenant, t.jobId, "failed");
        job(t.tenant, t.jobId).body("documents[1].code", equalTo("PAGE_TIMEOUT"))
                .body("documents[1].state", equalTo("failed"));
    }

    @Test
    void givenLowConfidencePage_whenDocumentFinal_thenJobNeedsReview() {
        TestData t = new TestData(TestData.newTenant(), 2);
        sendJob(t.jobAccepted());
        sendResult(t.page(0, 1, 1, "fine"));
        sendResult(t.page(1, 1, 1, "blurry", true));

        awaitState(t.tenant, t.jobId, "needs_review");
        awaitEvents(t.jobId, 4);
        assertThat(eventTypes(t.jobId)).contains(EventTypes.EXTRACTION_NEEDS_REVIEW);
    }

    @Test
    void givenSomePagesFailed_whenDocumentFinal_thenDocumentCompletedWithCode() {
        TestData t = new TestData(TestData.newTenant(), 1);
        sendJob(t.jobAccepted());
        sendResult(t.split(0, 2));
        sendResult(t.page(0, 1, 2, "one"));
        sendResult(t.pageFailed(0, 2, 2, "PAGE_TIMEOUT"));

        awaitState(t.tenant, t.jobId, "completed");
        job(t.tenant, t.jobId).body("documents[0].state", equalTo("completed"))
                .body("documents[0].code", equalTo("PAGE_TIMEOUT"));
    }

    @Test
    void givenUnknownAndMalformedResults_whenConsumed_thenSkippedAndLaterResultsApplied() {
        TestData t = new TestData(TestData.newTenant(), 1);
        sendJob(t.jobAccepted());
        sendResult(t.event("page.annotated", java.util.Map.of("job_id", t.jobId)));
        sendResult("{not json");
        sendResult(t.page(0, 1, 1, "one"));
        awaitState(t.tenant, t.jobId, "completed");
    }

    @Test
    void givenBurstOfPageResults_whenNoMoreArrive_thenTrailingProgressCarriesLatestCounts() {
        TestData t = new TestData(TestData.newTenant(), 1);
        sendJob(t.jobAccepted());
        sendResult(t.split(0, 5));
        sendResult(t.page(0, 1, 5, "1"));
        sendResult(t.page(0, 2, 5, "2"));
        sendResult(t.page(0, 3, 5, "3"));

        await().atMost(Duration.ofSeconds(90)).until(() -> events(t.jobId).stream()
                .anyMatch(e -> e.type().equals(EventTypes.JOB_PROGRESS)
                        && e.data().get("progress").get("pages_done").asInt() == 3));
        assertThat(events(t.jobId)).filteredOn(e -> e.type().equals(EventTypes.JOB_PROGRESS))
                .extracting(e -> e.id()).doesNotHaveDuplicates();
        job(t.tenant, t.jobId).body("state", equalTo("processing"));
    }
}

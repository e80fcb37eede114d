package io.inkstream.resultstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ApiTest extends InMemoryBase {

    @Test
    void givenAnotherTenantsJob_whenRequested_thenNotFoundProblem() {
        TestData t = new TestData(TestData.newTenant(), 1);
        sendJob(t.jobAccepted());
        awaitState(t.tenant, t.jobId, "queued");

        given().queryParam("tenant_id", "someone-else").header("X-Request-Id", "req-404")
                .get("/internal/v1/jobs/{id}", t.jobId)
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("NOT_FOUND")).body("status", equalTo(404))
                .body("request_id", equalTo("req-404"));
        given().queryParam("tenant_id", "someone-else")
                .get("/internal/v1/jobs/{id}/documents/{doc}", t.jobId, t.doc(0))
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().queryParam("tenant_id", "someone-else").post("/internal/v1/jobs/{id}/cancel", t.jobId)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().queryParam("tenant_id", "someone-else").delete("/internal/v1/jobs/{id}", t.jobId)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void givenBadParameters_whenRequested_thenInvalidRequestProblem() {
        String tenant = TestData.newTenant();
        given().get("/internal/v1/jobs/job_x").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        for (String[] q : new String[][] { { "limit", "abc" }, { "limit", "0" }, { "limit", "1000" },
                { "state", "weird" }, { "created_after", "yesterday" }, { "cursor", "!!!" } }) {
            given().queryParam("tenant_id", tenant).queryParam(q[0], q[1]).get("/internal/v1/jobs")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("INVALID_REQUEST"));
        }
        given().queryParam("tenant_id", tenant).queryParam("format", "pdf")
                .get("/internal/v1/jobs/job_x/documents/doc_x").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        given().queryParam("tenant_id", tenant).queryParam("from", "2026-13-01").get("/internal/v1/usage")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().queryParam("tenant_id", tenant).get("/internal/v1/nothing-here")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void givenFiveJobs_whenListedTwoAtATime_thenCursorWalksAllNewestFirst() {
        String tenant = TestData.newTenant();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestData t = new TestData(tenant, 1);
            sendJob(t.jobAccepted());
            ids.add(t.jobId);
        }
        ids.forEach(id -> awaitState(tenant, id, "queued"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = given().queryParam("tenant_id", tenant).queryParam("limit", 2);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            JsonPath body = req.get("/internal/v1/jobs").then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("jobs.job_id"));
            assertThat(body.getList("jobs.documents")).containsOnlyNulls();
            cursor = body.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(pages).isEqualTo(3);

        given().queryParam("tenant_id", tenant).queryParam("state", "completed").get("/internal/v1/jobs")
                .then().statusCode(200).body("jobs", hasSize(0)).body("next_cursor", nullValue());
    }

    @Test
    void givenCompletedDocument_whenResultRequested_thenJsonAndTextFormats() {
        TestData t = new TestData(TestData.newTenant(), 1);
        sendJob(t.jobAccepted());
        sendResult(t.page(0, 2, 2, "second"));
        sendResult(t.page(0, 1, 2, "first"));
        awaitState(t.tenant, t.jobId, "completed");

        given().queryParam("tenant_id", t.tenant).get("/internal/v1/jobs/{id}/documents/{doc}", t.jobId, t.doc(0))
                .then().statusCode(200)
                .body("document_id", equalTo(t.doc(0))).body("job_id", equalTo(t.jobId))
                .body("state", equalTo("completed")).body("page_count", equalTo(2))
                .body("text", equalTo("first\fsecond"))
                .body("pages", hasSize(2)).body("pages[0].blocks[0].lines[0].words[0].text", equalTo("first"));
        String text = given().queryParam("tenant_id", t.tenant).queryParam("format", "text")
                .get("/internal/v1/jobs/{id}/documents/{doc}", t.jobId, t.doc(0))
                .then().statusCode(200).contentType(startsWith("text/plain")).extract().asString();
        assertThat(text).isEqualTo("first\fsecond");
    }

    @Test
    void givenCompletedDocuments_whenUsageRequested_thenCountedOncePerDocumentAndPage() {
        TestData t = new TestData(TestData.newTenant(), 2);
        sendJob(t.jobAccepted());
        sendResult(t.page(0, 1, 2, "a"));
        sendResult(t.page(0, 2, 2, "b"));
        sendResult(t.page(0, 2, 2, "b"));
        sendResult(t.page(1, 1, 1, "c"));
        awaitState(t.tenant, t.jobId, "completed");

        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        given().queryParam("tenant_id", t.tenant).queryParam("from", today).queryParam("to", today)
                .get("/internal/v1/usage").then().statusCode(200)
                .body("usage", hasSize(1))
                .body("usage[0].day", equalTo(today)).body("usage[0].type", equalTo("invoice"))
                .body("usage[0].test", equalTo(false))
                .body("usage[0].documents", equalTo(2)).body("usage[0].pages", equalTo(3));
    }
}

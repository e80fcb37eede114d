package io.inkstream.resultstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.Map;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class QueryCountTest extends InMemoryBase {

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void givenJobOf2000Documents_whenViewed_thenThreeQueriesAndNoPerDocumentFetch() {
        TestData t = new TestData(TestData.newTenant(), 2000);
        sendJob(t.jobAccepted());
        awaitState(t.tenant, t.jobId, "queued");

        Statistics stats = sessionFactory.getStatistics();
        Map<String, Long> before = executions(stats);
        given().queryParam("tenant_id", t.tenant).get("/internal/v1/jobs/{id}", t.jobId)
                .then().statusCode(200).body("documents", hasSize(2000))
                .body("documents[1999].index", equalTo(1999));

        // job, its documents, its audit trail: three queries, each once, whatever the number of documents
        Map<String, Long> after = executions(stats);
        Map<String, Long> delta = new HashMap<>();
        after.forEach((q, n) -> {
            long d = n - before.getOrDefault(q, 0L);
            if (d > 0) {
                delta.put(q, d);
            }
        });
        assertThat(delta.values()).containsOnly(1L).hasSize(3);
    }

    /** Executions per HQL string, leaving out the background sweeps (progress, retention) that run meanwhile. */
    private static Map<String, Long> executions(Statistics stats) {
        Map<String, Long> out = new HashMap<>();
        for (String q : stats.getQueries()) {
            if (!q.contains("progressDirty") && !q.contains("createdAt < ?1")) {
                out.put(q, stats.getQueryStatistics(q).getExecutionCount());
            }
        }
        return out;
    }
}

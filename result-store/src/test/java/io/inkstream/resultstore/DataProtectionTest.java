package io.inkstream.resultstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.inkstream.contracts.blob.BlobRef;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.contracts.blob.StoredBlob;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.resultstore.service.ResultCipher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class DataProtectionTest extends InMemoryBase {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ResultCipher cipher;
    @Inject
    BlobStore blobs;

    @Test
    void givenExtractedPages_whenColumnsReadDirectly_thenNoPlaintextAndKeyIdBeside() throws Exception {
        TestData t = new TestData(TestData.newTenant(), 1);
        String secret = "PLAINTEXT-CANARY-" + t.jobId;
        sendResult(t.page(0, 1, 1, secret)); // parked before the job: also encrypted
        await().atMost(Duration.ofSeconds(90)).until(() -> countPending(t.jobId, null) == 1);
        assertThat(countPending(t.jobId, secret)).isZero();
        sendJob(t.jobAccepted());
        awaitState(t.tenant, t.jobId, "completed");

        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select result, key_id from result_store.pages where document_id = ?")) {
            ps.setString(1, t.doc(0));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                byte[] stored = rs.getBytes(1);
                assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("CANARY");
                assertThat(rs.getString(2)).isEqualTo("r2");
            }
        }
        given().queryParam("tenant_id", t.tenant).queryParam("format", "text")
                .get("/internal/v1/jobs/{id}/documents/{doc}", t.jobId, t.doc(0)).then().body(equalTo(secret));
    }

    @Test
    void givenValueSealedUnderOldKey_whenOpened_thenStillReadable() {
        ResultCipher.Sealed sealed = cipher.seal("hello".getBytes(StandardCharsets.UTF_8), "ctx");
        assertThat(sealed.keyId()).isEqualTo("r2");
        assertThat(new String(cipher.open("r2", sealed.data(), "ctx"), StandardCharsets.UTF_8)).isEqualTo("hello");
        // r1 is no longer primary but must stay readable: re-encrypt the same way under r1 and read it back
        ResultCipher oldPrimary = ResultCipher.of(
                "r1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "r1");
        ResultCipher.Sealed old = oldPrimary.seal("legacy".getBytes(StandardCharsets.UTF_8), "ctx");
        assertThat(old.keyId()).isEqualTo("r1");
        assertThat(new String(cipher.open("r1", old.data(), "ctx"), StandardCharsets.UTF_8)).isEqualTo("legacy");
    }

    @Test
    void givenRunningJob_whenCancelled_thenCancelledEventAndLateResultsIgnored() {
        TestData t = new TestData(TestData.newTenant(), 2);
        sendJob(t.jobAccepted());
        sendResult(t.page(0, 1, 1, "done before cancel"));
        awaitEvents(t.jobId, 2);

        given().queryParam("tenant_id", t.tenant).post("/internal/v1/jobs/{id}/cancel", t.jobId)
                .then().statusCode(200).body("state", equalTo("cancelled"))
                .body("documents[0].state", equalTo("completed"))
                .body("documents[1].state", equalTo("cancelled"));
        sendResult(t.page(1, 1, 1, "late"));
        TestData probe = new TestData(t.tenant, 1);
        sendResult(probe.page(0, 1, 1, "x")); // processed after the late result (same channel, in order)
        sendJob(probe.jobAccepted());
        awaitState(probe.tenant, probe.jobId, "completed");

        job(t.tenant, t.jobId).body("state", equalTo("cancelled")).body("progress.pages_done", equalTo(1))
                .body("documents[1].state", equalTo("cancelled"));
        await().atMost(Duration.ofSeconds(90)).until(() -> eventTypes(t.jobId).contains(EventTypes.JOB_CANCELLED));
        assertThat(eventTypes(t.jobId)).filteredOn(type -> !type.equals(EventTypes.JOB_PROGRESS))
                .containsExactly(EventTypes.JOB_ACCEPTED, EventTypes.EXTRACTION_COMPLETED, EventTypes.JOB_CANCELLED);
        // cancelling again is a no-op
        given().queryParam("tenant_id", t.tenant).post("/internal/v1/jobs/{id}/cancel", t.jobId)
                .then().statusCode(200).body("state", equalTo("cancelled"));
    }

    @Test
    void givenJobWithBlobs_whenDeleted_thenRowsAndBlobsGone() throws Exception {
        String tenant = TestData.newTenant();
        StoredBlob blob = blobs.put(tenant, new ByteArrayInputStream("bytes".getBytes(StandardCharsets.UTF_8)));
        TestData t = new TestData(tenant, 1);
        sendJob(t.jobAccepted(List.of(blob.ref().toString())));
        sendResult(t.page(0, 1, 1, "text"));
        awaitState(t.tenant, t.jobId, "completed");
        assertThat(blobs.exists(blob.ref())).isTrue();

        given().queryParam("tenant_id", t.tenant).delete("/internal/v1/jobs/{id}", t.jobId).then().statusCode(204);

        job(t.tenant, t.jobId).statusCode(404);
        assertThat(blobs.exists(BlobRef.parse(blob.ref().toString()))).isFalse();
        assertThat(countRows("select count(*) from result_store.pages where document_id = ?", t.doc(0))).isZero();
        assertThat(countRows("select count(*) from result_store.documents where job_id = ?", t.jobId)).isZero();
        assertThat(countRows("select count(*) from result_store.audit where job_id = ?", t.jobId)).isZero();
    }

    private long countPending(String jobId, String secret) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select payload from result_store.pending_results where job_id = ?")) {
            ps.setString(1, jobId);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (secret == null || new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains(secret)) {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    private long countRows(String sql, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

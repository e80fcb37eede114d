package io.inkstream.resultstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.inkstream.contracts.Ids;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.resultstore.service.EventWriter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class OutboxTest extends InMemoryBase {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void givenJobLifecycle_whenEventsPublished_thenIdsAreDeterministicAndBytesAreTheStoredOnes() throws Exception {
        TestData t = new TestData(TestData.newTenant(), 1);
        sendJob(t.jobAccepted());
        sendResult(t.page(0, 1, 1, "one"));
        awaitState(t.tenant, t.jobId, "completed");
        awaitEvents(t.jobId, 3);

        Map<String, String> stored = storedPayloads(t.jobId);
        for (Message<?> m : eventMessages(t.jobId)) {
            CloudEvent e = read((String) m.getPayload());
            assertThat(e.source()).isEqualTo(EventWriter.SOURCE);
            assertThat(e.subject()).isEqualTo(t.jobId);
            assertThat(stored.get(e.id())).isEqualTo(m.getPayload());
            assertThat(e.data().get("webhook_url").asText()).isEqualTo("https://hooks.example.com/x");
            assertThat(e.data().get("metadata").get("order").asText()).isEqualTo("42");
        }
        assertThat(events(t.jobId)).extracting(CloudEvent::id).containsExactly(
                Ids.uuidV5(Ids.NAMESPACE, t.jobId + "/job.accepted").toString(),
                Ids.uuidV5(Ids.NAMESPACE, t.jobId + "/extraction.completed:" + t.doc(0)).toString(),
                Ids.uuidV5(Ids.NAMESPACE, t.jobId + "/job.completed").toString());
    }

    @Test
    void givenPublishedRowMarkedUnpublished_whenSweepRuns_thenSameBytesArePublishedAgain() throws Exception {
        TestData t = new TestData(TestData.newTenant(), 1);
        sendJob(t.jobAccepted());
        awaitEvents(t.jobId, 1);
        String first = (String) eventMessages(t.jobId).get(0).getPayload();

        // what a crash between commit and publish leaves behind: an unpublished row
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update result_store.outbox set published_at = null where job_id = ?")) {
            ps.setString(1, t.jobId);
            ps.executeUpdate();
        }
        awaitEvents(t.jobId, 2);
        assertThat(eventMessages(t.jobId).get(1).getPayload()).isEqualTo(first);
    }

    private Map<String, String> storedPayloads(String jobId) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select event_id, payload from result_store.outbox where job_id = ? order by seq")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}

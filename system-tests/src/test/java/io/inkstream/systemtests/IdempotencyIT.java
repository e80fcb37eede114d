package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Idempotency-Key: a retry lands on the same job, even after Redis forgot the key. */
class IdempotencyIT {

    @Test
    void givenSameKeyAndBody_whenSubmittedTwice_thenSameJob() {
        String key = "idem-" + UUID.randomUUID();
        byte[] png = Fixtures.png("Submitted twice");
        String first = submit(key, png).then().statusCode(202).extract().path("job_id");
        String second = submit(key, png).then().statusCode(202).extract().path("job_id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void givenSameKeyWithAnotherBody_whenSubmitted_thenKeyReusedProblem() {
        String key = "idem-" + UUID.randomUUID();
        submit(key, Fixtures.png("Original body")).then().statusCode(202);
        submit(key, Fixtures.png("A different body")).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void givenRedisFlushedBetweenRequestAndRetry_whenRetried_thenStillOneJob() throws Exception {
        String key = "idem-" + UUID.randomUUID();
        byte[] png = Fixtures.png("Survives a Redis flush");
        String jobId = submit(key, png).then().statusCode(202).extract().path("job_id");
        // The result-store must know the job before the retry can be recognised without Redis.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Suite.api().get("/v1/jobs/" + jobId).then().extract().statusCode()).isEqualTo(200));
        flushRedis();

        String retried = submit(key, png).then().statusCode(202).extract().path("job_id");

        assertThat(retried).isEqualTo(jobId);
        assertThat(Suite.api().get("/v1/jobs/" + jobId).then().extract().<Integer>path("progress.documents_total"))
                .isEqualTo(1);
    }

    private static io.restassured.response.Response submit(String key, byte[] png) {
        return Suite.api().header("Idempotency-Key", key)
                .multiPart("documents", "idem.png", png, "image/png")
                .when().post("/v1/jobs");
    }

    private static void flushRedis() throws Exception {
        String host = System.getenv().getOrDefault("INKSTREAM_REDIS_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("INKSTREAM_REDIS_PORT", "16379"));
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(5);
            assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
        }
    }
}

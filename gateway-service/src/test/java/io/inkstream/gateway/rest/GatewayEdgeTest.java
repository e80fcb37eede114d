package io.inkstream.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** What the gateway refuses before any work is queued; each answer is problem+json with a stable code. */
@QuarkusTest
class GatewayEdgeTest {

    static final String KEY = "isk_test_testkey000000000000000000000";

    @TestHTTPResource("/")
    URL base;

    @Test
    void givenNoKey_whenCallingApi_thenUnauthenticated() {
        given().when().get("/v1/jobs/job_x")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("UNAUTHENTICATED")).body("request_id", notNullValue());
    }

    @Test
    void givenWrongKey_whenCallingApi_thenUnauthenticated() {
        given().header("Authorization", "Bearer isk_live_wrong").when().get("/v1/jobs/job_x")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void givenClientRequestId_whenCalling_thenEchoedInHeaderAndProblem() {
        given().header("X-Request-Id", "client-123").when().get("/v1/jobs/job_x")
                .then().header("X-Request-Id", "client-123").body("request_id", equalTo("client-123"));
    }

    @Test
    void givenUnsafeRequestId_whenCalling_thenReplacedByGeneratedOne() {
        given().header("X-Request-Id", "bad id with spaces").when().get("/v1/jobs/job_x")
                .then().header("X-Request-Id", org.hamcrest.Matchers.startsWith("req_"));
    }

    @Test
    void givenTextFile_whenExtracting_thenUnsupportedMediaType() {
        given().header("Authorization", "Bearer " + KEY)
                .multiPart("document", "a.png", "not an image".getBytes(StandardCharsets.UTF_8), "image/png")
                .when().post("/v1/extract")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void givenAnnouncedBodyOverLimit_whenExtracting_thenTooLargeFromHeadersAlone() throws Exception {
        // Only headers are sent: the answer must come without the gateway waiting for (or buffering) a body.
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/extract HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + KEY + "\r\nContent-Type: image/png\r\nContent-Length: 1099511627776\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readNBytes(400), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413").contains("DOCUMENT_TOO_LARGE");
        }
    }

    @Test
    void givenUnknownOption_whenExtracting_thenInvalidRequestNamingIt() {
        given().header("Authorization", "Bearer " + KEY)
                .multiPart("document", "a.png", DocumentPng.tiny(), "image/png")
                .multiPart("options", "{\"colour\":\"blue\"}")
                .when().post("/v1/extract")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST")).body("field", equalTo("options.colour"));
    }

    @Test
    void givenUninstalledLanguage_whenExtracting_thenLanguageUnavailable() {
        given().header("Authorization", "Bearer " + KEY)
                .multiPart("document", "a.png", DocumentPng.tiny(), "image/png")
                .multiPart("options", "{\"languages\":\"eng+xyz\"}")
                .when().post("/v1/extract")
                .then().statusCode(422).body("code", equalTo("LANGUAGE_UNAVAILABLE"));
    }

    @Test
    void givenEmptyBatch_whenSubmitting_thenInvalidRequest() {
        given().header("Authorization", "Bearer " + KEY).multiPart("type", "text")
                .when().post("/v1/jobs")
                .then().statusCode(400).body("field", equalTo("documents"));
    }

    @Test
    void givenAuthenticatedRequest_whenAnswered_thenRateLimitHeadersAreThere() {
        given().header("Authorization", "Bearer " + KEY)
                .multiPart("document", "a.txt", "text".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/v1/extract")
                .then().statusCode(415).header("RateLimit-Policy", org.hamcrest.Matchers.startsWith("\"burst\";q="))
                .header("RateLimit", org.hamcrest.Matchers.containsString(";r="));
    }

    @Test
    void givenUnknownRoute_whenCalled_thenNotFoundProblem() {
        given().header("Authorization", "Bearer " + KEY).when().get("/v1/nothing-here")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }
}

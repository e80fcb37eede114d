package io.inkstream.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Bad input gets a specific problem+json answer, never a 500 or a hang. */
class BadInputIT {

    @Test
    void givenNoApiKey_whenExtracting_thenUnauthenticatedProblem() {
        Suite.anonymous().multiPart("document", "a.png", Fixtures.png("x"), "image/png")
                .when().post("/v1/extract")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED")).body("request_id", notNullValue());
    }

    @Test
    void givenTextFileNamedPng_whenExtracting_thenUnsupportedMediaTypeProblem() {
        Suite.api().multiPart("document", "fake.png", "just some text".getBytes(StandardCharsets.UTF_8), "image/png")
                .when().post("/v1/extract")
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void givenBodyAnnouncingMoreThanTheLimit_whenExtracting_thenTooLargeBeforeTheBodyIsRead() throws Exception {
        // Only the headers are sent: the gateway must answer from Content-Length alone, without the body.
        URI uri = URI.create(Suite.GATEWAY);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST /v1/extract HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + Suite.API_KEY + "\r\nContent-Type: image/png\r\n"
                    + "Content-Length: 1099511627776\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String status = in.readLine();
            StringBuilder rest = new StringBuilder();
            char[] buf = new char[4096];
            int n;
            // Read until the problem body is complete; the server need not close the connection.
            while (rest.indexOf("}") < 0 && (n = in.read(buf)) != -1) {
                rest.append(buf, 0, n);
            }
            assertThat(status).startsWith("HTTP/1.1 413");
            assertThat(rest.toString()).contains("application/problem+json").contains("DOCUMENT_TOO_LARGE");
        }
    }

    @Test
    void givenEmptyFile_whenExtracting_thenUnreadableProblem() {
        Suite.api().multiPart("document", "empty.png", new byte[0], "image/png")
                .when().post("/v1/extract")
                .then().statusCode(422).body("code", equalTo("DOCUMENT_UNREADABLE"));
    }

    @Test
    void givenBatchWithOneBadFile_whenSubmitted_thenWholeBatchRefusedNamingTheFile() {
        Suite.api()
                .multiPart("documents", "good.png", Fixtures.png("fine"), "image/png")
                .multiPart("documents", "notes.txt", "plain text".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/v1/jobs")
                .then().statusCode(415).body("errors[0].name", equalTo("notes.txt"))
                .body("errors[0].index", equalTo(1));
    }

    @Test
    void givenUnknownType_whenExtracting_thenInvalidRequestNamingTheField() {
        Suite.api().multiPart("document", "a.png", Fixtures.png("x"), "image/png").multiPart("type", "horoscope")
                .when().post("/v1/extract")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST")).body("field", equalTo("type"));
    }
}

package io.inkstream.worker.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WorkerEndpointsTest {

    @Test
    void givenStartedWorker_whenReadinessAsked_thenPoolCheckIsUp() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("ocr-pool"));
    }

    @Test
    void givenStartedWorker_whenLanguagesAsked_thenEnglishIsListed() {
        given().when().get("/internal/v1/languages").then()
                .statusCode(200)
                .body("languages", hasItem("eng"))
                .body("default_languages", is("eng"));
    }

    @Test
    void givenStartedWorker_whenMetricsScraped_thenPoolGaugesArePresent() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("ocr_pool_size"));
    }
}

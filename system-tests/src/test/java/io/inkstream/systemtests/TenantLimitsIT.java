package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A tenant created through the admin API gets its plan's limits, and another tenant's jobs stay invisible. */
class TenantLimitsIT {

    private static final String ADMIN = System.getenv("INKSTREAM_ADMIN_TOKEN");

    @Test
    void givenFreePlanTenant_whenBurstIsExceeded_thenRateLimitedWithRetryAfter() {
        String key = newTenantKey("free");
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        // Free: burst 15, refilled at 10 a minute; the 16th request in a row finds the bucket empty.
        for (int i = 0; i < 16; i++) {
            last = as(key).get("/v1/jobs");
            statuses.add(last.statusCode());
        }
        assertThat(statuses.subList(0, 15)).containsOnly(200);
        assertThat(statuses.get(15)).isEqualTo(429);
        assertThat(last.getHeader("Retry-After")).isNotBlank();
        assertThat(last.getHeader("RateLimit")).contains("r=0");
        assertThat(last.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
    }

    @Test
    void givenJobOfAnotherTenant_whenRead_thenNotFound() {
        String jobId = Suite.api()
                .multiPart("documents", "mine.png", Fixtures.png("Private to the demo tenant"), "image/png")
                .when().post("/v1/jobs").then().statusCode(202).extract().path("job_id");

        as(newTenantKey("starter")).get("/v1/jobs/" + jobId).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    private static RequestSpecification as(String key) {
        return RestAssured.given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key);
    }

    private static String newTenantKey(String plan) {
        assertThat(ADMIN).as("INKSTREAM_ADMIN_TOKEN from deploy/local/inkstream test").isNotBlank();
        String tenant = "sys_" + UUID.randomUUID().toString().replace("-", "");
        RestAssured.given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + ADMIN)
                .contentType("application/json").body(Map.of("id", tenant, "plan", plan))
                .post("/admin/v1/tenants").then().statusCode(201);
        return RestAssured.given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + ADMIN)
                .contentType("application/json").body(Map.of("mode", "live"))
                .post("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(201).extract().path("key");
    }
}

package io.inkstream.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Tenants and API keys through the admin API, against the gateway's real PostgreSQL schema. */
@QuarkusTest
class AdminApiTest {

    static final String ADMIN = "admin-test-token";

    @Test
    void givenNoAdminCredential_whenCallingAdminApi_thenUnauthenticated() {
        given().when().get("/admin/v1/tenants").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void givenNewTenant_whenKeyIssued_thenItIsShownOnceAndAuthenticatesAsThatTenant() {
        String tenant = newTenant("starter");
        JsonPath issued = issue(tenant, "live");
        String key = issued.getString("key");

        assertThat(key).startsWith("isk_live_").hasSize("isk_live_".length() + 32);
        assertThat(authenticatedStatus(key)).isEqualTo(415);
        JsonPath listed = admin().get("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getList("keys")).hasSize(1);
        assertThat(listed.getString("keys[0].key")).isNull();
        assertThat(listed.getString("keys[0].prefix")).isEqualTo(key.substring(0, 13));
    }

    @Test
    void givenRevokedKey_whenUsed_thenRefusedWithinFiveSeconds() {
        String tenant = newTenant("free");
        JsonPath issued = issue(tenant, "live");
        String key = issued.getString("key");
        assertThat(authenticatedStatus(key)).isEqualTo(415);

        admin().delete("/admin/v1/tenants/" + tenant + "/keys/" + issued.getString("key_id")).then().statusCode(204);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(authenticatedStatus(key)).isEqualTo(401));
    }

    @Test
    void givenRotatedKey_whenBothUsedDuringOverlap_thenBothWorkAndOldExpiresAfterIt() {
        String tenant = newTenant("free");
        JsonPath old = issue(tenant, "test");

        JsonPath fresh = admin().contentType("application/json").body(Map.of("overlap_seconds", 3600))
                .post("/admin/v1/tenants/" + tenant + "/keys/" + old.getString("key_id") + "/rotate")
                .then().statusCode(201).extract().jsonPath();

        assertThat(fresh.getString("key")).startsWith("isk_test_").isNotEqualTo(old.getString("key"));
        assertThat(authenticatedStatus(old.getString("key"))).isEqualTo(415);
        assertThat(authenticatedStatus(fresh.getString("key"))).isEqualTo(415);
        admin().get("/admin/v1/tenants/" + tenant + "/keys").then()
                .body("keys.find { it.key_id == '" + old.getString("key_id") + "' }.expires_at",
                        org.hamcrest.Matchers.notNullValue())
                .body("keys.find { it.key_id == '" + fresh.getString("key_id") + "' }.expires_at", nullValue());
    }

    @Test
    void givenUsedKey_whenListed_thenLastUsedIsRecorded() {
        String tenant = newTenant("free");
        JsonPath issued = issue(tenant, "live");
        authenticatedStatus(issued.getString("key"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get("/admin/v1/tenants/" + tenant + "/keys")
                .then().body("keys[0].last_used_at", org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void givenUnknownPlan_whenCreatingTenant_thenInvalidRequestNamingPlan() {
        admin().contentType("application/json").body(Map.of("name", "x", "plan", "platinum"))
                .post("/admin/v1/tenants").then().statusCode(400).body("field", equalTo("plan"));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN);
    }

    private static String newTenant(String plan) {
        String id = "t_" + UUID.randomUUID().toString().replace("-", "");
        admin().contentType("application/json").body(Map.of("id", id, "name", "Tenant " + id, "plan", plan))
                .post("/admin/v1/tenants").then().statusCode(201).body("plan", equalTo(plan));
        return id;
    }

    private static JsonPath issue(String tenant, String mode) {
        return admin().contentType("application/json").body(Map.of("mode", mode))
                .post("/admin/v1/tenants/" + tenant + "/keys").then().statusCode(201).extract().jsonPath();
    }

    /** 415 means the key was accepted (the text upload is then refused for its media type); 401 means not. */
    private static int authenticatedStatus(String key) {
        return given().header("Authorization", "Bearer " + key)
                .multiPart("document", "a.txt", "text".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/v1/extract").then().extract().statusCode();
    }
}
